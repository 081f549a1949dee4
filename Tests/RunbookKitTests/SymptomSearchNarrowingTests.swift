import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import RunbookKit

/// The filter searches each later letter among the matches of the query before it and skips runbooks by their
/// runs of three bytes; whatever the responder types, the answer must be the one a plain search of every runbook gives.
@Suite("A narrowed symptom search answers as a plain search of every runbook", .temporaryFiles)
struct SymptomSearchNarrowingTests {
    /// Words runbooks and queries are made of: mixed case, plurals in y and ies, synonyms in both languages, CJK
    /// runs of one to four characters, letters with Unicode case, and words inside other words.
    private static let words = [
        "CPU", "cpu", "memory", "Memory", "OOMKilled", "oom", "kill", "query", "queries", "Slow", "slowly", "latency",
        "Latencies", "replica", "lag", "disk", "502", "5020", "timeout", "time", "記憶體", "記憶", "慢", "延遲",
        "資料庫", "逾時", "磁碟", "閘道逾時", "ÉCHEC", "échec", "ΣΦΑΛΜΑ", "σφάλμα", "pods", "pod", "throttling",
        "throttle", "cache", "快取", "連線", "connection", "db", "k8s", "ＡＰＩ", "api", "memorys", "a",
    ]

    /// A few words of the vocabulary joined by spaces.
    private static func phrase(_ count: Int, using random: inout some RandomNumberGenerator) -> String {
        (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
    }

    /// What a responder does in the filter, one query after each step: typing a text a character at a time,
    /// backspaces, pasting a text whole, clearing the line.
    private static let sessions = Generator { random in
        var queries: [String] = []
        var line = ""
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                for character in phrase(Int.random(in: 1...2, using: &random), using: &random) {
                    line.append(character)
                    queries.append(line)
                }
            case 1:
                for _ in 0..<Int.random(in: 1...4, using: &random) where !line.isEmpty {
                    line.removeLast()
                    queries.append(line)
                }
            case 2:
                line +=
                    (Bool.random(using: &random) ? " " : "")
                    + phrase(Int.random(in: 1...3, using: &random), using: &random)
                queries.append(line)
            default:
                line = ""
                queries.append(line)
            }
        }
        return queries
    }

    /// A library of runbooks whose titles, index descriptions, symptoms and bodies are drawn from `words`.
    private static func library() throws -> Catalog {
        var random = SeededRandom(seed: 20)
        let directory = try TemporaryDirectory()
        var rows: [String] = []
        for number in 0..<48 {
            let id = "runbook-\(number)"
            let title = phrase(Int.random(in: 1...3, using: &random), using: &random)
            rows.append(
                "| [\(title)](\(id).md) | P2 | \(phrase(Int.random(in: 0...4, using: &random), using: &random)) |")
            let symptoms = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "- " + phrase(Int.random(in: 1...5, using: &random), using: &random)
            }
            let body = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                phrase(Int.random(in: 2...12, using: &random), using: &random)
            }
            try directory.write(
                "\(id).md",
                "# Runbook: \(title)\n\n## Symptoms\n\n" + symptoms.joined(separator: "\n")
                    + "\n\n## Diagnosis\n\n" + body.joined(separator: "\n\n") + "\n")
        }
        try directory.write(
            "README.md",
            "# Library\n\n## Index\n\n### All\n\n| Runbook | Severity | Description |\n|---|---|---|\n"
                + rows.joined(separator: "\n") + "\n")
        return try Catalog.load(directory: directory.path)
    }

    /// The search as its documentation states it, with nothing skipped: every form of every term looked for byte
    /// by byte in every field of every runbook, each term counted once per field by the field's weight, the whole
    /// query found in a field adding its weight once more when there are several terms, best first and ties in
    /// catalog order.
    private static func plainSearch(_ search: SymptomSearch, _ query: String) -> [SearchHit] {
        let terms = SymptomSearch.expanded(SymptomSearch.terms(of: query), query: query.lowercased())
        guard !terms.isEmpty else { return search.documents.map { SearchHit(id: $0.id, score: 0, fields: []) } }
        let forms = terms.map { SymptomSearch.forms(of: $0).map { Array($0.utf8) } }
        let phrase = Array(query.trimmed.lowercased().utf8)
        func holds(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
            guard needle.count <= text.count else { return false }
            return (0...(text.count - needle.count)).contains { text[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        var hits: [(offset: Int, hit: SearchHit)] = []
        for (offset, document) in search.documents.enumerated() {
            var hit = SearchHit(id: document.id, score: 0, fields: [])
            for (field, text) in document.fields {
                let matched = forms.filter { $0.contains { holds(text, $0) } }.count
                guard matched > 0 else { continue }
                hit.score += matched * field.weight + (terms.count > 1 && holds(text, phrase) ? field.weight : 0)
                hit.fields.append(field)
            }
            if hit.score > 0 { hits.append((offset, hit)) }
        }
        return hits.sorted { ($1.hit.score, $0.offset) < ($0.hit.score, $1.offset) }.map(\.hit)
    }

    @Test("every query of random typing, backspaces, pastes and clearing gets the plain search's hits and scores")
    func randomSessions() async throws {
        let search = SymptomSearch(catalog: try Self.library())
        #expect(search.documents.contains { $0.fields.contains { $0.0 == .symptoms && !$0.1.isEmpty } })
        await propertyCheck(count: 300, input: Self.sessions) { queries in
            var kept: [SearchAnswer] = []
            for query in queries {
                let answer = search.answer(query, narrowing: kept)
                let expected = Self.plainSearch(search, query)
                #expect(search.hits(of: answer) == expected, "\(queries) at \(query)")
                #expect(answer.ids == expected.map(\.id))
                kept = Array((kept + [answer]).suffix(12))
            }
        }
    }

    @Test("the background search, keeping its latest answers, gives every query of a session the plain search's ids")
    func backgroundSessions() async throws {
        let catalog = try Self.library()
        let plain = SymptomSearch(catalog: catalog)
        await propertyCheck(count: 100, input: Self.sessions) { queries in
            let background = BackgroundSymptomSearch(catalog: catalog)
            background.start()
            #expect(eventually { background.isBuilt })
            for query in queries {
                #expect(
                    background.ids(matching: query) == Self.plainSearch(plain, query).map(\.id),
                    "\(queries) at \(query)")
            }
        }
    }

    @Test(
        "an answer is narrowed only when every form of the new query holds a form the earlier one looked for",
        arguments: [
            ("oom", "oomk", true), ("quer", "query", true), ("query", "querys", true), ("slow", "slowl", true),
            ("oom", "oom k", false), ("oomk", "oom", false), ("記憶", "記憶體", false), ("slow", "slow 慢", false),
            ("db", "db-1", false), ("", "db", false), ("db", " ", false),
        ])
    func narrowingRule(earlier: String, later: String, narrows: Bool) throws {
        let search = SymptomSearch(entries: [])
        let newer = SymptomSearch.expanded(SymptomSearch.terms(of: later), query: later.lowercased())
        let forms = newer.map { SymptomSearch.forms(of: $0).map { Array($0.utf8) } }
        #expect(search.answer(earlier).narrows(to: forms) == narrows)
    }
}
