import Foundation
import GuideUI
import RunbookKit

extension SymptomIndex {
    /// The symptom search over every runbook of `catalog`, built now (one pass over every file) and searched with
    /// RunbookKit's ranking.
    static func built(over catalog: Catalog) -> SymptomIndex {
        let search = LastAnswerSearch(SymptomSearch(catalog: catalog))
        return SymptomIndex { query in search.search(query) }
    }
}

/// A symptom search that keeps its last answer, since a frame of the filtered catalog asks for the same query
/// several times; safe to share between threads.
private final class LastAnswerSearch: @unchecked Sendable {
    private let index: SymptomSearch
    // Guards `last`.
    private let lock = NSLock()
    private var last: (query: String, ids: [String])?

    init(_ index: SymptomSearch) {
        self.index = index
    }

    func search(_ query: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.query == query { return last.ids }
        let ids = index.search(query).map(\.id)
        last = (query, ids)
        return ids
    }
}
