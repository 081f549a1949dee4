import FoundationEssentials
import Glibc

/// Where a search term was found, from the most telling place to the least.
public enum SearchField: String, Codable, Sendable, CaseIterable {
    case title, description, symptoms, body

    /// How much a match here counts.
    var weight: Int {
        switch self {
        case .title: 8
        case .description: 5
        case .symptoms: 3
        case .body: 1
        }
    }

    /// The field's bit in `SearchAnswer`'s set of matched fields.
    var bit: UInt8 {
        switch self {
        case .title: 1
        case .description: 2
        case .symptoms: 4
        case .body: 8
        }
    }
}

/// One runbook that matches a search, with how well and where.
public struct SearchHit: Hashable, Sendable {
    /// The runbook's id.
    public var id: String
    /// Higher is better; 0 for every runbook of an empty query.
    public var score: Int
    /// The fields that matched, most telling first.
    public var fields: [SearchField]

    /// Creates a hit.
    public init(id: String, score: Int, fields: [SearchField]) {
        self.id = id
        self.score = score
        self.fields = fields
    }
}

/// Ranks runbooks for what a responder sees ("CPU", "502", "replica lag", "記憶體", "慢"). Pure.
///
/// The query is split into ASCII words and CJK runs; a CJK run longer than two characters is matched by its
/// bigrams, since Chinese has no spaces to split words at. Every term counts once per field, weighted
/// title > index description > Symptoms > the rest, and the whole query found verbatim adds a bonus.
public struct SymptomSearch: Sendable {
    /// A runbook's searchable text, lowercased, as UTF-8 bytes: a keystroke in the filter searches every
    /// runbook, and finding bytes with `memmem` is many times faster than comparing characters.
    struct Document: Sendable {
        var id: String
        var fields: [(SearchField, [UInt8])]
    }

    /// The runbooks searched, in catalog order.
    let documents: [Document]
    /// Which runs of three bytes each runbook's text holds, to skip those that cannot match a query; none for a
    /// search of the index rows alone, whose short texts are read as fast as their signatures would be.
    private let signatures: TrigramSignatures?

    /// Indexes the catalog's runbooks, in catalog order, parsing those nobody has opened yet.
    public init(catalog: Catalog) {
        documents = catalog.mapRunbooks { runbook in
            let entry = catalog.entry(id: runbook.id)
            let symptoms = runbook.sections.filter { $0.kind == .symptoms }
            let rest = runbook.sections.filter { $0.kind != .symptoms }
            let fields: [(SearchField, String)] = [
                (.title, runbook.title + " " + (entry?.title ?? "") + " " + runbook.id),
                (.description, entry?.description ?? ""),
                (.symptoms, symptoms.flatMap(\.blocks).map(\.plainText).joined(separator: "\n")),
                (.body, rest.flatMap { [$0.title] + $0.blocks.map(\.plainText) }.joined(separator: "\n")),
            ]
            return Document(id: runbook.id, fields: fields.map { ($0, Self.lowercasedBytes($1)) })
        }
        signatures = TrigramSignatures(documents.map { $0.fields.map(\.1) })
    }

    /// Indexes the index's rows alone, in the order given: each row's title and id, and its description. Building
    /// it reads no file, so it answers at once while the search over the runbooks' text is still being built, and
    /// ranks what it finds as that search ranks the same fields.
    public init(entries: [CatalogEntry]) {
        var seen: Set<String> = []
        documents = entries.filter { seen.insert($0.id).inserted }.map { entry in
            Document(
                id: entry.id,
                fields: [
                    (.title, Self.lowercasedBytes(entry.title + " " + entry.id)),
                    (.description, Self.lowercasedBytes(entry.description)),
                ])
        }
        signatures = nil
    }

    /// The matching runbooks, best first (ties in catalog order); every runbook, in order, for an empty query.
    public func search(_ query: String) -> [SearchHit] {
        hits(of: answer(query))
    }

    /// An answer's matches as hits, best first.
    func hits(of answer: SearchAnswer) -> [SearchHit] {
        answer.matches.map { match in
            SearchHit(
                id: documents[match.document].id, score: match.score,
                fields: SearchField.allCases.filter { match.fields & $0.bit != 0 })
        }
    }

