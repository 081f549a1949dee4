import FoundationEssentials
import Localization
import RunbookKit
import TerminalFrame

/// The runbooks' review marks (a review past due, feedback nobody has marked reviewed) as the runtime last read
/// them from the runbooks' footers and front matter and every incident's journal.
public struct ReviewMarksFeed: Hashable, Sendable {
    /// How often, in seconds, the marks are asked for again while the catalog is shown. The runtime reads them
    /// again only when a runbook file, a journal or the review file changed size or time since its last read, so
    /// asking costs a look at those files' sizes, not a read of every journal.
    public static let refreshInterval = 5.0

    /// The marks by runbook id; a runbook with nothing to flag has none.
    public internal(set) var marks: [String: RunbookReviewMark] = [:]
    /// Whether the runtime answered.
    public internal(set) var loaded = false
    /// What could not be read for the marks, as last said on screen: said again only when it changes.
    public internal(set) var warnings: [String] = []
    /// When they were last asked for, by the guide's clock.
    var askedAt: Date?
    /// The runbook whose feedback the runtime is marking reviewed, until it answers.
    public internal(set) var marking: String?
}

/// Asks the runtime for the review marks at the first tick that finds the catalog shown, and again every
/// `refreshInterval` while it is shown, so that a note recorded or marked from another terminal, or a footer
/// edited, reaches the rows. The run loop sends a tick only after it has drawn a frame, so reading every journal
/// never delays the catalog's first frame; the rows gain their marks when `.reviewMarksLoaded` answers.
func requestingReviewMarks(_ model: AppModel, _ effects: [Effect], after message: Message) -> (AppModel, [Effect]) {
    guard case .tick = message, model.screen == .catalog, model.review == nil else { return (model, effects) }
    if let asked = model.reviewMarks.askedAt, model.now.timeIntervalSince(asked) < ReviewMarksFeed.refreshInterval {
        return (model, effects)
    }
    var model = model
    model.reviewMarks.askedAt = model.now
    return (model, effects + [.loadReviewMarks])
}

/// Takes in the marks the runtime read; what it could not read is said on screen as an error, once for as long as
/// it stays the same.
func reviewMarksLoaded(_ model: AppModel, _ marks: [String: RunbookReviewMark], warnings: [String]) -> AppModel {
    var model = model
    model.reviewMarks.marks = marks
    model.reviewMarks.loaded = true
    if warnings != model.reviewMarks.warnings, !warnings.isEmpty {
        model.notice = Notice(text: warnings.joined(separator: " · "), isError: true)
    }
    model.reviewMarks.warnings = warnings
    return model
}

/// The catalog's `r`: asks to confirm marking the selected runbook's feedback reviewed, naming how many notes; a
/// runbook without unreviewed feedback, marks not read yet, or a marking still under way get a notice instead.
func askToMarkFeedbackReviewed(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard case .entry(let entry) = model.selectedCatalogRow else { return (model, []) }
    if let marking = model.reviewMarks.marking {
        model.notice = Notice(text: model.tr("ui.notice.feedback_marking", ["runbook": marking]), isError: false)
        return (model, [])
    }
    guard model.reviewMarks.loaded else {
        model.notice = Notice(text: model.tr("ui.notice.marks_loading"), isError: false)
        return (model, [])
    }
    let notes = model.reviewMarks.marks[entry.id]?.unreviewedNotes ?? []
    guard !notes.isEmpty else {
        model.notice = Notice(text: model.tr("ui.notice.no_unreviewed_feedback", ["runbook": entry.id]), isError: false)
        return (model, [])
    }
    model.overlay = .confirmFeedbackReviewed(runbook: entry.id, notes: notes)
    return (model, [])
}

/// A key in the confirmation: `y` has the runtime mark the notes shown reviewed, in the background, any other key
/// cancels.
func confirmFeedbackReviewedKey(_ model: AppModel, runbook: String, notes: [String], _ key: Key) -> (AppModel, [Effect])
{
    var model = model
    model.overlay = nil
    switch key {
    case .character("y"), .character("Y"):
        model.reviewMarks.marking = runbook
        return (model, [.markFeedbackReviewed(runbook: runbook, notes: notes)])
    default:
        model.notice = Notice(text: model.tr("ui.notice.feedback_not_marked"), isError: false)
        return (model, [])
    }
}

/// Takes in the runtime's answer: the runbook's feedback mark goes away (the notes shown were all that waited, and
/// are reviewed now), and the notice says how many notes were marked.
func feedbackMarkedReviewed(_ model: AppModel, runbook: String, count: Int) -> AppModel {
    var model = model
    model.reviewMarks.marking = nil
    if var mark = model.reviewMarks.marks[runbook] {
        mark.unreviewedNotes = []
        model.reviewMarks.marks[runbook] = mark.isEmpty ? nil : mark
    }
    model.notice = Notice(
        text: model.localizer.tr("ui.notice.feedback_marked", count: count, ["runbook": runbook]), isError: false,
        confirmedAt: model.now)
    return model
}

/// Takes in a failure to mark: the mark stays, the notice says why, and the marks are read again, as the notes
/// waiting may have changed.
func feedbackMarkFailed(_ model: AppModel, runbook: String, reason: String) -> (AppModel, [Effect]) {
    var model = model
    model.reviewMarks.marking = nil
    model.reviewMarks.askedAt = model.now
    model.notice = Notice(
        text: model.tr("ui.notice.feedback_mark_failed", ["runbook": runbook, "reason": reason]), isError: true)
    return (model, [.loadReviewMarks])
}

extension AppModel {
    /// The mark of a runbook, when it has something to flag.
    func reviewMark(of runbook: String) -> RunbookReviewMark? {
        reviewMarks.marks[runbook].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What the selected runbook's marks mean, a line each: since when its review is due, and how many feedback
    /// notes wait and how to mark them reviewed. Empty when the selected row is not a marked runbook.
    var selectedMarkExplanations: [String] {
        guard case .entry(let entry) = selectedCatalogRow, let mark = reviewMark(of: entry.id) else { return [] }
        var lines: [String] = []
        if mark.review.stale, let due = mark.review.due {
            let cycle = mark.review.cycle.map(cycleName) ?? ""
            lines.append(tr("ui.catalog.mark.review_due", ["due": due.description, "cycle": cycle]))
        }
        if mark.unreviewedFeedback > 0 {
            lines.append(localizer.tr("ui.catalog.mark.feedback", count: mark.unreviewedFeedback))
        }
        return lines
    }

    /// A review cycle as the reader's language names it.
    private func cycleName(_ cycle: ReviewCycle) -> String {
        switch cycle {
        case .weekly: tr("ui.catalog.cycle.weekly")
        case .monthly: tr("ui.catalog.cycle.monthly")
        case .quarterly: tr("ui.catalog.cycle.quarterly")
        case .yearly: tr("ui.catalog.cycle.yearly")
        }
    }
}
