import Foundation
import RunbookKit
import TerminalText

extension GlobalOptions {
    /// Loads the catalog from the runbook directory these options name; a directory that cannot be read is a
    /// one-line CLI error.
    func loadCatalog(directory: String? = nil) throws -> Catalog {
        let path = try directory ?? runbookDirectory()
        do {
            return try Catalog.load(directory: path)
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// Today's date in UTC, for the footer's Last Updated and the staleness check.
func todayUTC(_ now: Date = Date()) -> CalendarDay {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
}

/// `text` padded with spaces to `width` columns, counting wide characters as two.
func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - displayWidth(of: text)))
}
