import IncidentModel
import Localization

/// The guide's short words for events (`describe`) in one language, each catalog text prepared once: the timeline
/// describes every event of a journal to count its rows when the journal opens, and looking each text up and
/// building its arguments for every event cost more than the rest of the count.
struct EventPhrases: Sendable {
    /// The language the phrases are in.
    let words: Localizer
    let opened: Phrase
    let openedDrill: Phrase
    let alertAttached: Phrase
    let alertResolved: Phrase
    let runbookSwitched: Phrase
    let stepDone: Phrase
    let stepSkipped: Phrase
    let checked: Phrase
    let unchecked: Phrase
    let note: Phrase
    let status: Phrase
    let severity: Phrase
    let role: Phrase
    let escalated: Phrase
    let copied: Phrase
    let ran: Phrase
    let stopped: String
    let feedback: Phrase
    let feedbackOnStep: Phrase
    let milestone: Phrase
    let pinned: Phrase
    let unpinned: Phrase
    let acknowledged: Phrase
    let exported: Phrase
    let closed: String
    let reopened: String
    /// The statuses' names.
    let statusNames: [IncidentStatus: String]
    /// The roles' names.
    let roleNames: [Role: String]

    /// The phrases of `words`' language.
    init(_ words: Localizer) {
        self.words = words
        opened = words.phrase("ui.event.opened", "title", "severity", "runbook")
        openedDrill = words.phrase("ui.event.opened_drill", "title", "severity", "runbook")
        alertAttached = words.phrase("ui.event.alert_attached", "alert")
        alertResolved = words.phrase("ui.event.alert_resolved", "alert")
        runbookSwitched = words.phrase("ui.event.runbook_switched", "runbook")
        stepDone = words.phrase("ui.event.step_done", "step")
        stepSkipped = words.phrase("ui.event.step_skipped", "step", "reason")
        checked = words.phrase("ui.event.checked", "item")
        unchecked = words.phrase("ui.event.unchecked", "item")
        note = words.phrase("ui.event.note", "note")
        status = words.phrase("ui.event.status", "status")
        severity = words.phrase("ui.event.severity", "severity")
        role = words.phrase("ui.event.role", "person", "role")
        escalated = words.phrase("ui.event.escalated", "contact")
        copied = words.phrase("ui.event.copied", "command")
        ran = words.phrase("ui.event.ran", "command", "outcome")
        stopped = words.tr("ui.event.stopped")
        feedback = words.phrase("ui.event.feedback", "feedback")
        feedbackOnStep = words.phrase("ui.event.feedback_on_step", "step", "feedback")
        milestone = words.phrase("ui.event.milestone", "milestone")
        pinned = words.phrase("ui.event.pinned", "seq")
        unpinned = words.phrase("ui.event.unpinned", "seq")
        acknowledged = words.phrase("ui.event.acknowledged", "seq")
        exported = words.phrase("ui.event.exported", "format", "path")
        closed = words.tr("ui.event.closed")
        reopened = words.tr("ui.event.reopened")
        statusNames = Dictionary(uniqueKeysWithValues: IncidentStatus.allCases.map { ($0, statusName($0, words)) })
        roleNames = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, roleName($0, words)) })
    }
}
