import FoundationEssentials
import Localization
import RunbookKit

/// The span of time a runbook report covers: the incidents opened at or after `start` and before `end`.
public struct ReportWindow: Hashable, Sendable {
    /// The first instant in the window.
    public var start: Date
    /// The first instant after the window.
    public var end: Date

    /// A window from `start` up to, not including, `end`.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Whether `date` falls in the window.
    public func contains(_ date: Date) -> Bool {
        date >= start && date < end
    }

    /// The window `--since` and `--until` name, read at `now` in `timeZone` (the user's):
    ///
    /// - `since` is `Nd` (the `N` days of 24 hours before the end, 1 ≤ N ≤ 3660) or a date `YYYY-MM-DD`, which
    ///   starts at that day's midnight in `timeZone`; without it the window is the last 7 days.
    /// - `until` is a date `YYYY-MM-DD` that the window includes: it ends at the next day's midnight in `timeZone`.
    ///   Without it the window ends now.
    ///
    /// A window that ends before it starts is refused.
    public static func read(since: String?, until: String?, now: Date, timeZone: TimeZone) throws(ReportWindowError)
        -> ReportWindow
    {
        var end = now
        if let until {
            guard let day = CalendarDay(parsing: until) else { throw .unreadableUntil(until) }
            end = midnight(after: day, in: timeZone)
        }
        let start: Date
        switch since {
        case nil:
            start = end.addingTimeInterval(-7 * 86_400)
        case let text? where text.hasSuffix("d"):
            guard let days = Int(text.dropLast()), (1...3660).contains(days), !text.hasPrefix("+") else {
                throw .unreadableSince(text)
            }
            start = end.addingTimeInterval(-Double(days) * 86_400)
        case let text?:
            guard let day = CalendarDay(parsing: text) else { throw .unreadableSince(text) }
            start = midnight(of: day, in: timeZone)
        }
        guard start < end else { throw .empty(since: since ?? "7d", until: until ?? "") }
        return ReportWindow(start: start, end: end)
    }

    /// The first instant of `day` in `timeZone`.
    static func midnight(of day: CalendarDay, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        // Midnight exists on every day of a real zone but a few where the clocks skip it; the calendar then gives
        // the first instant of the day.
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
    }

    /// The first instant of the day after `day` in `timeZone`.
    static func midnight(after day: CalendarDay, in timeZone: TimeZone) -> Date {
        midnight(of: CalendarDay(daysSinceEpoch: day.daysSinceEpoch + 1), in: timeZone)
    }
}

/// Why `--since` or `--until` could not be read.
public enum ReportWindowError: Error, Hashable, Sendable {
    /// `--since` is neither `Nd` nor a date.
    case unreadableSince(String)
    /// `--until` is not a date.
    case unreadableUntil(String)
    /// The window ends before it starts.
    case empty(since: String, until: String)
}

extension ReportWindowError {
    /// What is wrong and how to write it instead, in the words of `localizer`.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .unreadableSince(let text): localizer.tr("cli.report.since_unreadable", ["value": text])
        case .unreadableUntil(let text): localizer.tr("cli.report.until_unreadable", ["value": text])
        case .empty(let since, let until): localizer.tr("cli.report.window_empty", ["since": since, "until": until])
        }
    }
}
