import Alerts
import FoundationEssentials
import IncidentModel
import RunbookKit

/// A firing alert as the catalog lists it: the alert, the runbook it maps to (nil when none fits, or several fit
/// equally) and the severity its `severity` label maps to. The runtime matches them; the guide only shows them.
public struct CatalogAlert: Hashable, Sendable {
    /// The alert as Alertmanager tells of it.
    public let alert: Alert
    /// The id of the runbook the alert is for, when exactly one is.
    public let runbook: String?
    /// The severity the alert's label maps to, when it maps.
    public let severity: Severity?

    /// A listed alert from its parts.
    public init(alert: Alert, runbook: String?, severity: Severity?) {
        self.alert = alert
        self.runbook = runbook
        self.severity = severity
    }
}

/// What the guide knows of the alerts firing now, and when it last asked the runtime for them.
public struct AlertFeed: Hashable, Sendable {
    /// The last answer from the Alertmanager.
    public enum Answer: Hashable, Sendable {
        /// None yet: the first fetch is under way.
        case waiting
        /// The alerts firing at the last fetch, oldest first.
        case firing([CatalogAlert])
        /// The last fetch failed, for this reason.
        case failed(String)
    }

    /// The last answer.
    public internal(set) var answer: Answer = .waiting
    /// When the last fetch was asked for, by the model's clock.
    var askedAt: Date?
    /// Whether a fetch is under way, so that no second one is asked for before it answers.
    var inFlight = false

    /// The alerts the catalog lists: those of the last successful answer that no silence or inhibition suppresses
    /// (the runtime fetches those too, so that a silenced alert is not taken for a resolved one).
    var listed: [CatalogAlert] {
        if case .firing(let alerts) = answer { return alerts.filter { !$0.alert.suppressed } }
        return []
    }
}

/// The alerts of a payload that holds several, for the responder to choose the one the incident starts from
/// (`respond start --alert-json` in a terminal), with what the command line said of the incident to open.
public struct AlertChoice: Hashable, Sendable {
    /// The payload's different alerts, each with its runbook and severity, in the payload's order.
    public let alerts: [CatalogAlert]
    /// The payload's shape (`AlertRecord.source`).
    public let source: String
    /// The webhook's group key, when the payload is a webhook's.
    public let groupKey: String?
    /// `--title`, or nil for the alert's name and the runbook's title.
    public let title: String?
    /// `--severity`, or nil for the alert's.
    public let severity: Severity?
    /// `--drill`.
    public let drill: Bool
    /// `--id`, or nil for the store's default.
    public let id: String?

    /// A choice from its parts.
    public init(
        alerts: [CatalogAlert], source: String, groupKey: String?, title: String?, severity: Severity?, drill: Bool,
        id: String?
    ) {
        self.alerts = alerts
        self.source = source
        self.groupKey = groupKey
        self.title = title
        self.severity = severity
        self.drill = drill
        self.id = id
    }
}

/// Opens the picker of a payload's alerts over the catalog: each with its severity, name, runbook and key labels
/// (the runbook before the labels, which a narrow box cuts).
func chooseAlert(_ model: AppModel, _ choice: AlertChoice) -> AppModel {
    var model = model
    let options = choice.alerts.map { listed in
        let labels = keyLabels(of: listed.alert)
        return [
            listed.severity?.rawValue ?? "--", listed.alert.name,
            listed.runbook.map { "→ " + $0 } ?? model.tr("ui.catalog.alert_no_runbook"), labels.isEmpty ? nil : labels,
        ].compactMap { $0 }.joined(separator: "  ")
    }
    model.overlay = .picker(
        Picker(purpose: .alert(choice), options: options, values: choice.alerts.indices.map(String.init)))
    return model
}

/// An alert's labels but its name and severity, as `key=value` by key, for a line that names it.
func keyLabels(of alert: Alert) -> String {
    alert.labels.filter { $0.key != "alertname" && $0.key != "severity" }.sorted { $0.key < $1.key }
        .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
}

/// Starts an incident from an alert (Enter on one in the catalog, or the one chosen from a payload): it opens on the
/// alert's runbook once the runbook is here, with the alert and its start recorded as `respond start --alert-json`
/// records them. An alert without a runbook cannot start one, and the notice says so.
func startFromAlert(_ model: AppModel, _ listed: CatalogAlert, _ choice: AlertChoice? = nil) -> (AppModel, [Effect]) {
    var model = model
    guard let runbook = listed.runbook else {
        model.notice = Notice(
            text: model.tr("ui.notice.alert_without_runbook", ["alert": listed.alert.name]), isError: true)
        return (model, [])
    }
    guard !model.library.awaits(runbook) else {
        model.awaiting = .alertStart(listed, choice)
        return (model, [])
    }
    guard let book = model.library.runbook(runbook) else {
        model.notice = Notice(text: model.tr("ui.notice.no_such_runbook", ["runbook": runbook]), isError: true)
        return (model, [])
    }
    let record = AlertRecord(listed.alert, source: choice?.source ?? "alertmanager", groupKey: choice?.groupKey)
    return (
        model,
        [
            .openIncidentFromAlert(
                runbook: book.id, title: choice?.title ?? record.incidentTitle(runbookTitle: book.title),
                severity: choice?.severity ?? listed.severity ?? model.library.defaultSeverity(of: book.id),
                drill: choice?.drill ?? false, id: choice?.id, alert: record)
        ]
    )
}
