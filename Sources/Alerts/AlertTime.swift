import FoundationEssentials
import TerminalText

/// The times of Alertmanager's payloads: RFC 3339 with up to nanoseconds and any offset, and Go's zero time
/// (`0001-01-01T00:00:00Z`) for "not set".
enum AlertTime {
    /// The instant an RFC 3339 time names, or nil when it is not one.
    static func date(from text: String) -> Date? {
        // Foundation's ISO 8601 style reads at most a few fraction digits; Go writes nine. The fraction is cut to
        // milliseconds before parsing, which is finer than any alert's time is meaningful.
        var text = text.trimmingScalars(in: .whitespaces)
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            let kept = digits.prefix(3)
            text =
                String(text[..<dot]) + "." + kept + String(repeating: "0", count: 3 - kept.count)
                + text[digits.endIndex...]
        } else if text.count >= 19 {
            let zoneStart = text.index(text.startIndex, offsetBy: 19)
            text = String(text[..<zoneStart]) + ".000" + text[zoneStart...]
        }
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? style.parse(text)
    }

    /// Whether a time is Go's zero time, which Alertmanager writes for an unset end.
    static func isZero(_ date: Date) -> Bool {
        date.timeIntervalSince1970 < -62_000_000_000
    }
}
