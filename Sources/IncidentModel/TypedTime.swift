import FoundationEssentials
import Glibc
import TerminalText

/// A time a responder typed for when something happened (`respond log … --at`), read the way they meant it, with
/// what about it deserves a second look.
public struct TypedTime: Hashable, Sendable {
    /// The moment, which the journal stores in UTC.
    public var date: Date
    /// What the responder should check: the time was read as yesterday or was ambiguous, or it lies after now or
    /// before the incident opened. Warnings never change `date`.
    public var warnings: [TypedTimeWarning]

    /// How far after now a time may be before it counts as later than now: clocks of two machines differ, and a
    /// responder types the minute a clock shows.
    static let tolerance: Int64 = 60

    /// Reads `text`, typed at `now` by someone whose clocks show `timeZone`:
    ///
    /// - `HH:MM` or `HH:MM:SS` is that time today in `timeZone`; when that is still to come, it is that time
    ///   yesterday, with a warning.
    /// - An ISO 8601 date and time with `Z` or an offset (`2026-11-27T15:42+08:00`) is that moment.
    /// - An ISO 8601 date and time without a zone (`2026-11-27T15:42`, `2026-11-27 15:42:30`) is that time in
    ///   `timeZone`.
    ///
    /// A date that does not exist (`2026-02-31`), a time of day that does not (`24:00`), and a local time the clocks
    /// skipped when they went forward are refused. A local time that happened twice because the clocks went back
    /// is the later one that is not after now, with a warning naming the other when it is past too. A time after
    /// `now`, or before `earliest` (when the incident opened, for events that cannot precede it), is kept and warned
    /// about. Pure: the answer depends only on the arguments.
    public static func read(
        _ text: String, now: Date, timeZone: TimeZone, earliest: Date? = nil
    ) throws(TypedTimeError) -> TypedTime {
        let typed = text.trimmingScalars(in: .whitespaces)
        guard let parts = TypedTimeParts(Array(typed.utf8)) else { throw .unreadable(text) }
        try parts.validate(text)
        let zone = LocalClock(timeZone: timeZone)
        let nowSeconds = Int64(floor(now.timeIntervalSince1970))
        var warnings: [TypedTimeWarning] = []
        let seconds: Int64
        if let date = parts.date {
            let wall = daysFromCivil(date.year, date.month, date.day) * 86_400 + parts.secondOfDay
            if let offset = parts.offset {
                seconds = wall - offset
            } else {
                let candidates = zone.instants(atWallTime: wall)
                guard let first = candidates.first else {
                    throw .skippedByClockChange(text, zone: timeZone.identifier, suggestion: zone.suggestion(wall))
                }
                seconds = candidates.last(where: { $0 <= nowSeconds + tolerance }) ?? first
                if let other = candidates.first(where: { $0 != seconds && $0 <= nowSeconds + tolerance }) {
                    warnings.append(.happenedTwice(text: text, taken: zone.text(seconds), other: zone.text(other)))
                }
            }
        } else {
            let nowWall = nowSeconds + zone.offset(at: nowSeconds)
            let todayWall = floorDivision(nowWall, 86_400) * 86_400 + parts.secondOfDay
            let today = zone.instants(atWallTime: todayWall)
            if let latest = today.last(where: { $0 <= nowSeconds + tolerance }) {
                seconds = latest
                if let other = today.first(where: { $0 != latest && $0 <= nowSeconds + tolerance }) {
                    warnings.append(.happenedTwice(text: text, taken: zone.text(latest), other: zone.text(other)))
                }
            } else if today.isEmpty && todayWall <= nowWall {
                throw .skippedByClockChange(text, zone: timeZone.identifier, suggestion: zone.suggestion(todayWall))
            } else {
                let yesterdayWall = todayWall - 86_400
                let yesterday = zone.instants(atWallTime: yesterdayWall)
                guard let latest = yesterday.last else {
                    throw .skippedByClockChange(
                        text, zone: timeZone.identifier, suggestion: zone.suggestion(yesterdayWall))
                }
                seconds = latest
                warnings.append(.readAsYesterday(text: text, local: zone.text(latest)))
                if let other = yesterday.first(where: { $0 != latest }) {
                    warnings.append(.happenedTwice(text: text, taken: zone.text(latest), other: zone.text(other)))
                }
            }
        }
        let date = Date(timeIntervalSince1970: Double(seconds) + Double(parts.milliseconds) / 1000)
        if seconds > nowSeconds + tolerance {
            warnings.append(.afterNow(text: text, local: zone.text(seconds), now: zone.text(nowSeconds)))
        }
        if let earliest, seconds < Int64(floor(earliest.timeIntervalSince1970)) - tolerance {
            let opened = zone.text(Int64(floor(earliest.timeIntervalSince1970)))
            warnings.append(.beforeOpening(text: text, local: zone.text(seconds), opened: opened))
        }
        return TypedTime(date: date, warnings: warnings)
    }

