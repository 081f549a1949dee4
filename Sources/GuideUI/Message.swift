import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame

/// Everything that can happen to the guide: terminal input, the clock, and the results of effects.
/// The runtime turns each into a call of `update`.
public enum Message: Sendable {
    /// A key, a paste or a resize from the terminal (`TerminalEvent.tick` is ignored: send `.tick(now:)` instead).
    case terminal(TerminalEvent)
    /// The clock moved; the model never reads the clock itself.
    case tick(now: Date)
    /// The answer to `Effect.openIncident`: the new incident's id and its journal so far.
    case incidentOpened(id: String, events: [Event])
    /// `Effect.openIncident` failed, e.g. the incidents directory is not writable.
    case incidentOpenFailed(reason: String)
    /// The answer to `Effect.loadRunbooks`: the runbooks of the ids asked for that exist and parse; the other ids
    /// are not in the library.
    case runbooksLoaded(ids: [String], runbooks: [Runbook])
    /// The answer to `Effect.buildSearchIndex`: the symptom search over every runbook.
    case searchIndexBuilt(SymptomIndex)
    /// The answer to `Effect.loadIncident`: the incident's whole journal.
    case incidentLoaded(id: String, events: [Event])
    /// `Effect.loadIncident` failed, e.g. the journal is corrupt.
    case incidentLoadFailed(id: String, reason: String)
    /// The answer to one `Effect.append`: the events as the journal stored them (fsync'd).
    /// Appends are answered in the order they were emitted, one answer each.
    case journalAppended([Event])
    /// Reading the incident's journal found problems: lines set aside (a torn last line, a corrupt line) or an
    /// event out of order, which is kept and placed by its seq (`JournalOrder`); the responder is told of each.
    case journalProblems([JournalProblem])
    /// The open incident's journal can no longer be followed (replaced, truncated or unreadable); sent once.
    case journalNotFollowed(JournalError)
    /// One `Effect.append` failed: nothing of it was stored.
    case journalFailed(reason: String)
    /// Events that another process appended to the open incident's journal, found by following it.
    case eventsArrived([Event])
    /// The answer to `Effect.listOpenIncidents`, most recent first.
    case openIncidentsListed([IncidentSummary])
    /// `Effect.listOpenIncidents` failed.
    case openIncidentsFailed(reason: String)
    /// The answer to `Effect.export`: where the postmortem draft was written.
    case exported(path: String)
    /// `Effect.export` failed.
    case exportFailed(reason: String)
    /// The answer to `Effect.copyToClipboard`: what carried the text.
    case copied(ClipboardDelivery)
    /// `Effect.copyToClipboard` failed.
    case copyFailed(reason: String)
    /// The answer to `Effect.rescue`: the file the unsaved events were written to.
    case rescued(path: String)
    /// `Effect.rescue` failed: nothing was written and the events are still held.
    case rescueFailed(reason: String)
    /// The answer to `Effect.fetchAlerts`: the alerts firing now, each with its runbook and severity.
    case alertsFetched([CatalogAlert])
    /// `Effect.fetchAlerts` failed: the Alertmanager is unreachable or answered something else than alerts.
    case alertsFetchFailed(reason: String)
    /// What the command started by `Effect.runCommand` did: output, its end, or a failure to start.
    case command(CommandUpdate)
    /// The answer to `Effect.loadReviewMarks`: the marks of the runbooks that have one, by id, and what could not
    /// be read for them (a refused or damaged review file, incidents that cannot be read), a sentence each in the
    /// reader's language, for the catalog to say.
    case reviewMarksLoaded([String: RunbookReviewMark], warnings: [String] = [])
    /// The answer to `Effect.markFeedbackReviewed`: how many notes about the runbook were marked reviewed.
    case feedbackMarkedReviewed(runbook: String, count: Int)
    /// `Effect.markFeedbackReviewed` failed: nothing was marked.
    case feedbackMarkFailed(runbook: String, reason: String)
    /// How the runtime's last background sync of the incidents home with its git remote went.
    case synced(SyncOutcome)
}
