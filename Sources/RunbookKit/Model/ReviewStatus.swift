import FoundationEssentials
import Glibc
import Localization

/// Whether a runbook is past its review, from its footer's Last Updated and Review Cycle, on a given day.
public struct ReviewStatus: Hashable, Sendable {
    /// The cycle, when the footer names one `ReviewCycle` reads.
    public var cycle: ReviewCycle?
    /// The day the review is due: Last Updated plus the cycle's days; nil without both.
    public var due: CalendarDay?
    /// Whether `today` is after the day the review was due.
    public var stale: Bool

    /// The status of a runbook with `footer` on `today`; a runbook without a footer, a readable date or a cycle
    /// is never stale (`respond lint` reports what is missing).
    public init(_ footer: Footer?, today: CalendarDay) {
        cycle = footer?.reviewCycle.flatMap(ReviewCycle.init(parsing:))
        guard let cycle, let written = footer?.lastUpdated, let updated = CalendarDay(parsing: written) else {
            due = nil
            stale = false
            return
        }
        due = CalendarDay(daysSinceEpoch: updated.daysSinceEpoch + cycle.days)
        stale = today.daysSinceEpoch - updated.daysSinceEpoch > cycle.days
    }
}

extension CalendarDay {
    /// The day `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let (year, month, day) = civilDate(daysSinceEpoch: Int64(days))
        self.init(year: Int(year), month: Int(month), day: Int(day))
    }

    /// The UTC day of `date`, the day the staleness check counts in (as `respond lint` does).
    public init(utc date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        self.init(daysSinceEpoch: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }
}

/// What the catalog and `respond list` flag on a runbook: a review past due, and feedback nobody has marked reviewed.
public struct RunbookReviewMark: Hashable, Sendable {
    /// Whether its review is past due, and since when.
    public var review: ReviewStatus
    /// Its feedback notes not marked reviewed, as the review file names them (`<incident>#<seq>`, `@<writer>`
    /// after it for another machine's), sorted: what the catalog's `r` marks reviewed, these and no others.
    public var unreviewedNotes: [String]

    /// How many of its feedback notes are not marked reviewed.
    public var unreviewedFeedback: Int { unreviewedNotes.count }

    /// Creates a mark.
    public init(review: ReviewStatus, unreviewedNotes: [String]) {
        self.review = review
        self.unreviewedNotes = unreviewedNotes
    }

    /// Whether there is anything to flag.
    public var isEmpty: Bool { !review.stale && unreviewedFeedback == 0 }

    /// The short mark `respond list` and the guide's catalog show: `review due`, `2 feedback`, both, or nothing, in
    /// the words of `localizer`.
    public func label(_ localizer: Localizer) -> String {
        Self.label(stale: review.stale, unreviewedFeedback: unreviewedFeedback, localizer)
    }

    /// The short mark of a runbook that is `stale` or has `unreviewedFeedback` notes, in the words of `localizer`.
    public static func label(stale: Bool, unreviewedFeedback: Int, _ localizer: Localizer) -> String {
        var marks: [String] = []
        if stale { marks.append(localizer.tr("cli.list.mark.stale")) }
        if unreviewedFeedback > 0 { marks.append(localizer.tr("cli.list.mark.feedback", count: unreviewedFeedback)) }
        // The separator is looked up only where there are two marks to separate: most rows have none.
        return marks.count < 2 ? marks.first ?? "" : marks.joined(separator: localizer.tr("pm.list_separator"))
    }
}
