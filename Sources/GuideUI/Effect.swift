import IncidentKit
import RunbookKit

/// Something `update` asks the runtime to do; the runtime does it and answers with a `Message`.
public enum Effect: Hashable, Sendable {
    /// Open a new incident on a runbook; answered by `.incidentOpened` or `.incidentOpenFailed`.
    /// The runtime writes the `incidentOpened` event itself.
    case openIncident(runbook: String, title: String, severity: Severity, drill: Bool)
    /// Append events to an incident's journal; answered by `.journalAppended` or `.journalFailed`, in order.
    case append(incidentID: String, events: [NewEvent])
    /// Read an incident's journal; answered by `.incidentLoaded` or `.incidentLoadFailed`.
    case loadIncident(id: String)
    /// List the incidents that are not closed; answered by `.openIncidentsListed` or `.openIncidentsFailed`.
    case listOpenIncidents
    /// Write the postmortem draft; answered by `.exported` or `.exportFailed`.
    case export(incidentID: String)
    /// Put sanitized text on the clipboard (OSC 52); answered by `.copied` or `.copyFailed`.
    case copyToClipboard(String)
    /// Leave the program; the incident stays open.
    case quit
}
