/// What a symptom search answered for one query, kept so that a later query that can only narrow it (the next
/// letter typed) is searched among its matches alone, and so that the same query asked again is not searched again.
public struct SearchAnswer: Sendable {
    /// The query as asked.
    public let query: String
    /// The ids of the matching runbooks, best first (ties in catalog order).
    public let ids: [String]
    /// The byte forms the search looked for, each term's forms together; empty when the query has no term, which
    /// every runbook matches.
    let terms: [[[UInt8]]]
    /// The matches, best first: the runbook's place in the search and the fields that matched, as bits of
    /// `SearchField.bit`.
    let matches: [(document: Int, score: Int, fields: UInt8)]

    /// Whether every runbook that a search for `newer` matches, this answer matched too, with every field in which
    /// `newer` is found among this answer's matched fields. True when each form of each newer term holds one of the
    /// forms this answer looked for: a field that holds the newer form holds the older form inside it. Typing a
    /// letter at the end of a word is such a query; a new word, a backspace or a synonym that adds a term is not.
    func narrows(to newer: [[[UInt8]]]) -> Bool {
        guard !terms.isEmpty, !newer.isEmpty else { return false }
        let older = terms.flatMap { $0 }
        return newer.allSatisfy { forms in
            forms.allSatisfy { form in older.contains { ByteSearch.contains($0, in: form) } }
        }
    }
}