    /// The number of days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days the month has in the year.
    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Division rounding towards negative infinity, so that times before 1970 fall on the right day.
private func floorDivision(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
}

/// Something about a typed time the responder should check; the time is recorded all the same.
public enum TypedTimeWarning: Hashable, Sendable, CustomStringConvertible {
    /// `HH:MM` today is still to come, so it was read as that time yesterday (`local`, in the responder's zone).
    case readAsYesterday(text: String, local: String)
    /// The local time happened twice because the clocks went back: `taken` was recorded, `other` was not.
    case happenedTwice(text: String, taken: String, other: String)
    /// The time is later than now.
    case afterNow(text: String, local: String, now: String)
    /// The time is before the incident opened.
    case beforeOpening(text: String, local: String, opened: String)

    /// What to check, in one line, with the time as it was recorded in the responder's zone.
    public var description: String {
        switch self {
        case .readAsYesterday(let text, let local):
            "--at \(text) is later than now today, so it was read as yesterday, \(local)"
        case .happenedTwice(let text, let taken, let other):
            "--at \(text) happened twice (the clocks went back): recorded \(taken); for the other, give \(other)"
        case .afterNow(let text, let local, let now):
            "--at \(text) (\(local)) is later than now (\(now)); recorded as given"
        case .beforeOpening(let text, let local, let opened):
            "--at \(text) (\(local)) is before the incident opened (\(opened)); recorded as given"
        }
    }
}

/// Why a typed time was refused, with what to type instead.
public enum TypedTimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is neither `HH:MM` nor an ISO 8601 date and time.
    case unreadable(String)
    /// The date does not exist in the calendar.
    case noSuchDate(String, year: Int64, month: Int64, day: Int64)
    /// The time of day or the offset does not exist: an hour past 23, a minute or second past 59.
    case noSuchTime(String)
    /// The local time did not happen in the zone: the clocks went forward past it that day.
    case skippedByClockChange(String, zone: String, suggestion: String)

