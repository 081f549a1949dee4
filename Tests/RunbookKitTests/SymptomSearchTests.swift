import Testing

@testable import RunbookKit

@Suite("Searching runbooks by symptom")
struct SymptomSearchTests {
    @Test("splits ASCII words and matches CJK runs by bigrams")
    func terms() {
        #expect(SymptomSearch.terms(of: "Replica LAG") == ["replica", "lag"])
        #expect(SymptomSearch.terms(of: "記憶體") == ["記憶", "憶體"])
        #expect(SymptomSearch.terms(of: "慢") == ["慢"])
        #expect(SymptomSearch.terms(of: "HTTP 502錯誤") == ["http", "502", "錯誤"])
    }

    @Test(
        "an English word ending in y or ies is also looked for as its plural or singular; other terms as they are",
        arguments: [
            ("query", ["query", "queries"]), ("queries", ["queries", "query"]), ("latency", ["latency", "latencies"]),
            ("delay", ["delay"]), ("pods", ["pods"]), ("502", ["502"]), ("記憶", ["記憶"]), ("spy", ["spy"]),
        ])
    func forms(term: String, expected: [String]) {
        #expect(SymptomSearch.forms(of: term) == expected)
    }

    @Test("ranks a title match above a description match above a symptoms match, and says which field matched")
    func weighting() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let search = SymptomSearch(catalog: catalog)
        let timeout = search.search("502")
        #expect(timeout.map(\.id) == ["gateway-timeout"])
        #expect(timeout.first?.fields == [.symptoms])
        let gateway = search.search("閘道")
        #expect(gateway.first?.id == "gateway-timeout")
        #expect(gateway.first?.fields.prefix(2) == [.title, .description])
        #expect(search.search("pending").map(\.id) == ["refund-stuck"])
        #expect(search.search("nothing-like-this").isEmpty)
    }

    @Test(
        "the index rows' search finds titles, ids and descriptions, weighted as the full search weighs them, never text"
    )
    func rowsAlone() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let rows = SymptomSearch(entries: catalog.entries + catalog.entries)
        let gateway = rows.search("閘道")
        #expect(gateway.map(\.id) == ["gateway-timeout"])
        #expect(gateway.first?.fields == [.title, .description])
        #expect(gateway.first?.score == SearchField.title.weight + SearchField.description.weight)
        #expect(rows.search("refund-stuck").map(\.id) == ["refund-stuck"])
        #expect(rows.search("24 小時").first?.fields == [.description])
        #expect(rows.search("502").isEmpty)
        #expect(rows.search("pending").isEmpty)
        #expect(rows.search("").count == catalog.entries.count)
    }

    @Test("an empty query returns every runbook in catalog order with no score")
    func emptyQuery() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let hits = SymptomSearch(catalog: catalog).search("  ")
        #expect(hits.map(\.id) == ["gateway-timeout", "refund-stuck", "daily-reconciliation", "orphan-alerts"])
        #expect(hits.allSatisfy { $0.score == 0 })
    }
}

@Suite("Search synonyms across languages")
struct SymptomSearchSynonymTests {
    @Test("a Chinese operations word also searches its English term, and the other way round")
    func synonyms() {
        #expect(SymptomSearch.expanded(["記憶", "憶體"], query: "記憶體").contains("memory"))
        #expect(SymptomSearch.expanded(["slow"], query: "slow").contains("慢"))
        #expect(SymptomSearch.expanded(["cpu"], query: "cpu") == ["cpu"])
    }

    @Test(
        "the index's lowercasing is Unicode lowercasing, whatever the script",
        arguments: ["CPU 使用率 > 80%", "Replica LAG 延遲", "ÉCHEC de connexion", "ＡＰＩ 逾時", "ΣΦΑΛΜΑ", "", "한국어 OOM"])
    func lowercasing(text: String) {
        #expect(SymptomSearch.lowercasedBytes(text) == Array(text.lowercased().utf8))
    }
}
