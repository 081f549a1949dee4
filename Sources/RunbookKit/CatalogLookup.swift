/// Why a runbook query did not name exactly one runbook.
public enum CatalogLookupError: Error, CustomStringConvertible, Equatable {
    /// Several runbooks match; the ids say which, so the user can type one.
    case ambiguous(query: String, candidates: [String])
    /// Nothing matches; the suggestions are the closest ids.
    case notFound(query: String, suggestions: [String])

    public var description: String {
        switch self {
        case .ambiguous(let query, let candidates):
            "\"\(query)\" matches \(candidates.count) runbooks: \(candidates.joined(separator: ", ")); type more of the id"
        case .notFound(let query, let suggestions):
            suggestions.isEmpty
                ? "no runbook matches \"\(query)\"; `respond list` shows them all"
                : "no runbook matches \"\(query)\"; did you mean \(suggestions.joined(separator: ", "))?"
        }
    }
}

extension Catalog {
    /// Finds the runbook a user means: the exact id, else the only id starting with the query, else the only
    /// runbook whose id contains the query's letters in order or whose title contains it.
    public func resolve(_ query: String) throws(CatalogLookupError) -> Runbook {
        let wanted = query.trimmed.lowercased()
        if let exact = runbooks.first(where: { $0.id.lowercased() == wanted }) {
            return exact
        }
        for matches in [prefixMatches(wanted), fuzzyMatches(wanted)] where !matches.isEmpty {
            if matches.count == 1, let only = matches.first {
                return only
            }
            throw .ambiguous(query: query, candidates: matches.map(\.id))
        }
        throw .notFound(query: query, suggestions: suggestions(for: wanted))
    }

    private func prefixMatches(_ wanted: String) -> [Runbook] {
        guard !wanted.isEmpty else { return [] }
        return runbooks.filter { $0.id.lowercased().hasPrefix(wanted) }
    }

    private func fuzzyMatches(_ wanted: String) -> [Runbook] {
        guard !wanted.isEmpty else { return [] }
        return runbooks.filter { runbook in
            Self.isSubsequence(wanted, of: runbook.id.lowercased())
                || runbook.title.lowercased().contains(wanted)
                || (entry(id: runbook.id)?.title.lowercased().contains(wanted) ?? false)
        }
    }

    /// Up to three ids within a small edit distance of the query, closest first.
    private func suggestions(for wanted: String) -> [String] {
        let limit = max(2, wanted.count / 2)
        let scored: [(id: String, distance: Int)] = runbooks.map { ($0.id, Self.editDistance(wanted, $0.id.lowercased())) }
        let close = scored.filter { $0.distance <= limit }
        let sorted = close.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return sorted.prefix(3).map(\.id)
    }

    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var remaining = needle.filter { !$0.isWhitespace }[...]
        for character in haystack where remaining.first == character {
            remaining = remaining.dropFirst()
        }
        return remaining.isEmpty
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
