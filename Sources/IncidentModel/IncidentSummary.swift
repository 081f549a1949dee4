import FoundationEssentials
import RunbookKit

/// One line of the incident list: enough to pick an incident, read from its events.
public struct IncidentSummary: Hashable, Sendable {
    /// The incident's id (its directory's name).
    public var id: String
    /// Where its journal is.
    public var journalPath: String
    /// The title given when it was opened.
    public var title: String
    /// The current severity.
    public var severity: Severity
    /// The current status.
    public var status: IncidentStatus
    /// The runbook it was opened on.
    public var runbook: String
    /// Whether it is a drill.
    public var drill: Bool
    /// When it was opened.
    public var openedAt: Date
    /// When its last event was recorded.
    public var lastEventAt: Date
    /// Whether it is closed (and not reopened since).
    public var closed: Bool
    /// How many events its journal holds.
    public var eventCount: Int

    /// Creates a summary from facts already known; `summarize(id:journalPath:events:)` reads them from events.
    public init(
        id: String, journalPath: String, title: String, severity: Severity, status: IncidentStatus, runbook: String,
        drill: Bool, openedAt: Date, lastEventAt: Date, closed: Bool, eventCount: Int
    ) {
        self.id = id
        self.journalPath = journalPath
        self.title = title
        self.severity = severity
        self.status = status
        self.runbook = runbook
        self.drill = drill
        self.openedAt = openedAt
        self.lastEventAt = lastEventAt
        self.closed = closed
        self.eventCount = eventCount
    }

    /// The summary of an incident's events, or nil when they do not start with `incidentOpened`. Status,
    /// severity and closing are the fold's (`IncidentState`), so the list says what the guide and review say.
    public static func summarize(id: String, journalPath: String, events: [Event]) -> IncidentSummary? {
        guard let first = events.first, case .incidentOpened(_, let severity, let runbook, _, _) = first.kind else {
            return nil
        }
        let state = IncidentState.fold(events)
        return IncidentSummary(
            id: id, journalPath: journalPath, title: state.title, severity: state.severity ?? severity,
            status: state.status, runbook: runbook, drill: state.drill, openedAt: first.occurredAt,
            lastEventAt: events.map(\.recordedAt).max() ?? first.recordedAt, closed: state.closed != nil,
            eventCount: events.count)
    }
}
