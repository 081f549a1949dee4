import Foundation
import TestSupport
import Testing

@testable import RunbookKit

@Suite("Linting runbooks", .temporaryFiles)
struct LinterTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    @Test("another team's mistakes are each reported once, by file and line, with the right severity")
    func otherTeamMistakes() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let diagnostics = Linter(checker: BashSyntaxChecker(), today: Self.today).lint(catalog)
        let refund = TestPaths.paymentsFixture + "/refund-stuck.md"
        let lines = diagnostics.filter { $0.location.file == refund }.map {
            "\($0.location.line): \($0.severity.rawValue): \($0.message)"
        }
        #expect(
            lines == [
                "1: error: missing sections ## Detection, ## Prevention, ## Related (incident template)",
                "7: error: Impact gives no valid severity; add `- **Severity**: P0` … `P3`",
                "9: error: unknown severity \"High\"; use one of P0, P1, P2, P3",
                "11: error: Diagnosis has no steps; write them as `### Step 1: …`",
                "17: error: bash block does not parse: syntax error: unexpected end of file",
                "25: error: checklist item 1 is ticked in the file; write `- [ ]` so responders tick it",
                "27: warning: footer has no `**Owner**: team`",
                "27: warning: stale: last updated 2025-01-10, 686 days ago, but reviewed quarterly (every 92 days)",
            ])
        let orphan = diagnostics.filter { $0.location.file.hasSuffix("orphan-alerts.md") }
        #expect(
            orphan.map(\.message) == [
                "not listed in the index \(TestPaths.paymentsFixture)/README.md; add a row so responders can find it"
            ])
        #expect(
            diagnostics.filter { $0.location.file.hasSuffix("gateway-timeout.md") }.isEmpty, "\(messages(diagnostics))")
        #expect(
            diagnostics.filter { $0.location.file.hasSuffix("daily-reconciliation.md") }.isEmpty,
            "\(messages(diagnostics))")
    }

    @Test("a severity that differs from the index is an error pointing at both places")
    func severityMismatch() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "README.md",
            "### Storage\n\n| Runbook | Severity | Description |\n|---|---|---|\n| [Disk Full](disk-full.md) | P0 | disk |\n"
        )
        try directory.write("disk-full.md", templateRunbook)
        let diagnostics = Linter(checker: ScriptedShellChecker(), today: Self.today).lint(
            try Catalog.load(directory: directory.path))
        #expect(
            diagnostics.map(\.description) == [
                "\(directory.path)/disk-full.md:7: error: severity P2 differs from the index's P0 (\(directory.path)/README.md:5); make them agree"
            ])
    }

    @Test("a shell block the checker rejects is an error on the script line; an unavailable shell is a warning")
    func shellBlocks() throws {
        let runbook = try #require(RunbookParser.parse(text: templateRunbook, path: "disk-full.md").runbook)
        let checker = ScriptedShellChecker(invalid: [
            "df -h": .invalid(message: "syntax error near `)'", line: 1),
            "du -sh": .unavailable("bash not found"),
        ])
        let diagnostics = Linter(checker: checker, today: Self.today).lint(runbook, entry: nil)
        #expect(
            diagnostics.map(\.description) == [
                "disk-full.md:22: error: bash block does not parse: syntax error near `)'",
                "disk-full.md:27: warning: bash block not checked: bash not found",
            ])
    }

    @Test("Last Updated older than the review cycle is stale; within it, or a missing footer, is not")
    func staleness() throws {
        func lint(_ updated: String, _ cycle: String) throws -> [String] {
            let text = templateRunbook.replacingOccurrences(of: "2026-11-01", with: updated)
                .replacingOccurrences(of: "Review Cycle**：Monthly", with: "Review Cycle**：\(cycle)")
            let runbook = try #require(RunbookParser.parse(text: text, path: "d.md").runbook)
            return Linter(checker: ScriptedShellChecker(), today: Self.today).lint(runbook, entry: nil).map(\.message)
        }
        #expect(try lint("2026-11-20", "Weekly") == [])
        #expect(
            try lint("2026-11-19", "每週") == [
                "stale: last updated 2026-11-19, 8 days ago, but reviewed weekly (every 7 days)"
            ])
        #expect(try lint("2026-08-27", "Quarterly") == [])
        #expect(
            try lint("2026-08-26", "每季") == [
                "stale: last updated 2026-08-26, 93 days ago, but reviewed quarterly (every 92 days)"
            ])
        #expect(try lint("2026-12-01", "Monthly") == ["Last Updated 2026-12-01 is in the future (today is 2026-11-27)"])
        #expect(try lint("soon", "Monthly") == ["Last Updated \"soon\" is not a date; write YYYY-MM-DD"])
        #expect(
            try lint("2026-11-01", "Sometimes") == [
                "unknown review cycle \"Sometimes\"; use Weekly, Monthly, Quarterly or Yearly"
            ])
    }

    @Test("a scaffold from `respond new` parses without errors and lints without errors")
    func scaffold() throws {
        let text = RunbookTemplate.incident(title: "Disk Full", severity: .p1, owner: "[Team]", today: Self.today)
        let result = RunbookParser.parse(text: text, path: "disk-full.md")
        let runbook = try #require(result.runbook)
        #expect(result.diagnostics.isEmpty)
        #expect(runbook.severity == .p1)
        #expect(runbook.footer.lastUpdated == "2026-11-27")
        let diagnostics = Linter(checker: BashSyntaxChecker(), today: Self.today).lint(runbook, entry: nil)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(messages(diagnostics))")
    }

    @Test("ids must be lowercase slugs")
    func ids() {
        #expect(RunbookTemplate.isValidID("disk-full"))
        #expect(RunbookTemplate.isValidID("http-502"))
        for bad in ["", "Disk", "disk_full", "-disk", "disk-", "a--b", "../x", "磁碟"] {
            #expect(!RunbookTemplate.isValidID(bad), "\(bad)")
        }
    }
}

