import Foundation
import RunbookKit

/// Everything the guide shows about the runbook library, passed in as values by the runtime.
public struct Library: Sendable {
    /// The index's categories with their rows, in index order.
    public var categories: [Category]
    /// The parsed runbooks; the catalog rows refer to them by id.
    public var runbooks: [Runbook] {
        didSet { positions = Self.positions(of: runbooks) }
    }
    /// The index's Emergency Contacts, offered on every escalation after the runbook's own contacts.
    public var emergencyContacts: [Contact]
    /// The symptom search: given free text, the ids of matching runbooks, best first. It must be pure.
    public var search: @Sendable (String) -> [String]
    /// Where each id's runbook sits in `runbooks`, so that lookups by id do not scan a large library.
    private var positions: [String: Int]

    /// Creates a library.
    public init(
        categories: [Category], runbooks: [Runbook], emergencyContacts: [Contact] = [],
        search: @escaping @Sendable (String) -> [String]
    ) {
        self.categories = categories
        self.runbooks = runbooks
        self.emergencyContacts = emergencyContacts
        self.search = search
        positions = Self.positions(of: runbooks)
    }

    /// The runbook with this id, if the library has one.
    public func runbook(_ id: String) -> Runbook? {
        positions[id].map { runbooks[$0] }
    }

    private static func positions(of runbooks: [Runbook]) -> [String: Int] {
        Dictionary(runbooks.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }
}

/// One open incident, as the resume list shows it.
public struct IncidentSummary: Hashable, Sendable {
    /// The incident's id (its journal directory's name).
    public var id: String
    /// The title given when it was opened.
    public var title: String
    /// The current severity.
    public var severity: Severity
    /// The current status.
    public var status: String
    /// The runbook it is on.
    public var runbook: String
    /// When it was opened.
    public var openedAt: Date
    /// Whether it is a drill.
    public var drill: Bool

    /// Creates a summary.
    public init(id: String, title: String, severity: Severity, status: String, runbook: String, openedAt: Date, drill: Bool) {
        self.id = id
        self.title = title
        self.severity = severity
        self.status = status
        self.runbook = runbook
        self.openedAt = openedAt
        self.drill = drill
    }
}
