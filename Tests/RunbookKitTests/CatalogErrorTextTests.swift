import Localization
import RunbookKit
import Testing

@Suite("The catalog's errors in each language")
struct CatalogErrorTextTests {
    private let lookups: [CatalogLookupError] = [
        .ambiguous(query: "disk", candidates: ["disk-full", "disk-slow"]),
        .notFound(query: "nope", suggestions: []), .notFound(query: "dsik", suggestions: ["disk-full"]),
        .unparsable(id: "disk-full", problem: "no title"),
    ]
    private let loads: [CatalogLoadError] = [.notADirectory("/r"), .unreadable("/r", reason: "Permission denied")]

    @Test("in English, every error reads exactly as its description")
    func englishIsTheDescription() {
        let english = Localizer(.english)
        for error in lookups { #expect(error.description(in: english) == error.description) }
        for error in loads { #expect(error.description(in: english) == error.description) }
    }

    @Test("in zh-TW, an unknown runbook is Chinese and still suggests the closest ids")
    func chinese() {
        let chinese = Localizer(.traditionalChinese)
        for error in lookups { #expect(error.description(in: chinese) != error.description) }
        for error in loads { #expect(error.description(in: chinese) != error.description) }
        #expect(
            CatalogLookupError.notFound(query: "dsik", suggestions: ["disk-full"]).description(in: chinese)
                == "沒有符合「dsik」的 runbook；你要找的是 disk-full 嗎？")
    }
}
