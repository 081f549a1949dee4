import IncidentModel
import RunbookKit

/// The catalog's selection and symptom filter.
public struct CatalogState: Hashable, Sendable {
    /// The index of the selected row among the visible runbooks.
    public internal(set) var cursor = 0
    /// The filter text being typed, or nil when no filter is open.
    public internal(set) var filter: LineEditor?
}

/// The open-incidents list.
public struct OpenIncidentsState: Hashable, Sendable {
    /// The incidents, once listed.
    public internal(set) var incidents: [IncidentSummary] = []
    /// Whether the list has been answered.
    public internal(set) var loaded = false
    /// The selected row.
    public internal(set) var cursor = 0
}

/// The start form: title, severity, drill.
public struct StartForm: Hashable, Sendable {
    /// The fields, in order.
    public enum Field: Int, Hashable, Sendable, CaseIterable {
        case title, severity, drill
    }

    /// The runbook to start.
    public var runbook: String
    /// The incident title.
    public var title: LineEditor
    /// The severity.
    public var severity: Severity
    /// Whether it is a drill.
    public var drill: Bool
    /// The field with the focus.
    public var field: Field = .title
}