@Suite("Linting hidden characters", .temporaryFiles)
struct HiddenCharacterLintTests {
    @Test("a command hidden behind ESC ] 0 ; and a BEL is an error at each control character's file and line")
    func escapeSequenceInBlock() throws {
        let catalog = try Catalog.load(directory: PackagePaths.hiddenCommandRunbooks)
        let diagnostics = Linter(checker: BashSyntaxChecker(), today: LinterTests.today).lint(catalog)
        let file = PackagePaths.hiddenCommandRunbooks + "/disk-full.md"
        #expect(
            diagnostics.map(\.description) == [
                "\(file):22: error: control character U+001B ESC: a terminal acts on it instead of showing it, so it can hide text or a command; delete it",
                "\(file):24: error: control character U+0007 BEL: a terminal acts on it instead of showing it, so it can hide text or a command; delete it",
            ])
    }

    @Test("control characters in prose are errors too, one per line naming each kind; CR LF line endings are not")
    func controlsInProse() throws {
        let text = templateRunbook.replacingOccurrences(
            of: "- Writes fail", with: "- Writes\u{9B}2J \u{202E}fail\u{7}\u{7}"
        )
        .replacingOccurrences(of: "\n", with: "\r\n")
        let parsed = RunbookParser.parse(text: text, path: "disk-full.md")
        let blocks = try #require(parsed.runbook).steps.flatMap(\.codeBlocks)
        #expect(blocks.map(\.code) == ["df -h\n", "du -sh /var/log/* | sort -h | tail\n"])
        #expect(
            parsed.diagnostics.map(\.description) == [
                "disk-full.md:5: error: control characters U+009B CSI, U+202E RIGHT-TO-LEFT OVERRIDE, U+0007 BEL: a terminal acts on it instead of showing it, so it can hide text or a command; delete it"
            ])
    }

    @Test("a control character in the index is an error at the index's line")
    func controlsInIndex() throws {
        let directory = try TemporaryDirectory()
        let index =
            "### Storage\n\n| Runbook | Severity | Description |\n|---|---|---|\n| [Disk Full](disk-full.md) | P2 | disk\u{1B}[8m |\n"
        try directory.write("README.md", index)
        try directory.write("disk-full.md", templateRunbook)
        let diagnostics = Linter(checker: ScriptedShellChecker(), today: LinterTests.today).lint(
            try Catalog.load(directory: directory.path))
        let why = "a terminal acts on it instead of showing it, so it can hide text or a command; delete it"
        #expect(
            diagnostics.map(\.description) == [
                "\(directory.path)/README.md:5: error: control character U+001B ESC: \(why)"
            ])
    }

    @Test("an invisible format character inside a code block is an error on its line")
    func invisibleInCode() throws {
        let text = templateRunbook.replacingOccurrences(
            of: "du -sh /var/log/*", with: "du -sh\u{200B} /var/log/*\u{2060}")
        let runbook = try #require(RunbookParser.parse(text: text, path: "disk-full.md").runbook)
        let diagnostics = Linter(checker: ScriptedShellChecker(), today: LinterTests.today).lint(runbook, entry: nil)
        #expect(
            diagnostics.map(\.description).filter { $0.contains("code block") } == [
                "disk-full.md:28: error: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER in a code block: the screen does not show it but the shell runs it, so the guide will not copy or run the block; delete it"
            ])
    }
}
