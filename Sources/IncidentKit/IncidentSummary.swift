import Foundation
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

    /// The summary of an incident's events, or nil when they do not start with `incidentOpened`.
    public static func summarize(id: String, journalPath: String, events: [Event]) -> IncidentSummary? {
        guard let first = events.first,
              case .incidentOpened(let title, let severity, let runbook, let drill, _) = first.kind
        else { return nil }
        var summary = IncidentSummary(
            id: id, journalPath: journalPath, title: title, severity: severity, status: .investigating,
            runbook: runbook, drill: drill, openedAt: first.occurredAt, lastEventAt: first.recordedAt, closed: false,
            eventCount: events.count
        )
        for event in events.dropFirst() {
            summary.lastEventAt = max(summary.lastEventAt, event.recordedAt)
            switch event.kind {
            case .statusChanged(let status): summary.status = status
            case .severityChanged(let severity): summary.severity = severity
            case .incidentClosed: summary.closed = true
            case .reopened: summary.closed = false
            default: break
            }
        }
        return summary
    }
}

/// The incidents of a home directory, and those whose journal could not be read.
public struct IncidentListing: Hashable, Sendable {
    /// An incident that could not be summarized, and why.
    public struct Unreadable: Hashable, Sendable, CustomStringConvertible {
        /// The incident's id.
        public var id: String
        /// Why it could not be read.
        public var reason: String

        /// `id: reason`.
        public var description: String { "\(id): \(reason)" }
    }

    /// Readable incidents, most recently active first.
    public var incidents: [IncidentSummary]
    /// Incidents whose journal is missing, refused or has no opening event.
    public var unreadable: [Unreadable]
}
