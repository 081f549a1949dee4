import TerminalText

/// A calendar date without a time or zone, as the footer writes it (`2025-10-25`).
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// Creates a day from its parts.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(parsing text: String) {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year)
        else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// The days from 1970-01-01 (proleptic Gregorian), so that two days can be subtracted.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let fields = [(year, 4), (month, 2), (day, 2)]
        return fields.map { FixedWidthNumber.padded($0, width: $1) }.joined(separator: "-")
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// How often a runbook must be reviewed, from its footer's Review Cycle.
public enum ReviewCycle: String, Sendable, CaseIterable {
    case weekly, monthly, quarterly, yearly

    /// Reads `Weekly`, `Monthly`, `Quarterly`, `Yearly` (and `Annually`), or 每週 / 每月 / 每季 / 每年.
    public init?(parsing text: String) {
        let value = text.trimmed.lowercased()
        let table: [(ReviewCycle, [String])] = [
            (.weekly, ["weekly", "每週", "每周", "週"]),
            (.monthly, ["monthly", "每月", "月"]),
            (.quarterly, ["quarterly", "每季", "季"]),
            (.yearly, ["yearly", "annually", "annual", "每年", "年"]),
        ]
        guard let match = table.first(where: { $0.1.contains(value) }) else { return nil }
        self = match.0
    }

    /// How many days may pass after Last Updated before the runbook is stale.
    public var days: Int {
        switch self {
        case .weekly: 7
        case .monthly: 31
        case .quarterly: 92
        case .yearly: 366
        }
    }
}
