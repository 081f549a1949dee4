import FoundationEssentials

/// Times as a reader in one time zone reads them: wall-clock time with the zone named, and an unambiguous form
/// with the offset for records read elsewhere. The zone is given (the machine's, or `TZ`), never looked up here.
public struct ZoneClock: Sendable {
    /// The zone times are shown in.
    public let zone: TimeZone

    /// A clock for a zone.
    public init(zone: TimeZone) {
        self.zone = zone
    }

    /// A clock that shows UTC.
    public static let utc = ZoneClock(zone: TimeZone(secondsFromGMT: 0) ?? .gmt)

    /// `14:05`.
    public func clock(_ date: Date) -> String {
        let wall = parts(date)
        return pad(wall.hour) + ":" + pad(wall.minute)
    }

    /// `2026-12-03 14:05`.
    public func dateTime(_ date: Date) -> String {
        let wall = parts(date)
        return "\(wall.year)-\(pad(wall.month))-\(pad(wall.day)) \(pad(wall.hour)):\(pad(wall.minute))"
    }

    /// `2026-12-03T14:05:09+08:00`: the local wall time with its offset, which names one instant wherever it is read.
    ///
    /// Written as bytes: a postmortem stamps every row of its timeline, and joining a dozen small strings cost
    /// several times more than the calendar.
    public func timestamp(_ date: Date) -> String {
        let wall = parts(date)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        bytes += String(wall.year).utf8
        let fields = [
            (UInt8(ascii: "-"), wall.month), (UInt8(ascii: "-"), wall.day), (UInt8(ascii: "T"), wall.hour),
            (UInt8(ascii: ":"), wall.minute), (UInt8(ascii: ":"), wall.second),
        ]
        for (separator, value) in fields {
            bytes.append(separator)
            appendPadded(value, to: &bytes)
        }
        if wall.offset == 0 {
            bytes.append(UInt8(ascii: "Z"))
        } else {
            let minutes = abs(wall.offset) / 60
            bytes.append(wall.offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendPadded(minutes / 60, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendPadded(minutes % 60, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `pad(value)`'s bytes.
    private func appendPadded(_ value: Int, to bytes: inout [UInt8]) {
        if (0..<100).contains(value) {
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        } else {
            bytes += pad(value).utf8
        }
    }

    /// The zone as a reader needs it: `UTC`, or `UTC+8` / `UTC+5:30` with the zone's name, `Asia/Taipei (UTC+8)`,
    /// at the given instant (offsets change with daylight saving time).
    public func zoneName(at date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let name = zone.identifier
        let utcNames: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Zulu", "GMT+0"]
        if offset == 0, utcNames.contains(name) { return "UTC" }
        let short = shortOffset(offset)
        if name.isEmpty || name.hasPrefix("GMT") || name.hasPrefix("UTC") { return short }
        return "\(name) (\(short))"
    }

    private func shortOffset(_ offset: Int) -> String {
        guard offset != 0 else { return "UTC" }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        let hours = minutes / 60
        return minutes % 60 == 0 ? "UTC\(sign)\(hours)" : "UTC\(sign)\(hours):\(pad(minutes % 60))"
    }

    private struct Wall {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
        var offset: Int
    }

    /// The wall-clock fields of an instant in the zone, by the proleptic Gregorian calendar (`civilDate`).
    private func parts(_ date: Date) -> Wall {
        let offset = zone.secondsFromGMT(for: date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: Int64(days))
        return Wall(
            year: Int(year), month: Int(month), day: Int(day), hour: secondOfDay / 3600,
            minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60, offset: offset)
    }

    private func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
