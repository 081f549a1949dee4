import FoundationEssentials
import Glibc
import Localization
import TerminalText

/// The journal's clock format: UTC, ISO 8601, millisecond precision (`2026-11-27T00:20:05.123Z`).
///
/// Dates are kept at whole milliseconds so that an event read back from the journal equals the event that was
/// written.
public enum JournalTime {
    /// The date rounded to the nearest whole millisecond, as the journal stores it.
    public static func normalized(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    /// The date as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    ///
    /// Written digit by digit rather than through `String(format:)`: exports and timelines format one or two
    /// timestamps per event, and the formatter was the largest cost of printing a long timeline.
    public static func string(from date: Date) -> String {
        let total = milliseconds(date)
        let millis = ((total % 1000) + 1000) % 1000
        let seconds = (total - millis) / 1000
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: (seconds - secondOfDay) / 86_400)
        let fields: [(value: Int64, width: Int, separator: String)] = [
            (year, 4, "-"), (month, 2, "-"), (day, 2, "T"), (secondOfDay / 3600, 2, ":"),
            (secondOfDay % 3600 / 60, 2, ":"), (secondOfDay % 60, 2, "."), (millis, 3, "Z"),
        ]
        guard (0...9999).contains(year) else {
            var text = ""
            for field in fields {
                text.append(FixedWidthNumber.padded(field.value, width: field.width))
                text.append(field.separator)
            }
            return text
        }
        // The usual years: every field is its width in digits, written straight into the string's storage.
        return String(unsafeUninitializedCapacity: 24) { text in
            var end = 0
            for field in fields {
                var value = field.value
                for position in stride(from: end + field.width - 1, through: end, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                end += field.width
                text[end] = field.separator.utf8.first ?? 0
                end += 1
            }
            return end
        }
    }

    /// Parses an ISO 8601 timestamp: `yyyy-MM-ddTHH:mm[:ss[.fraction]]` followed by `Z` or an offset `±HH:MM`;
    /// nil when the text is anything else.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { date(utf8: $0) }
    }

    /// `date(from:)` for the text's UTF-8 bytes, so that the journal reads its times without making strings.
    static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = DigitScanner(bytes)
        guard let year = scanner.number(digits: 4, as: Int.self), scanner.skip("-"),
            let month = scanner.number(digits: 2, as: Int.self), scanner.skip("-"),
            let day = scanner.number(digits: 2, as: Int.self),
            scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(digits: 2, as: Int.self), scanner.skip(":"),
            let minute = scanner.number(digits: 2, as: Int.self)
        else { return nil }
        var second = 0
        var millis = 0
        if scanner.skip(":") {
            guard let value = scanner.number(digits: 2, as: Int.self) else { return nil }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fraction() else { return nil }
                millis = fraction
            }
        }
        let offsetSeconds: Int
        if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.number(digits: 2, as: Int.self) else { return nil }
            _ = scanner.skip(":")
            guard let minutes = scanner.number(digits: 2, as: Int.self), hours < 24, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let epoch = utcSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return Date(timeIntervalSince1970: Double((epoch - offsetSeconds) * 1000 + millis) / 1000)
    }

    /// The seconds since 1970 of a UTC time, as `timegm` counts them (the proleptic Gregorian calendar, a day past
    /// its month's end running on into the next month, a 60th second into the next minute), by arithmetic alone:
    /// `timegm` goes through the C library's search of the calendar, twice for every journal line read.
    static func utcSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        // Years from March, so that a leap day ends its year and the months before it have fixed lengths.
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// The date's UTC time of day, `HH:MM:SS`, seconds rounded down as a clock shows them; `--:--:--` for a date
    /// no clock shows. Digit by digit: the guide's timeline writes one per row on every frame.
    public static func clock(_ date: Date) -> String {
        let since = date.timeIntervalSince1970.rounded(.down)
        guard since.isFinite, abs(since) < 1e15 else { return "--:--:--" }
        let ofDay = (Int64(since) % 86_400 + 86_400) % 86_400
        var text = ""
        text.append(FixedWidthNumber.padded(ofDay / 3_600, width: 2))
        text.append(":")
        text.append(FixedWidthNumber.padded(ofDay % 3_600 / 60, width: 2))
        text.append(":")
        text.append(FixedWidthNumber.padded(ofDay % 60, width: 2))
        return text
    }

    /// The UTC calendar components of a date: year, month, day, hour, minute.
    package static func utcComponents(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
            Int(parts.tm_min)
        )
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
