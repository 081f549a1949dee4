import Foundation
import Localization
import RunbookKit
import TestSupport
import Testing

@testable import GuideUI

/// Words the guide adds where a runbook says nothing: section names, the code block's title, why a command is
/// destructive.
@Suite("The guide's own words around a runbook, in the reader's language")
struct FallbackWordsTests {
    private let chinese = Localizer(.traditionalChinese)
    private let english = Localizer(.english)

    private func runbook() throws -> Runbook {
        let text = "# Disk Full\n\n## 診斷\n\n### Step 1: 看用量\n\n```bash\ndf -h\n```\n"
        return try #require(RunbookParser.parse(data: Data(text.utf8), path: "disk-full.md").runbook)
    }

    @Test("the catalog's category of runbooks the index does not list is named in the reader's words")
    func notInTheIndex() {
        let index = Data(
            "# Runbooks\n\n## 儲存\n\n| Runbook | Severity |\n|---|---|\n| [Disk Full](disk-full.md) | P1 |\n".utf8)
        let orphan = RunbookSource(path: "/lib/orphan.md", contents: .data(Data("# Orphan\n".utf8)))
        let disk = RunbookSource(path: "/lib/disk-full.md", contents: .data(Data("# Disk Full\n".utf8)))
        let catalog = Catalog(directory: "/lib", index: (path: "/lib/README.md", data: index), sources: [disk, orphan])
        #expect(Library(catalog: catalog, localizer: chinese).categories.map(\.name) == ["儲存", "未列在索引"])
        #expect(Library(catalog: catalog, localizer: english).categories.map(\.name) == ["儲存", "Not in the index"])
    }

    @Test("the catalog says where a moved runbook went in the reader's words")
    func movedStub() throws {
        let catalog = try Catalog.load(directory: PackagePaths.alertLibrary)
        func screen(_ words: Localizer) -> String {
            let model = AppModel(
                library: Library(catalog: catalog, localizer: words), actor: "alice", colorEnabled: false, width: 100,
                height: 60, now: Date(timeIntervalSince1970: 0), localizer: words)
            return view(model).textLines.joined(separator: "\n")
        }
        #expect(screen(chinese).contains("已搬到 ../storage/VolumeFillingUp.md"), "\(screen(chinese))")
        #expect(!screen(chinese).contains("moved to"))
        #expect(screen(english).contains("moved to ../storage/VolumeFillingUp.md"))
    }

    @Test("a section the runbook does not head is named in the reader's words; one it heads keeps its heading")
    func sectionNames() throws {
        let runbook = try runbook()
        #expect(runbook.sectionTitle(.verification, chinese) == "驗證")
        #expect(runbook.sectionTitle(.verification, english) == "Verification")
        #expect(runbook.sectionTitle(.rollback, english) == "Rollback")
        #expect(runbook.sectionTitle(.diagnosis, chinese) == "診斷")
    }

    @Test("every section kind's name is in both catalogs", arguments: Language.allCases)
    func sectionKeys(language: Language) throws {
        let known = try LocalizedKeyTests.catalogKeys(language)
        #expect(SectionKind.allCases.map(sectionNameKey).filter { !known.contains($0) } == [])
    }

    @Test("the selected block's title names a block without a language and a block that may not run in Chinese")
    func blockTitle() {
        let location = SourceLocation(file: "disk-full.md", line: 1)
        let block = CodeBlock(language: "", code: "df -h\n\(CommandTemplate.noRunMarker)\n", location: location)
        let text = { (words: Localizer) in
            BlockRenderer(theme: Theme(color: false), words: words).selectionTitle(0, of: 2, block).map(\.text)
                .joined()
        }
        #expect(text(english) == "▶ [1/2] shell · no-run")
        #expect(text(chinese) == "▶ [1/2] 指令 · 不執行")
    }

    @Test("a destructive command's reason is in Chinese, and in English as the pattern says it")
    func destructiveReasons() throws {
        let commands = ["kubectl delete pod web-1", "psql -c 'DROP TABLE orders'", "rm -rf /var/tmp/cache"]
        for command in commands {
            let match = try #require(DestructiveCommand.match(in: command))
            #expect(destructiveReason(match, english) == match.reason)
            #expect(!destructiveReason(match, chinese).contains(match.reason), "\(command)")
        }
        let match = try #require(DestructiveCommand.match(in: "kubectl delete pod web-1"))
        #expect(destructiveReason(match, chinese) == "kubectl delete 會刪除資源")
    }

    @Test("every destructive pattern's reason is in both catalogs", arguments: Language.allCases)
    func destructiveKeys(language: Language) throws {
        let known = try LocalizedKeyTests.catalogKeys(language)
        #expect(DestructiveCommand.patternNames.map(destructiveReasonKey).filter { !known.contains($0) } == [])
    }
}
