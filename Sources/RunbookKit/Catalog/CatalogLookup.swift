/// Why a runbook query did not name exactly one runbook.
public enum CatalogLookupError: Error, CustomStringConvertible, Equatable {
    /// Several runbooks match; the ids say which, so the user can type one.
    case ambiguous(query: String, candidates: [String])
    /// Nothing matches; the suggestions are the closest ids.
    case notFound(query: String, suggestions: [String])
    /// The runbook's file is there but does not parse; `problem` is the first error found in it, nil when parsing
    /// found no error yet no runbook.
    case unparsable(id: String, problem: Diagnostic?)

    public var description: String {
        switch self {
        case .ambiguous(let query, let candidates):
            "\"\(query)\" matches \(candidates.count) runbooks: \(candidates.joined(separator: ", ")); type more of the id"
        case .notFound(let query, let suggestions):
            suggestions.isEmpty
                ? "no runbook matches \"\(query)\"; `respond list` shows them all"
                : "no runbook matches \"\(query)\"; did you mean \(suggestions.joined(separator: ", "))?"
        case .unparsable(let id, let problem):
            "runbook \(id) cannot be opened: \(problem?.message ?? Self.noRunbook); `respond lint` lists every problem"
        }
    }

    /// What `.unparsable` says when parsing found no error, in English.
    static let noRunbook = "it has no runbook in it"
}

extension Catalog {
    /// Finds the runbook a user means: the exact id, else the runbook whose file name, title, H1 or alias is the
    /// query, else the only id starting with the query, else the only runbook whose id contains the query's
    /// letters in order (the first at the start of a word) or whose title contains it. Only the chosen
    /// runbook is parsed: titles come from the index, or from the file for a runbook the index does not list.
    public func resolve(_ query: String) throws(CatalogLookupError) -> Runbook {
        let id = try resolveID(query)
        guard let runbook = runbook(id: id) else {
            throw .unparsable(id: id, problem: problems(id: id).first { $0.severity == .error })
        }
        return runbook
    }

    private func resolveID(_ query: String) throws(CatalogLookupError) -> String {
        let wanted = query.trimmed.lowercased()
        if let exact = runbookIDs.first(where: { $0.lowercased() == wanted }) {
            return exact
        }
        for matches in [nameMatches(wanted), prefixMatches(wanted), fuzzyMatches(wanted)] where !matches.isEmpty {
            if matches.count == 1, let only = matches.first {
                return only
            }
            throw .ambiguous(query: query, candidates: matches)
        }
        throw .notFound(query: query, suggestions: suggestions(for: wanted))
    }

    /// The runbooks one of whose names is the query exactly (case aside): the file name, the catalog title, the
    /// H1 and the aliases (`lookupNames`).
    private func nameMatches(_ wanted: String) -> [String] {
        guard !wanted.isEmpty else { return [] }
        return runbookIDs.filter { id in
            var names = lookupNames[id] ?? []
            if let entry = entry(id: id) {
                names += [entry.title, RunbookParser.id(forPath: entry.file)]
            }
            return names.contains { $0.trimmed.lowercased() == wanted }
        }
    }

    private func prefixMatches(_ wanted: String) -> [String] {
        guard !wanted.isEmpty else { return [] }
        return runbookIDs.filter { $0.lowercased().hasPrefix(wanted) }
    }

    private func fuzzyMatches(_ wanted: String) -> [String] {
        guard !wanted.isEmpty else { return [] }
        let unindexedTitles = Dictionary(unindexed.map { ($0.id, $0.title) }) { first, _ in first }
        return runbookIDs.filter { id in
            let title = entry(id: id)?.title ?? unindexedTitles[id] ?? ""
            return Self.isSubsequence(wanted, of: id) || title.lowercased().contains(wanted)
        }
    }

    /// Up to three ids within a small edit distance of the query, closest first.
    private func suggestions(for wanted: String) -> [String] {
        let limit = max(2, wanted.count / 2)
        let scored: [(id: String, distance: Int)] = runbookIDs.map { ($0, editDistance(wanted, $0.lowercased())) }
        let close = scored.filter { $0.distance <= limit }
        let sorted = close.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return sorted.prefix(3).map(\.id)
    }

    /// Whether `haystack` holds `needle`'s letters in order, case aside, the first of them where a word of
    /// `haystack` begins: `dlyrec` is daily-reconciliation and `podcrash` is KubePodCrashLooping (a capital after
    /// a small letter starts a word, as alert names are written), but a typo such as `nope` is not
    /// scaling-operations, whose letters merely happen to contain it, so a mistyped id is answered with suggestions
    /// rather than opened as a guess.
    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var remaining = needle.lowercased().filter { !$0.isWhitespace }[...]
        guard let first = remaining.first else { return true }
        var previous: Character?
        var started = false
        for character in haystack {
            defer { previous = character }
            if !started {
                guard isLetter(character, lowered: first) else { continue }
                let wordStart =
                    previous.map { (!$0.isLetter && !$0.isNumber) || ($0.isLowercase && character.isUppercase) } ?? true
                guard wordStart else { continue }
                started = true
                remaining = remaining.dropFirst()
            } else if let next = remaining.first, isLetter(character, lowered: next) {
                remaining = remaining.dropFirst()
            }
            if remaining.isEmpty { return true }
        }
        return remaining.isEmpty
    }

    /// Whether `character`, lowered, is `lowered`; an ASCII one (nearly every character of an id) is lowered
    /// without making a string, as a search of a large library compares every id's characters.
    private static func isLetter(_ character: Character, lowered: Character) -> Bool {
        if let ascii = character.asciiValue {
            let small = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii) ? ascii + 32 : ascii
            return lowered.asciiValue == small
        }
        return character.lowercased() == String(lowered)
    }
}
