import Foundation
import RunbookKit

extension Library {
    /// The library of a loaded catalog, searched with RunbookKit's symptom search. Runbooks that no index row
    /// lists are shown in a last category of their own, so that a library never hides a file. A runbook is
    /// parsed when the guide first opens it (see `Catalog`).
    ///
    /// The search index is built on the first search rather than here: the catalog's first frame does not need
    /// it, and indexing thousands of runbooks would delay that frame.
    public init(catalog: Catalog) {
        let index = DeferredSymptomSearch(catalog: catalog)
        let unindexed = catalog.unindexed.map { runbook in
            CatalogEntry(id: runbook.id, title: runbook.title, file: runbook.path, severity: runbook.severity,
                         kind: runbook.kind, description: "", location: SourceLocation(file: runbook.path, line: 1))
        }
        self.init(
            categories: catalog.categories + (unindexed.isEmpty ? [] : [Category(name: "Not in the index", entries: unindexed)]),
            emergencyContacts: catalog.emergencyContacts, runbook: { catalog.runbook(id: $0) },
            severity: { catalog.severity(of: $0) }, search: { query in index.search(query).map(\.id) })
    }
}

/// A symptom search over one catalog, indexed when it is first asked; safe to share between threads. It keeps
/// the last answer, since a frame of the filtered catalog asks for the same query several times.
private final class DeferredSymptomSearch: @unchecked Sendable {
    private enum State {
        case pending(Catalog)
        case built(SymptomSearch)
    }

    // Guards `state` and `last`.
    private let lock = NSLock()
    private var state: State
    private var last: (query: String, hits: [SearchHit])?

    init(catalog: Catalog) {
        state = .pending(catalog)
    }

    func search(_ query: String) -> [SearchHit] {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.query == query { return last.hits }
        let index: SymptomSearch
        switch state {
        case .built(let built):
            index = built
        case .pending(let catalog):
            index = SymptomSearch(catalog: catalog)
            state = .built(index)
        }
        let hits = index.search(query)
        last = (query, hits)
        return hits
    }
}
