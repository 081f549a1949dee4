import Localization
import RunbookKit
import Testing

@Suite("The catalog's errors in each language")
struct CatalogErrorTextTests {
    private let lookups: [CatalogLookupError] = [
        .ambiguous(query: "disk", candidates: ["disk-full", "disk-slow"]),
        .notFound(query: "nope", suggestions: []), .notFound(query: "dsik", suggestions: ["disk-full"]),
        .unparsable(id: "disk-full", problem: emptyFile), .unparsable(id: "disk-full", problem: nil),
    ]
    private static let emptyFile = Diagnostic(
        .error, SourceLocation(file: "disk-full.md", line: 1), .tr("cli.lint.empty_file"))
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

    @Test("a runbook that cannot be opened is said with its first error, or its lack of a runbook, in each language")
    func unparsable() {
        let chinese = Localizer(.traditionalChinese)
        #expect(
            CatalogLookupError.unparsable(id: "disk-full", problem: Self.emptyFile).description
                == "runbook disk-full cannot be opened: empty file; start from `respond new` or the template in the"
                + " index; `respond lint` lists every problem")
        #expect(
            CatalogLookupError.unparsable(id: "disk-full", problem: Self.emptyFile).description(in: chinese)
                == "無法開啟 runbook disk-full：空檔案；請從 `respond new` 或索引裡的範本開始寫；`respond lint` 會列出所有問題")
        #expect(
            CatalogLookupError.unparsable(id: "disk-full", problem: nil).description
                == "runbook disk-full cannot be opened: it has no runbook in it; `respond lint` lists every problem")
        #expect(
            CatalogLookupError.unparsable(id: "disk-full", problem: nil).description(in: chinese)
                == "無法開啟 runbook disk-full：檔案裡沒有 runbook；`respond lint` 會列出所有問題")
    }
}
