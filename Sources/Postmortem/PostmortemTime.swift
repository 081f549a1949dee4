import FoundationEssentials
import IncidentModel

/// How the JSON export writes moments: UTC ISO 8601 with milliseconds, as the journal does.
enum PostmortemTime {
    /// `2026-11-27T00:20:05.123Z`.
    static func iso(_ date: Date) -> String {
        JournalTime.string(from: date)
    }
}
