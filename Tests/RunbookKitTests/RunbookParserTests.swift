import Foundation
import Testing

@testable import RunbookKit

@Suite("Parsing a runbook")
struct RunbookParserTests {
    @Test("reads the template's sections, steps, severity, checklist, contacts, links and footer")
    func templateShape() throws {
        let result = RunbookParser.parse(text: templateRunbook, path: "lib/disk-full.md")
        let runbook = try #require(result.runbook)
        #expect(result.diagnostics.isEmpty, "\(messages(result.diagnostics))")
        #expect(runbook.id == "disk-full")
        #expect(runbook.title == "Disk Full")
        #expect(runbook.kind == .incident)
        #expect(runbook.severity == .p2)
        #expect(runbook.sections.map(\.kind) == Linter.incidentSections)
        #expect(runbook.steps.map(\.key) == ["diagnosis-1", "diagnosis-2", "resolution-1", "resolution-2"])
        #expect(runbook.steps[1].title == "Find big files")
        #expect(runbook.steps[1].number == 2)
        #expect(runbook.steps[1].location == SourceLocation(file: "lib/disk-full.md", line: 25))
        #expect(runbook.steps[1].codeBlocks.map(\.language) == ["bash"])
        #expect(runbook.steps[1].codeBlocks.first?.code == "du -sh /var/log/* | sort -h | tail\n")
        #expect(runbook.steps[2].title == "Immediate Actions")
        #expect(runbook.checklist.map(\.text) == ["Free space above 20%", "Uploads succeed"])
        #expect(runbook.checklist.map(\.location.line) == [43, 44])
        #expect(runbook.checklist.allSatisfy { !$0.checkedInSource })
        #expect(
            runbook.escalation == [
                Contact(role: "L1 Support", reach: "#ops-support"),
                Contact(role: "On-Call Engineer", reach: "PagerDuty (https://example.pagerduty.com/schedules/SRE)"),
            ])
        #expect(
            runbook.related == [
                RelatedLink(title: "High CPU Usage", destination: "high-cpu-usage.md"),
                RelatedLink(title: "Storage design doc", destination: nil),
            ])
        #expect(runbook.footer == Footer(lastUpdated: "2026-11-01", owner: "Storage Team", reviewCycle: "Monthly"))
    }

    @Test("reads footer fields whatever styling splits their labels, and leaves prose that mentions an owner alone")
    func footerLabelsAcrossStyledRuns() throws {
        let text = """
            # Disk Full

            ## Related

            The owner: of this page is whoever reads it last.

            *Last* updated: 2026-10-01
            **負責人**：儲存團隊 **Review Cycle**: Monthly
            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "disk-full.md").runbook)
        #expect(runbook.footer == Footer(lastUpdated: "2026-10-01", owner: "儲存團隊", reviewCycle: "Monthly"))
    }

    @Test("recognises Traditional Chinese headings, decorated headings and 步驟 N：titles")
    func chineseHeadings() throws {
        let text = """
            # 付款逾時

            ## 症狀 (Symptoms)

            - 結帳很慢

            ## 影響：

            - **嚴重度**：P0

            ## 診斷

            ### 步驟 1：看日誌

            ```bash
            kubectl logs deploy/pay
            ```

            ## 解決方案

            ### 切換閘道

            1. 切換

            ## 驗證

            - [ ] 成功率恢復

            ## 回滾

            切回原閘道。
            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "pay.md").runbook)
        #expect(
            runbook.sections.map(\.kind) == [.symptoms, .impact, .diagnosis, .resolution, .verification, .rollback])
        #expect(runbook.severity == .p0)
        #expect(runbook.steps.map(\.key) == ["diagnosis-1", "resolution-1", "rollback-1"])
        #expect(runbook.steps[0].title == "看日誌")
        #expect(runbook.steps[0].number == 1)
        #expect(runbook.steps[2].title == "回滾")
        #expect(runbook.checklist.map(\.text) == ["成功率恢復"])
    }

    @Test("a procedure title or Procedure section makes a procedure, with prerequisite and procedure steps")
    func procedureKind() throws {
        let text = """
            # Procedure: Rotate keys

            ## Prerequisites

            ### Access

            - vault login

            ## Procedure

            ### Step 1: Rotate

            ```bash
            vault write -f transit/keys/app/rotate
            ```
            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "rotate-keys.md").runbook)
        #expect(runbook.kind == .procedure)
        #expect(runbook.title == "Rotate keys")
        #expect(runbook.steps.map(\.key) == ["prerequisites-1", "procedure-1"])
        let untitled = try #require(RunbookParser.parse(text: "# Keys\n\n## 程序\n\n### 1. Go\n", path: "k.md").runbook)
        #expect(untitled.kind == .procedure)
        #expect(untitled.steps.map(\.title) == ["Go"])
    }

    @Test("headings inside a code fence are code, not sections or steps")
    func headingsInFences() throws {
        let text = "# T\n\n## Diagnosis\n\n```markdown\n## Resolution\n### Step 9: fake\n```\n\n### Step 1: real\n"
        let result = RunbookParser.parse(text: text, path: "t.md")
        let runbook = try #require(result.runbook)
        #expect(runbook.sections.map(\.kind) == [.diagnosis])
        #expect(runbook.steps.map(\.title) == ["real"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test("an unknown severity such as P5 or High is an error on its line and leaves the severity unset")
    func unknownSeverity() {
        for value in ["P5", "High"] {
            let text = "# T\n\n## Impact\n\n- **Affected Users**: all\n- **Severity**: \(value)\n"
            let result = RunbookParser.parse(text: text, path: "t.md")
            #expect(result.runbook?.severity == nil)
            #expect(
                result.diagnostics == [
                    Diagnostic(
                        .error, SourceLocation(file: "t.md", line: 6),
                        "unknown severity \"\(value)\"; use one of P0, P1, P2, P3")
                ])
        }
    }

    @Test(
        "a runbook's id is its file name without .md, read as NSString reads the last path component",
        arguments: ["db-down.md", "runbooks/db-down.md", "/srv/rb/磁碟滿.MD", "dir/notes", "dir/", "/", "", "a//b.md/"])
    func idFromPath(path: String) {
        let name = (path as NSString).lastPathComponent
        let expected = name.lowercased().hasSuffix(".md") ? String(name.dropLast(3)) : name
        #expect(RunbookParser.id(forPath: path) == expected)
    }

    @Test("a file with CRLF line endings has its closed fences accepted as closed")
    func crlfFences() throws {
        let text =
            "# T\r\n\r\n## Diagnosis\r\n\r\n### Step 1: a\r\n\r\n````bash\r\n```sh\r\nls\r\n````\r\n\r\n## Verification\r\n\r\n- [ ] ok\r\n"
        let result = RunbookParser.parse(text: text, path: "t.md")
        let runbook = try #require(result.runbook)
        #expect(runbook.sections.map(\.kind) == [.diagnosis, .verification])
        #expect(result.diagnostics.allSatisfy { !$0.message.contains("never closed") })
        #expect(runbook.checklist.map(\.text) == ["ok"])
    }

    @Test("an unclosed fence is reported at its opening line and swallows the rest as code")
    func unclosedFence() throws {
        let text = "# T\n\n## Diagnosis\n\n### Step 1: a\n\n```bash\nls\n\n## Verification\n\n- [ ] ok\n"
        let result = RunbookParser.parse(text: text, path: "t.md")
        let runbook = try #require(result.runbook)
        #expect(runbook.sections.map(\.kind) == [.diagnosis])
        #expect(runbook.checklist.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.location.line == 7)
        #expect(result.diagnostics.first?.message.contains("never closed") == true)
    }

    @Test("a fence written inside another (the seed's template) is reported where the inner fence is")
    func nestedFence() throws {
        let text = "# T\n\n## Related\n\n```markdown\n# Runbook: X\n```bash\n# Commands\n```\n\n- after\n"
        let result = RunbookParser.parse(text: text, path: "t.md")
        #expect(result.runbook != nil)
        let nested = result.diagnostics.filter { $0.message.contains("inside the code block opened at line 5") }
        #expect(nested.map(\.location.line) == [7])
    }

    @Test("invalid UTF-8 is decoded with replacement characters and reported with its first line")
    func invalidUTF8() throws {
        var bytes = Array("# T\n\n## Symptoms\n\n- ok\n- bad ".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n- bad again \u{0}".utf8.dropLast())
        bytes += [0xC3, 0x28, 0x0A]
        let result = RunbookParser.parse(data: Data(bytes), path: "t.md")
        let runbook = try #require(result.runbook)
        #expect(runbook.section(.symptoms)?.blocks.first?.plainText.contains("\u{FFFD}") == true)
        #expect(result.diagnostics.map(\.location.line) == [6])
        #expect(result.diagnostics.first?.message.contains("and 1 more line") == true)
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test("an empty or blank file gives no runbook and an error on line 1")
    func emptyFile() {
        for text in ["", "\n\n   \n"] {
            let result = RunbookParser.parse(data: Data(text.utf8), path: "e.md")
            #expect(result.runbook == nil)
            #expect(result.diagnostics.map(\.location.line) == [1])
            #expect(result.diagnostics.first?.message.hasPrefix("empty file") == true)
        }
    }

    @Test("a binary file (NUL bytes) is not parsed and is reported as not a text file")
    func binaryFile() {
        let bytes: [UInt8] = Array("# T\nline two\n".utf8) + [0x00, 0x01, 0x02, 0xFF]
        let result = RunbookParser.parse(data: Data(bytes), path: "b.md")
        #expect(result.runbook == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.line == 3)
        #expect(result.diagnostics.first?.message.hasPrefix("not a text file") == true)
    }

    @Test("a 10 MB file parses into its sections and steps")
    func hugeFile() throws {
        let step =
            "### Step 1: look\n\n```bash\necho hi\n```\n\n"
            + String(repeating: "A paragraph of filler text. ", count: 20) + "\n\n"
        var text = "# Huge\n\n## Symptoms\n\n- slow\n\n## Diagnosis\n\n"
        let repeats = 10_000_000 / step.utf8.count + 1
        text += String(repeating: step, count: repeats)
        #expect(text.utf8.count >= 10_000_000)
        let result = RunbookParser.parse(text: text, path: "huge.md")
        let runbook = try #require(result.runbook)
        #expect(runbook.steps.count == repeats)
        #expect(runbook.steps.last?.key == "diagnosis-\(repeats)")
        #expect(result.diagnostics.isEmpty)
    }

    @Test("deeply nested quotes and lists do not exhaust the stack")
    func deepNesting() throws {
        let text =
            "# Deep\n\n## Symptoms\n\n" + String(repeating: ">", count: 50_000) + " bottom\n\n"
            + String(repeating: "[", count: 20_000) + "x" + String(repeating: "](y)", count: 20_000) + "\n"
        let result = RunbookParser.parse(text: text, path: "deep.md")
        let runbook = try #require(result.runbook)
        #expect(runbook.section(.symptoms)?.blocks.first?.plainText.contains("bottom") == true)
    }

    @Test("a file without a title is named by its id and warned about")
    func missingTitle() throws {
        let result = RunbookParser.parse(text: "## Symptoms\n\n- x\n", path: "dir/no-title.md")
        #expect(result.runbook?.title == "no-title")
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }
}