    /// The answer to `query`, as `search(_:)` ranks it. When one of the `earlier` answers provably holds every
    /// match (`SearchAnswer.narrows(to:)`), only the runbooks and fields that answer matched are searched, the
    /// smallest such answer's; a runbook whose runs of three bytes show it cannot hold a form is not searched for it.
    public func answer(_ query: String, narrowing earlier: [SearchAnswer] = []) -> SearchAnswer {
        let terms = Self.expanded(Self.terms(of: query), query: query.lowercased())
        guard !terms.isEmpty else {
            return SearchAnswer(
                query: query, ids: documents.map(\.id), terms: [],
                matches: documents.indices.map { (document: $0, score: 0, fields: 0) })
        }
        let needles = terms.map { Self.forms(of: $0).map { Array($0.utf8) } }
        let phrase = Array(query.trimmed.lowercased().utf8)
        let forms = needles.enumerated().flatMap { term, forms in
            forms.map { (term: term, bytes: $0, probe: TrigramSignatures.probe($0)) }
        }
        let base = earlier.filter { $0.narrows(to: needles) }.min { $0.matches.count < $1.matches.count }
        let candidates =
            base?.matches.map { (document: $0.document, fields: $0.fields) }
            ?? documents.indices.map { (document: $0, fields: UInt8.max) }
        var matches: [(document: Int, score: Int, fields: UInt8)] = []
        for (document, allowed) in candidates {
            // The first 64 forms are tested against the runbook's runs of three bytes; any beyond are looked for anyway.
            var live = UInt64.max
            for (index, form) in forms.prefix(64).enumerated()
            where signatures?.mayHold(form.probe, document: document) == false {
                live &= ~(1 << UInt64(index))
            }
            if forms.count <= 64, live & (UInt64.max >> UInt64(64 - forms.count)) == 0 { continue }
            var score = 0
            var fields: UInt8 = 0
            for (field, text) in documents[document].fields where allowed & field.bit != 0 {
                // The forms of a term are adjacent: once one is found, the term's others are not looked for.
                var matched = 0
                var lastMatchedTerm = -1
                for (index, form) in forms.enumerated()
                where form.term != lastMatchedTerm && (index >= 64 || live & (1 << UInt64(index)) != 0) {
                    if ByteSearch.contains(form.bytes, in: text) {
                        matched += 1
                        lastMatchedTerm = form.term
                    }
                }
                guard matched > 0 else { continue }
                score += matched * field.weight
                if needles.count > 1, ByteSearch.contains(phrase, in: text) {
                    score += field.weight
                }
                fields |= field.bit
            }
            if score > 0 {
                matches.append((document: document, score: score, fields: fields))
            }
        }
        matches.sort { ($1.score, $0.document) < ($0.score, $1.document) }
        return SearchAnswer(
            query: query, ids: matches.map { documents[$0.document].id }, terms: needles, matches: matches)
    }

    /// `text.lowercased()` as UTF-8, without Unicode case mapping when only ASCII letters have case: runbooks are
    /// CJK and English, and mapping every character of thousands of them is most of building the index.
    static func lowercasedBytes(_ text: String) -> [UInt8] {
        let bytes = ASCIICase.needle(text)
        if bytes.contains(where: { $0 >= 0x80 }), text.unicodeScalars.contains(where: Self.hasCase) {
            return Array(text.lowercased().utf8)
        }
        return bytes
    }

    /// Whether a non-ASCII scalar changes when lowercased; CJK, kana and hangul, most of a runbook, have no case.
    private static func hasCase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0x3000...0x9FFF, 0xAC00...0xD7FF: false
        default: scalar.properties.changesWhenLowercased
        }
    }

    /// The query's terms: lowercased ASCII words and numbers, and CJK runs (as bigrams when longer than two).
    static func terms(of query: String) -> [String] {
        var terms: [String] = []
        var word = ""
        var cjk: [Character] = []
        func flush() {
            if !word.isEmpty {
                terms.append(word)
                word = ""
            }
            if cjk.count <= 2, !cjk.isEmpty {
                terms.append(String(cjk))
            } else if cjk.count > 2 {
                for index in 0..<(cjk.count - 1) {
                    terms.append(String(cjk[index...index + 1]))
                }
            }
            cjk = []
        }
        for character in query.lowercased() {
            if isCJK(character) {
                if !word.isEmpty { flush() }
                cjk.append(character)
            } else if character.isLetter || character.isNumber {
                if !cjk.isEmpty { flush() }
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        var seen: Set<String> = []
        return terms.filter { seen.insert($0).inserted }
    }

    /// The forms a term is looked for in: the term, and for an English word ending in `y` or `ies` its regular
    /// plural or singular, so that "slow query" finds Slow Queries. Looking for the word inside longer text finds
    /// every other regular plural already ("pod" in "pods"), and a term that is not a lower-case English word of
    /// four letters or more is looked for as it is.
    static func forms(of term: String) -> [String] {
        let utf8 = term.utf8
        guard utf8.count >= 4, utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
            return [term]
        }
        if term.hasSuffix("ies") {
            return [term, term.dropLast(3) + "y"]
        }
        if term.hasSuffix("y"), let before = utf8.dropLast().last, !"aeiou".utf8.contains(before) {
            return [term, term.dropLast() + "ies"]
        }
        return [term]
    }

    /// Operations words that runbooks written in mixed Chinese and English use in either language, so that
    /// 記憶體 finds a runbook that only says memory, and slow finds one that only says 慢.
    static let synonyms: [(chinese: String, english: [String])] = [
        ("記憶體", ["memory", "oom"]), ("內存", ["memory"]), ("慢", ["slow", "latency"]), ("延遲", ["latency", "lag"]),
        ("逾時", ["timeout"]), ("超時", ["timeout"]), ("資料庫", ["database"]), ("快取", ["cache"]),
        ("連線", ["connection"]), ("部署", ["deployment", "deploy"]), ("重啟", ["restart"]), ("當機", ["crash", "outage"]),
        ("崩潰", ["crash"]), ("攻擊", ["attack", "ddos"]), ("備份", ["backup"]), ("還原", ["restore"]),
        ("擴展", ["scaling", "scale"]), ("擴容", ["scaling", "scale"]), ("安全", ["security"]), ("流量", ["traffic"]),
        ("磁碟", ["disk"]), ("憑證", ["certificate", "credential"]), ("中斷", ["outage"]),
        ("複製", ["replication", "replica"]),
    ]

    /// The terms plus the other language's words for any synonym the query contains.
    static func expanded(_ terms: [String], query: String) -> [String] {
        var result = terms
        for (chinese, english) in synonyms {
            if query.contains(chinese) {
                result += english
            } else if english.contains(where: { terms.contains($0) }) {
                result.append(chinese)
            }
        }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }

    private static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
