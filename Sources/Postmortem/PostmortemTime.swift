import Foundation
import IncidentModel

/// How the postmortem writes moments: UTC ISO 8601 with milliseconds, as the journal does.
enum PostmortemTime {
    /// `2026-11-27T00:20:05.123Z`.
    static func iso(_ date: Date) -> String {
        JournalTime.string(from: date)
    }

    /// `2026-11-27T00:20:05`, the form Mermaid's `dateFormat YYYY-MM-DDTHH:mm:ss` reads (UTC, no zone).
    static func mermaid(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return
            "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    }

    /// The signed time from `start` to `date`, e.g. `+12m 30s`; empty without a start.
    static func elapsed(_ date: Date, since start: Date?) -> String {
        start.map { DurationFormat.signed(from: $0, to: date) } ?? ""
    }
}
