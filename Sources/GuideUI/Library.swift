import RunbookKit
import TerminalFrame

/// Everything the guide knows about the runbook library, as values. The index's rows and contacts are given at
/// launch; the runbooks and the symptom search arrive later, when `update` asks the runtime for them
/// (`Effect.loadRunbooks`, `Effect.buildSearchIndex`) and keeps its answer here. It reads no file: a runbook that
/// has not been delivered is simply not here yet.
public struct Library: Sendable {
    /// The index's categories with their rows, in index order; every runbook the guide offers has a row.
    public let categories: [Category]
    /// The index's Emergency Contacts, offered on every escalation after the runbook's own contacts.
    public let emergencyContacts: [Contact]
    /// Whether runbooks and the search arrive on request; false when the library was given them all up front.
    public let loadsOnDemand: Bool
    /// The runbooks delivered so far, by id.
    public private(set) var runbooks: [String: Runbook]
    /// The symptom search, once delivered.
    public private(set) var search: SymptomIndex?
    /// The search over the index rows' titles, ids and descriptions, which answers while `search` is to come: made
    /// when the filter is first used before then and dropped when the search arrives, so that a catalog only shown
    /// holds no second copy of its rows' text.
    private var rowSearch: SymptomSearch?
    /// The ids asked for whose answer said there is no such runbook or that it does not parse.
    private var unavailable: Set<String> = []
    /// The ids asked for and not answered yet, so that each is asked for once.
    private var requested: Set<String> = []
    /// Whether the search was asked for and not answered yet.
    private var searchRequested = false
    /// The last query `update` asked about and its matches' rows (`rememberMatches`): a frame asks for them
    /// several times, and a search over thousands of runbooks is milliseconds.
    private var remembered: (query: String, entries: [CatalogEntry])?
    /// Where each runbook's first index row is, by id: made when the filter is first used and kept, so that each
    /// key turns its matches into rows without hashing every row again, and a library never filtered has none.
    private var rowPlaces: [String: RowPlace]?

    /// Creates a library whose runbooks and search `update` asks the runtime for, given only the index's rows and
    /// contacts.
    public init(categories: [Category], emergencyContacts: [Contact] = []) {
        self.categories = categories
        self.emergencyContacts = emergencyContacts
        loadsOnDemand = true
        runbooks = [:]
    }

    /// Creates a library of runbooks already parsed and a search already built, so it never asks for either; a
    /// runbook it was not given is not in the library.
    public init(
        categories: [Category], runbooks: [Runbook], emergencyContacts: [Contact] = [],
        search: @escaping @Sendable (String) -> [String]
    ) {
        self.categories = categories
        self.emergencyContacts = emergencyContacts
        loadsOnDemand = false
        self.runbooks = Dictionary(runbooks.map { ($0.id, $0) }) { first, _ in first }
        self.search = SymptomIndex(search)
    }

    /// The runbook with this id, if it was delivered.
    public func runbook(_ id: String) -> Runbook? {
        runbooks[id]
    }

    /// Whether the runbook with this id is still to come: not delivered, and not known to be missing.
    public func awaits(_ id: String) -> Bool {
        loadsOnDemand && runbooks[id] == nil && !unavailable.contains(id)
    }

    /// The ids of the runbooks that match `query`, best first: the symptom search's answer once it is here, and
    /// until then the runbooks whose index row matches by title, id or description, so that a search typed before
    /// the runbooks' text is indexed shows those at once.
    public func matches(_ query: String) -> [String] {
        if let remembered, remembered.query == query { return remembered.entries.map(\.id) }
        if let search { return search.search(query) }
        return (rowSearch ?? SymptomSearch(entries: categories.flatMap(\.entries))).search(query).map(\.id)
    }

    /// The first index row of each runbook that matches `query`, best first (see `matches(_:)`).
    public func matchingEntries(_ query: String) -> [CatalogEntry] {
        if let remembered, remembered.query == query { return remembered.entries }
        return rows(of: matches(query), places: rowPlaces ?? Self.rowPlaces(of: categories))
    }

    /// Keeps the rows matching `query` (none for an empty one), so that asking again for the same query, until the
    /// search arrives, does not search again.
    mutating func rememberMatches(_ query: String) {
        guard !query.isEmpty else {
            remembered = nil
            return
        }
        guard remembered?.query != query else { return }
        if search == nil, rowSearch == nil { rowSearch = SymptomSearch(entries: categories.flatMap(\.entries)) }
        let places = rowPlaces ?? Self.rowPlaces(of: categories)
        rowPlaces = places
        remembered = (query, rows(of: matches(query), places: places))
    }

    /// A runbook's first index row: its category's place and its place in that category.
    private struct RowPlace: Sendable {
        var category: Int
        var entry: Int
    }

    /// The first row of each of `ids` that has one, in the order given.
    private func rows(of ids: [String], places: [String: RowPlace]) -> [CatalogEntry] {
        ids.compactMap { id in places[id].map { categories[$0.category].entries[$0.entry] } }
    }

    /// Where each runbook's first row is among `categories`, by id.
    private static func rowPlaces(of categories: [Category]) -> [String: RowPlace] {
        var places: [String: RowPlace] = [:]
        for (category, rows) in categories.enumerated() {
            for (entry, row) in rows.entries.enumerated() where places[row.id] == nil {
                places[row.id] = RowPlace(category: category, entry: entry)
            }
        }
        return places
    }

    /// Whether the search is still to come.
    public var awaitsSearch: Bool { search == nil && loadsOnDemand }

    /// The severity a new incident on runbook `id` starts at, for the start form and `launch`: the runbook's own,
    /// else its index row's (as `Catalog.severity(of:)` chooses), else P2. The catalog's badge shows the index
    /// row's instead, as `respond list` does, so that drawing the catalog needs no runbook.
    public func defaultSeverity(of id: String) -> Severity {
        runbooks[id]?.severity ?? entries.first { $0.id == id }?.severity ?? .p2
    }

    /// Every row of every category, in order; a runbook listed twice once, at its first row.
    public var entries: [CatalogEntry] {
        var seen: Set<String> = []
        return categories.flatMap(\.entries).filter { seen.insert($0.id).inserted }
    }

    /// Notes that the runbooks of `ids` are asked for; returns those not asked for before and still to come.
    mutating func request(_ ids: [String]) -> [String] {
        var fresh: [String] = []
        for id in ids where awaits(id) && !requested.contains(id) && !fresh.contains(id) {
            fresh.append(id)
        }
        requested.formUnion(fresh)
        return fresh
    }

    /// Notes that the search is asked for; returns whether it was not asked for before and is still to come.
    mutating func requestSearch() -> Bool {
        guard awaitsSearch, !searchRequested else { return false }
        searchRequested = true
        return true
    }

    /// Keeps the runtime's answer for `ids`: the runbooks it delivered, and that the others are not to be had.
    mutating func deliver(_ delivered: [Runbook], for ids: [String]) {
        for runbook in delivered {
            runbooks[runbook.id] = runbook
        }
        requested.subtract(ids)
        unavailable.formUnion(ids.filter { runbooks[$0] == nil })
    }

    /// Keeps the search the runtime built.
    mutating func deliver(_ index: SymptomIndex) {
        search = index
        searchRequested = false
        rowSearch = nil
        // The matches were the index rows'; the search answers from now on.
        remembered = nil
    }
}
