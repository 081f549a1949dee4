import Foundation
import Localization
import TestSupport
import Testing

@testable import RunbookKit

/// `respond lint` speaks the user's language: each finding's text is translated, while where it is and whether it
/// is an error or a warning stay as editors and CI read them.
@Suite("Lint findings in the user's language", .temporaryFiles)
struct LintLanguageTests {
    static let chinese = Localizer(.traditionalChinese)
    static let english = Localizer(.english)

    /// A library with one of nearly every problem the parser and the linter report.
    private func brokenLibrary() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(
            "README.md",
            """
            ### Storage

            | Runbook | Severity | Description |
            |---|---|---|
            | [Disk Full](disk-full.md) | P0 | disk |
            | [Disk Full again](disk-full.md) | P0 | disk |
            | [Ghost](ghost.md) | P1 | not written |
            | [Backup](backup.md) | Procedure | restore |
            | [Nameless](nameless.md) |  | none |
            | [Odd](odd.md) | High | odd |

            """)
        let broken =
            templateRunbook
            .replacingOccurrences(of: "df -h", with: "df -h\u{200B}")
            .replacingOccurrences(of: "2026-11-01", with: "2020-01-01")
            + "\n[gone](missing.md)\n\n- [x] done already\n- [ ]\n\n## Symptoms\n\nagain\n\n```bash\nbell\u{07}\n"
        try directory.write("disk-full.md", broken)
        try directory.write("backup.md", templateRunbook)
        try directory.write("nameless.md", "No heading here.\n\n## Diagnosis\n\nlook\n")
        try directory.write("odd.md", "---\ntitle: [unclosed\n---\n# Odd\n\n````bash\n```sh\nls\n````\n")
        try directory.write("empty.md", "\n")
        try directory.write("binary.md", bytes: Array("# B\n\0\n".utf8))
        try directory.write("latin.md", bytes: Array("# L\n".utf8) + [0xE9, 0x0A, 0xFF, 0x0A])
        // Files that cannot be read at all: a folder and a FIFO named like runbooks, and a link to nothing.
        try FileManager.default.createDirectory(
            atPath: directory.path + "/folder.md", withIntermediateDirectories: false)
        #expect(mkfifo(directory.path + "/pipe.md", 0o600) == 0)
        #expect(symlink(directory.path + "/nowhere.md", directory.path + "/dangling.md") == 0)
        try directory.write(
            "stamp.md",
            templateRunbook.replacingOccurrences(of: "2026-11-01", with: "someday")
                .replacingOccurrences(of: "Review Cycle**：Monthly", with: "Review Cycle**：Sometimes"))
        return directory
    }

    private func lint(_ directory: TemporaryDirectory) throws -> [Diagnostic] {
        let checker = ScriptedShellChecker(invalid: [
            "df -h": .invalid(message: "syntax error near `)'", line: 1), "du -sh": .unavailable("bash not found"),
        ])
        return Linter(checker: checker, today: LinterTests.today, linkTargets: DiskLinkTargets()).lint(
            try Catalog.load(directory: directory.path))
    }

    @Test("every finding of a broken library has a Chinese text, and its English text is the message as before")
    func everyFindingTranslated() throws {
        let diagnostics = try lint(try brokenLibrary())
        #expect(diagnostics.count >= 25, "\(messages(diagnostics))")
        for unreadable in ["folder.md", "pipe.md", "dangling.md"] {
            #expect(diagnostics.contains { $0.location.file.hasSuffix("/" + unreadable) }, "\(unreadable)")
        }
        for diagnostic in diagnostics {
            #expect(diagnostic.text != nil, "only English: \(diagnostic)")
            #expect(diagnostic.message(in: Self.english) == diagnostic.message)
            let chinese = diagnostic.message(in: Self.chinese)
            #expect(chinese != diagnostic.message, "\(diagnostic)")
            #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(chinese)")
        }
    }

    @Test("a finding in Chinese keeps its file, line and severity word; in English it is the description as before")
    func locationAndSeverityStay() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let diagnostics = Linter(checker: BashSyntaxChecker(), today: LinterTests.today).lint(catalog)
        let refund = TestPaths.paymentsFixture + "/refund-stuck.md"
        let chinese = diagnostics.filter { $0.location.file == refund }.map { $0.description(in: Self.chinese) }
        #expect(
            chinese.prefix(4) == [
                "\(refund):1: error: 缺少章節 ## Detection, ## Prevention, ## Related（事故 runbook 範本）",
                "\(refund):7: error: Impact 沒有寫出有效的嚴重度；請加上 `- **Severity**: P0` … `P3`",
                "\(refund):9: error: 無法辨識的嚴重度「High」；請用 P0、P1、P2、P3 其中之一",
                "\(refund):11: error: Diagnosis 沒有步驟；請寫成 `### Step 1: …`",
            ])
        #expect(chinese.last == "\(refund):27: warning: 內容過時：最後更新於 2025-01-10（686 天前），審閱週期卻是 quarterly（每 92 天）")
        #expect(diagnostics.map { $0.description(in: Self.english) } == diagnostics.map(\.description))
    }

    @Test("a missing section and a kind mismatch are said for the runbook's own kind, one section or several")
    func kindsAndCounts() throws {
        let procedure =
            "# Procedure: Restore\n\n## Prerequisites\n\n- access\n\n## Procedure\n\n### Step 1: Go\n\nrun\n"
        let runbook = try #require(RunbookParser.parse(text: procedure, path: "restore.md").runbook)
        let entry = CatalogEntry(
            id: "restore", title: "Restore", file: "restore.md", severity: .p1, kind: .incident, description: "",
            location: SourceLocation(file: "README.md", line: 5))
        let found = Linter(checker: ScriptedShellChecker(), today: LinterTests.today).lint(runbook, entry: entry)
        #expect(
            found.prefix(2).map(\.message) == [
                "missing sections ## Verification, ## Rollback (procedure template)",
                "the index lists this as incident but the file reads as procedure",
            ])
        #expect(
            found.prefix(2).map { $0.message(in: Self.chinese) } == [
                "缺少章節 ## Verification, ## Rollback（程序範本）", "索引把它列為事故 runbook，檔案內容卻是程序",
            ])
    }
}
