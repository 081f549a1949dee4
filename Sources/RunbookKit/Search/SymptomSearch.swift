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
    /// runbook, and finding bytes with `memchr` and `memcmp` is many times faster than comparing characters.
    private struct Document: Sendable {
        var id: String
        var fields: [(SearchField, [UInt8])]
    }

    private let documents: [Document]

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
    }

    /// The matching runbooks, best first (ties in catalog order); every runbook, in order, for an empty query.
    public func search(_ query: String) -> [SearchHit] {
        let terms = Self.expanded(Self.terms(of: query), query: query.lowercased())
        guard !terms.isEmpty else {
            return documents.map { SearchHit(id: $0.id, score: 0, fields: []) }
        }
        let needles = terms.map { Self.forms(of: $0).map { Array($0.utf8) } }
        let phrase = Array(query.trimmed.lowercased().utf8)
        var hits: [(offset: Int, hit: SearchHit)] = []
        for (offset, document) in documents.enumerated() {
            var score = 0
            var fields: [SearchField] = []
            for (field, text) in document.fields {
                let matched = needles.filter { forms in forms.contains { ByteSearch.contains($0, in: text) } }.count
                guard matched > 0 else { continue }
                score += matched * field.weight
                if needles.count > 1, ByteSearch.contains(phrase, in: text) {
                    score += field.weight
                }
                fields.append(field)
            }
            if score > 0 {
                hits.append((offset, SearchHit(id: document.id, score: score, fields: fields)))
            }
        }
        return hits.sorted { ($1.hit.score, $0.offset) < ($0.hit.score, $1.offset) }.map(\.hit)
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