    /// What is wrong and what to type instead, in one line.
    public var description: String {
        switch self {
        case .unreadable(let text):
            "cannot read time \"\(text)\": use HH:MM (local time today), or ISO 8601: 2026-11-27T15:42 (local time),"
                + " 2026-11-27T07:42Z or 2026-11-27T15:42+08:00"
        case .noSuchDate(let text, let year, let month, let day):
            if (1...12).contains(month) {
                "cannot read time \"\(text)\": \(Self.monthNames[Int(month) - 1]) \(year) has "
                    + "\(TypedTime.daysIn(month: month, year: year)) days, not a day \(day)"
            } else {
                "cannot read time \"\(text)\": there is no month \(month); months are 01 to 12"
            }
        case .noSuchTime(let text):
            "cannot read time \"\(text)\": hours are 00 to 23, minutes and seconds 00 to 59"
        case .skippedByClockChange(let text, let zone, let suggestion):
            "cannot read time \"\(text)\": the clocks in \(zone) skipped it when they went forward; give the offset"
                + " you mean, e.g. \(suggestion)"
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}

/// The pieces of a typed time, before a zone gives them a moment.
private struct TypedTimeParts {
    var date: (year: Int64, month: Int64, day: Int64)?
    var hour: Int64
    var minute: Int64
    var second: Int64 = 0
    var milliseconds: Int64 = 0
    /// Seconds east of UTC, when the text gives a zone.
    var offset: Int64?
    /// The offset as typed, to refuse one that does not exist.
    var offsetParts: (hours: Int64, minutes: Int64)?

    var secondOfDay: Int64 { hour * 3600 + minute * 60 + second }

    /// The pieces of `HH:MM[:SS]` or `yyyy-MM-dd(T| )HH:MM[:SS[.fraction]][Z|±HH[:MM]]`; nil for anything else.
    init?(_ bytes: [UInt8]) {
        var scanner = DigitScanner(bytes)
        if bytes.count > 4, bytes[4] == UInt8(ascii: "-") {
            guard let year = scanner.number(digits: 4, as: Int64.self), scanner.skip("-"),
                let month = scanner.number(digits: 2, as: Int64.self), scanner.skip("-"),
                let day = scanner.number(digits: 2, as: Int64.self),
                scanner.skip("T") || scanner.skip("t") || scanner.skip(" ")
            else { return nil }
            date = (year, month, day)
        }
        guard let hour = scanner.number(digits: 2, as: Int64.self), scanner.skip(":"),
            let minute = scanner.number(digits: 2, as: Int64.self)
        else { return nil }
        self.hour = hour
        self.minute = minute
        if scanner.skip(":") {
            guard let second = scanner.number(digits: 2, as: Int64.self) else { return nil }
            self.second = second
            if date != nil, scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fraction() else { return nil }
                milliseconds = Int64(fraction)
            }
        }
        if date != nil {
            if scanner.skip("Z") || scanner.skip("z") {
                offset = 0
            } else if let sign = scanner.sign() {
                guard let hours = scanner.number(digits: 2, as: Int64.self) else { return nil }
                var minutes: Int64 = 0
                if scanner.skip(":") {
                    guard let value = scanner.number(digits: 2, as: Int64.self) else { return nil }
                    minutes = value
                } else if !scanner.atEnd {
                    guard let value = scanner.number(digits: 2, as: Int64.self) else { return nil }
                    minutes = value
                }
                offsetParts = (hours, minutes)
                offset = Int64(sign) * (hours * 3600 + minutes * 60)
            }
        }
        guard scanner.atEnd else { return nil }
    }

    /// Refuses a date or time that does not exist.
    func validate(_ text: String) throws(TypedTimeError) {
        if let date {
            guard (1...12).contains(date.month),
                (1...TypedTime.daysIn(month: date.month, year: date.year))
                    .contains(date.day)
            else { throw .noSuchDate(text, year: date.year, month: date.month, day: date.day) }
        }
        guard hour < 24, minute < 60, second < 60 else { throw .noSuchTime(text) }
        if let offsetParts, offsetParts.hours >= 24 || offsetParts.minutes >= 60 { throw .noSuchTime(text) }
    }
}

/// A time zone's clock: its offset at a moment, the moments a wall-clock time names, and times as it shows them.
private struct LocalClock {
    let timeZone: TimeZone

    /// Seconds east of UTC at the moment.
    func offset(at seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    /// Every moment at which the zone's clocks showed `wall` (seconds since 1970 as if the clock were UTC), in
    /// order: none when the clocks skipped it, two when they went back over it, else one.
    func instants(atWallTime wall: Int64) -> [Int64] {
        // Every offset the zone has within two days either side; a wall time can only be one of them.
        let offsets = Set((-2...2).map { offset(at: wall + Int64($0) * 86_400) })
        return offsets.map { wall - $0 }.filter { offset(at: $0) == wall - $0 }.sorted()
    }

    /// The wall time with the offset in force before the change that skipped it, to offer in an error.
    func suggestion(_ wall: Int64) -> String {
        Self.text(wall: wall, offset: offset(at: wall - 86_400))
    }

    /// The moment as this zone's clocks showed it, in ISO 8601 with its offset: `2026-11-27T15:42:00+08:00`.
    func text(_ seconds: Int64) -> String {
        let offset = offset(at: seconds)
        return Self.text(wall: seconds + offset, offset: offset)
    }

    private static func text(wall: Int64, offset: Int64) -> String {
        let stamp = JournalTime.string(from: Date(timeIntervalSince1970: Double(wall)))
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        let hours = minutes / 60
        return String(stamp.prefix(19)) + sign + (hours < 10 ? "0" : "") + String(hours) + ":"
            + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)
    }
}
