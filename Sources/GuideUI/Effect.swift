import IncidentModel
import RunbookKit

/// Something `update` asks the runtime to do; the runtime does it and answers with a `Message`.
public enum Effect: Hashable, Sendable {
    /// Open a new incident on a runbook; answered by `.incidentOpened` or `.incidentOpenFailed`.
    /// The runtime writes the `incidentOpened` event itself.
    case openIncident(runbook: String, title: String, severity: Severity, drill: Bool, id: String? = nil)
    /// Open a new incident on a runbook from an alert; answered as `.openIncident` is. The runtime writes the
    /// `incidentOpened` event and, with it, the alert's (`AlertRecord.openingEvents`).
    case openIncidentFromAlert(
        runbook: String, title: String, severity: Severity, drill: Bool, id: String?, alert: AlertRecord)
    /// Append events to an incident's journal; answered by `.journalAppended` or `.journalFailed`, in order.
    case append(incidentID: String, events: [NewEvent])
    /// Read an incident's journal; answered by `.incidentLoaded` or `.incidentLoadFailed`.
    case loadIncident(id: String)
    /// List the incidents that are not closed; answered by `.openIncidentsListed` or `.openIncidentsFailed`.
    case listOpenIncidents
    /// Write the postmortem draft; answered by `.exported` or `.exportFailed`.
    case export(incidentID: String)
    /// Put sanitized text on the clipboard (OSC 52, and tmux's paste buffer when tmux would not keep OSC 52);
    /// answered by `.copied` or `.copyFailed`.
    case copyToClipboard(String)
    /// Run a confirmed command; answered by `.command(...)` messages as output arrives and when it ends.
    case runCommand(CommandRunRequest)
    /// Stop the running command (SIGTERM, then SIGKILL); its end arrives as `.command(.finished)`.
    case cancelCommand
    /// Write events that could not be saved to a rescue file next to the incident's journal, numbered after
    /// `afterSeq`; answered by `.rescued` or `.rescueFailed`. Only a quit asks for it.
    case rescue(incidentID: String, events: [NewEvent], afterSeq: Int)
    /// Read and parse the runbooks of these ids, each asked for once; answered by `.runbooksLoaded`.
    case loadRunbooks([String])
    /// Build the symptom search over every runbook of the library, in the background (the runtime may have
    /// started it already); answered later by `.searchIndexBuilt`, never on the way of a key.
    case buildSearchIndex
    /// Read the alerts firing now from the Alertmanager, in the background: the runtime answers later, with
    /// `.alertsFetched` or `.alertsFetchFailed`, never on the way of a key.
    case fetchAlerts
    /// Read the review marks of every runbook of the library (a review past due, feedback not marked reviewed), in
    /// the background: the runtime answers later, with `.reviewMarksLoaded`, never on the way of a key.
    case loadReviewMarks
    /// Mark reviewed the feedback notes about the runbook that the confirmation showed (`notes`, their references
    /// as the review file names them), in the background, provided they are exactly the notes about it still
    /// waiting: a note someone recorded or marked since is never marked unseen. Answered later by
    /// `.feedbackMarkedReviewed`, or `.feedbackMarkFailed`, after which the marks are read again.
    case markFeedbackReviewed(runbook: String, notes: [String])
    /// Leave the program; the incident stays open.
    case quit
}
