import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import TestSupport
import Testing

/// The hostile library of `PackagePaths.hiddenCommandRunbooks`, parsed from its file: step 1's block ends its
/// first line with `ESC ] 0 ;`, which a terminal reads as a title running up to the BEL two lines down, so that
/// `touch PWNED` between them would not show.
enum HiddenCommandFixture {
    static let incidentID = "2026-11-27-disk-full"

    static func runbook() throws -> Runbook {
        let path = PackagePaths.hiddenCommandRunbooks + "/disk-full.md"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(RunbookParser.parse(data: data, path: path).runbook)
    }

    /// The walkthrough of a fresh P2 incident on the hostile runbook's first step.
    static func walkthrough(width: Int = 80, height: Int = 24) throws -> AppModel {
        walkthrough(on: try runbook(), width: width, height: height)
    }

    /// The walkthrough of a fresh P2 incident on the first step of `runbook`, the library's only one.
    static func walkthrough(on runbook: Runbook, width: Int = 80, height: Int = 24) -> AppModel {
        let library = Library(
            categories: [
                Category(
                    name: "Storage",
                    entries: [
                        CatalogEntry(
                            id: runbook.id, title: runbook.title, file: runbook.id + ".md", severity: .p2,
                            kind: .incident, description: "Disk almost full",
                            location: SourceLocation(file: "README.md", line: 9))
                    ])
            ],
            runbooks: [runbook], emergencyContacts: [], search: { _ in [runbook.id] })
        let model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: width, height: height,
            now: CommandFixtures.opened)
        let opened = Event(
            seq: 1, recordedAt: CommandFixtures.opened, actor: "alice",
            kind: .incidentOpened(
                title: "磁碟快滿了", severity: .p2, runbook: runbook.id, drill: false, roles: [:]))
        return update(model, .incidentLoaded(id: incidentID, events: [opened])).0
    }
}

@Suite("commands that hide characters: shown escaped, never copied or run")
struct HiddenCommandTests {
    func screenText(_ model: AppModel) -> String {
        view(model).textLines.joined(separator: "\n")
    }

    @Test("the step view shows every line of the hostile block, its controls escaped", arguments: [(80, 24), (40, 12)])
    func stepShowsEscaped(width: Int, height: Int) throws {
        let model = try HiddenCommandFixture.walkthrough(width: width, height: height)
        let screen = screenText(model)
        #expect(screen.contains("df -h ␛]0;"))
        #expect(screen.contains("touch PWNED"))
        #expect(screen.contains("│ ␇"))
        expectGolden(view(model), "step-hidden-command-\(width)x\(height)")
    }

    @Test("R on the hostile block runs nothing and records nothing, and says which characters it hides")
    func runRefused() throws {
        let (model, effects) = run(try HiddenCommandFixture.walkthrough(), keys(.character("R")))
        #expect(effects.joined().isEmpty)
        #expect(model.commands.pane == nil)
        #expect(model.notice?.text == "not run: the block hides U+001B ESC, U+0007 BEL, shown escaped; fix the runbook")
        #expect(model.notice?.isError == true)
    }

    @Test("y on the hostile block copies nothing and records nothing")
    func copyRefused() throws {
        let (model, effects) = run(try HiddenCommandFixture.walkthrough(), keys(.character("y")))
        #expect(effects.joined().isEmpty)
        #expect(model.notice?.text.hasPrefix("not copied: the block hides U+001B ESC, U+0007 BEL") == true)
    }

    @Test("a block with an invisible format character is refused too, and a clean block of the same step still runs")
    func formatCharacterRefused() throws {
        let clean = try HiddenCommandFixture.walkthrough()
        let (copied, effects) = run(clean, keys(.character("j"), .character("y")))
        #expect(effects.last?.count == 2, "the clean block of step 2 is copied and recorded")
        #expect(copied.notice == nil)
        var runbook = try HiddenCommandFixture.runbook()
        runbook.steps[1].body = [
            .code(
                CodeBlock(
                    language: "bash", code: "du -sh\u{200B} /var/log\n",
                    location: SourceLocation(file: "disk-full.md", line: 29)))
        ]
        let (hidden, nothing) = run(
            HiddenCommandFixture.walkthrough(on: runbook), keys(.character("j"), .character("R")))
        #expect(nothing.joined().isEmpty)
        #expect(hidden.notice?.text.contains("U+200B ZERO WIDTH SPACE") == true)
        #expect(screenText(hidden).contains("du -sh\\u{200B} /var/log"))
    }
}

