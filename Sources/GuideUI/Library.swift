import RunbookKit

/// Everything the guide shows about the runbook library, passed in by the runtime: the index's rows and contacts
/// as values, the runbooks and the symptom search as closures. Built from a catalog, the runbook closure parses a
/// file the first time an id is asked for and the search reads every file on its first query, so those lookups
/// (unlike the rest of `update` and `view`) may touch the disk once.
public struct Library: Sendable {
    /// The index's categories with their rows, in index order; every runbook the guide offers has a row.
    public var categories: [Category]
    /// The index's Emergency Contacts, offered on every escalation after the runbook's own contacts.
    public var emergencyContacts: [Contact]
    /// The symptom search: given free text, the ids of matching runbooks, best first. It must be pure.
    public var search: @Sendable (String) -> [String]
    /// The runbook of an id, parsed when first asked for (a library of thousands is not parsed up front).
    private let lookup: @Sendable (String) -> Runbook?
    /// The severity a new incident on a runbook starts at, when its file or its index row gives one.
    private let startingSeverity: @Sendable (String) -> Severity?

    /// Creates a library whose runbooks `runbook` gives by id (it must give the same runbook for an id every
    /// time) and whose new incidents start at the severity `severity` gives, else P2.
    public init(
        categories: [Category], emergencyContacts: [Contact] = [], runbook: @escaping @Sendable (String) -> Runbook?,
        severity: @escaping @Sendable (String) -> Severity?, search: @escaping @Sendable (String) -> [String]
    ) {
        self.categories = categories
        self.emergencyContacts = emergencyContacts
        self.search = search
        lookup = runbook
        startingSeverity = severity
    }

    /// Creates a library of runbooks already parsed; a new incident starts at the runbook's own severity, else
    /// its index row's, as a catalog's `severity(of:)` chooses.
    public init(
        categories: [Category], runbooks: [Runbook], emergencyContacts: [Contact] = [],
        search: @escaping @Sendable (String) -> [String]
    ) {
        let byID = Dictionary(runbooks.map { ($0.id, $0) }) { first, _ in first }
        let rows = Dictionary(categories.flatMap(\.entries).map { ($0.id, $0.severity) }) { first, _ in first }
        self.init(
            categories: categories, emergencyContacts: emergencyContacts, runbook: { byID[$0] },
            severity: { byID[$0]?.severity ?? rows[$0] ?? nil }, search: search)
    }

    /// The runbook with this id, if the library has one that parses.
    public func runbook(_ id: String) -> Runbook? {
        lookup(id)
    }

    /// The severity a new incident on runbook `id` starts at, for the start form and `launch`: the one the
    /// library was given for it (from a catalog, `Catalog.severity(of:)`: the file's own, else its index row's),
    /// else P2. The catalog's badge shows the index row's instead, as `respond list` does, so that drawing the
    /// catalog parses no file.
    public func defaultSeverity(of id: String) -> Severity {
        startingSeverity(id) ?? .p2
    }

    /// Every row of every category, in order; a runbook listed twice once, at its first row.
    public var entries: [CatalogEntry] {
        var seen: Set<String> = []
        return categories.flatMap(\.entries).filter { seen.insert($0.id).inserted }
    }
}