@Suite("the run confirmation shows every line that will run")
struct ConfirmationScrollTests {
    /// A script of `count` numbered lines in the first step, alone, so that `R` then opens its confirmation.
    static func longScript(_ count: Int, width: Int = 80, height: Int = 24) -> AppModel {
        var runbook = CommandFixtures.runbook
        let script = (1...count).map { "echo 檢查第 \($0) 行" }.joined(separator: "\n")
        runbook.steps[0].body = [CommandFixtures.code(script, line: 10)]
        return run(HiddenCommandFixture.walkthrough(on: runbook, width: width, height: height), keys(.character("R"))).0
    }

    func screenText(_ model: AppModel) -> String {
        view(model).textLines.joined(separator: "\n")
    }

    @Test("a block longer than the screen says which lines are shown, and every line is reached by scrolling")
    func everyLineReachable() {
        var model = Self.longScript(40)
        #expect(screenText(model).contains("lines 1–18 of 40 · ↓ more"))
        var seen = Set<Int>()
        for _ in 0..<40 {
            let screen = screenText(model)
            for line in 1...40 where screen.contains("echo 檢查第 \(line) 行 ") { seen.insert(line) }
            model = run(model, keys(.down)).0
        }
        #expect(seen == Set(1...40))
        #expect(screenText(model).contains("lines 23–40 of 40"))
        #expect(screenText(model).contains("Enter/y runs"))
    }

    @Test("Enter or y before the last line was shown runs nothing and keeps the confirmation open")
    func confirmOnlyAfterTheEnd() {
        let model = Self.longScript(40)
        for key in [Key.enter, .character("y")] {
            let (refused, effects) = run(model, keys(key))
            #expect(effects.joined().isEmpty)
            #expect(refused.overlay == model.overlay)
            #expect(refused.notice?.text == "not yet: scroll down (↓ PgDn) to read every line that will run")
        }
        let (ran, effects) = run(model, keys(.character("G"), .character("g"), .enter))
        guard case .runCommand(let request)? = effects.last?.first else {
            Issue.record("no run after the end was shown: \(effects)")
            return
        }
        #expect(request.commandLine.hasSuffix("echo 檢查第 40 行"))
        #expect(ran.overlay == nil)
    }

    @Test("the confirmation of a long block, at its first and its last lines", arguments: [(80, 24), (40, 12)])
    func goldenLong(width: Int, height: Int) {
        let model = Self.longScript(40, width: width, height: height)
        expectGolden(view(model), "command-confirm-long-\(width)x\(height)")
        expectGolden(view(run(model, keys(.pageDown, .end)).0), "command-confirm-long-end-\(width)x\(height)")
    }

    @Test(
        "a value typed with an invisible character is shown escaped in the confirmation",
        arguments: [(80, 24), (40, 12)])
    func invisibleValueShown(width: Int, height: Int) {
        let model = run(
            CommandFixtures.walkthrough(width: width, height: height),
            keys(.tab, .character("R"), .enter, .control("u")) + typing("web\u{200B}1") + keys(.enter)
        ).0
        expectGolden(view(model), "command-confirm-hidden-value-\(width)x\(height)")
    }

    @Test("the escaped value reads whole where the line has room")
    func invisibleValueText() {
        let model = run(
            CommandFixtures.walkthrough(),
            keys(.tab, .character("R"), .enter, .control("u")) + typing("web\u{200B}1") + keys(.enter)
        ).0
        #expect(screenText(model).contains("$ kubectl logs -n shop 'web\\u{200B}1' --tail=50"))
    }
}
