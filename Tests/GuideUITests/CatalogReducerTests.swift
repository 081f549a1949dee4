import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

@Suite("catalog, start form and resume")
struct CatalogReducerTests {
    @Test("/ filters the runbooks live by symptom, CJK included, and Esc clears it")
    func filter() {
        var model = run(Fixtures.model(), keys(.character("/")) + typing("命中")).0
        #expect(model.catalog.filter?.text == "命中")
        #expect(view(model).textLines.contains { $0.contains("Cache Issues") })
        #expect(!view(model).textLines.contains { $0.contains("High CPU Usage") })
        model = run(model, keys(.escape)).0
        #expect(model.catalog.filter == nil)
        #expect(view(model).textLines.contains { $0.contains("High CPU Usage") })
    }

    @Test("while filtering, j and k are letters of the filter, arrows and pages still move")
    func filterTakesLetters() {
        let model = run(Fixtures.model(), keys(.character("/")) + typing("jk")).0
        #expect(model.catalog.filter?.text == "jk")
        // The fixture's three runbooks, filter open and empty: a page (half the screen) reaches the last.
        let all = run(Fixtures.model(width: 80, height: 12), keys(.character("/"))).0
        #expect(run(all, keys(.down)).0.catalog.cursor == 1)
        #expect(run(all, keys(.pageDown)).0.catalog.cursor == 2)
        #expect(run(all, keys(.pageDown, .pageUp)).0.catalog.cursor == 0)
    }

    @Test("in the start form, left and right both wrap around the severities")
    func severityWraps() throws {
        let form = run(Fixtures.model(), keys(.enter, .tab)).0
        guard case .startForm(let opened)? = form.overlay else { throw StartFormMissing() }
        for (key, steps) in [(Key.left, -1), (.right, 1)] {
            var model = form
            for _ in 0..<4 { model = run(model, keys(key)).0 }
            guard case .startForm(let turned)? = model.overlay else { throw StartFormMissing() }
            #expect(turned.severity == opened.severity, "four presses of \(key) come back round (\(steps))")
        }
        let left = run(form, keys(.character("0"), .left)).0
        guard case .startForm(let wrapped)? = left.overlay else { throw StartFormMissing() }
        #expect(wrapped.severity == .p3)
    }

    @Test(
        "a new incident starts at the runbook's severity, else its index row's, from the catalog or the command line",
        arguments: [
            (Severity?.some(.p0), Severity?.none, Severity.p0), (nil, .p1, .p1), (nil, nil, .p2), (.p3, .p1, .p3),
        ])
    func defaultSeverity(own: Severity?, indexed: Severity?, expected: Severity) throws {
        var runbook = Fixtures.cpuRunbook
        runbook.severity = own
        let entry = CatalogEntry(
            id: runbook.id, title: runbook.title, file: runbook.id + ".md", severity: indexed,
            kind: .incident, description: "", location: SourceLocation(file: "README.md", line: 1))
        let library = Library(
            categories: [Category(name: "C", entries: [entry])], runbooks: [runbook], search: { _ in [] })
        let model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: 80, height: 24, now: Fixtures.opened)
        guard case .startForm(let form)? = run(model, keys(.enter)).0.overlay else { throw StartFormMissing() }
        #expect(form.severity == expected)
        let (_, effects) = launch(model, .start(runbook: runbook.id, title: nil, severity: nil, drill: false, id: nil))
        guard case .openIncident(_, _, let severity, _, _)? = effects.first else { throw StartFormMissing() }
        #expect(severity == expected)
    }

    struct StartFormMissing: Error {}

    @Test("Enter opens the start form prefilled from the runbook; Enter there opens the incident")
    func startForm() {
        var model = run(Fixtures.model(), keys(.character("j"), .enter)).0
        guard case .startForm(let form)? = model.overlay else {
            Issue.record("no start form")
            return
        }
        #expect(form.title.text == "Cache Issues")
        #expect(form.severity == .p2)
        #expect(form.drill == false)
        let effects: [[Effect]]
        (model, effects) = run(
            model, keys(.control("u")) + typing("Redis 命中率下降") + keys(.tab, .left, .tab, .character(" "), .enter))
        #expect(
            effects.last == [.openIncident(runbook: "cache-issues", title: "Redis 命中率下降", severity: .p1, drill: true)])
        #expect(model.overlay == nil)
    }

    @Test("the incident's answer opens the walkthrough; a failure is shown")
    func opened() {
        let (model, _) = update(Fixtures.model(), .incidentOpened(id: "inc-1", events: [Fixtures.openedEvent()]))
        #expect(model.screen == .walkthrough)
        let (failed, _) = update(Fixtures.model(), .incidentOpenFailed(reason: "incidents/ is read-only"))
        #expect(failed.screen == .catalog)
        #expect(view(failed).textLines[23].contains("could not open the incident: incidents/ is read-only"))
    }

    @Test("o lists open incidents; Enter resumes the selected one")
    func resume() {
        var (model, effects) = run(Fixtures.model(), keys(.character("o")))
        #expect(effects.last == [.listOpenIncidents])
        #expect(model.screen == .openIncidents)
        let summary = IncidentSummary(
            id: "inc-7", journalPath: "/incidents/inc-7/journal.jsonl", title: "DB 連線失敗", severity: .p0,
            status: .identified, runbook: "database-connection-issues", drill: false, openedAt: Fixtures.opened,
            lastEventAt: Fixtures.opened, closed: false, eventCount: 2)
        model = update(model, .openIncidentsListed([summary])).0
        #expect(view(model).textLines.contains { $0.contains("inc-7") && $0.contains("DB 連線失敗") })
        (model, effects) = run(model, keys(.enter))
        #expect(effects.last == [.loadIncident(id: "inc-7")])
        model = update(model, .incidentLoaded(id: "inc-7", events: [Fixtures.openedEvent()])).0
        #expect(model.screen == .walkthrough)
        #expect(model.incident?.id == "inc-7")
    }

    @Test("launching on a runbook opens an incident at once; resuming loads one")
    func launching() {
        #expect(
            launch(Fixtures.model(), .start(runbook: "high-cpu-usage", title: nil, severity: nil, drill: false)).1
                == [.openIncident(runbook: "high-cpu-usage", title: "High CPU Usage", severity: .p1, drill: false)])
        #expect(launch(Fixtures.model(), .resume(id: "inc-3")).1 == [.loadIncident(id: "inc-3")])
        let (unknown, effects) = launch(
            Fixtures.model(), .start(runbook: "nope", title: nil, severity: nil, drill: false))
        #expect(effects.isEmpty)
        #expect(unknown.notice?.isError == true)
    }

    @Test("a terminal below 40×12 says so, ignores keys but q, and recovers when enlarged")
    func tooSmall() {
        var model = update(Fixtures.model(), .terminal(.resize(width: 39, height: 20))).0
        #expect(view(model).textLines.contains { $0.contains("need 40×12, have 39×20") })
        #expect(run(model, keys(.enter)).0.overlay == nil)
        #expect(run(model, keys(.character("j"))).0.catalog.cursor == model.catalog.cursor)
        #expect(run(model, keys(.character("q"))).1 == [[.quit]])
        model = update(model, .terminal(.resize(width: 40, height: 12))).0
        #expect(view(model).textLines.contains { $0.contains("High CPU Usage") })
    }

    @Test("? shows the keys of the current screen and any key closes it")
    func help() {
        let model = run(Fixtures.model(), keys(.character("?"))).0
        #expect(model.overlay == .help)
        #expect(view(model).textLines.contains { $0.contains("filter by symptom") })
        #expect(run(model, keys(.character("x"))).0.overlay == nil)
    }
}

@Suite("line editor")
struct LineEditorTests {
    func edit(_ text: String = "", _ keys: [Key]) -> LineEditor {
        var editor = LineEditor(text)
        for key in keys { _ = editor.handle(key) }
        return editor
    }

    @Test("wide characters are typed and deleted whole")
    func wide() {
        let editor = edit("", "資料庫".map(Key.character) + [.backspace])
        #expect(editor.text == "資料")
        #expect(editor.cursor == 2)
    }

    @Test("backspace removes a whole grapheme: letter with accent, flag, family emoji")
    func graphemes() {
        #expect(edit("cafe\u{301}", [.backspace]).text == "caf")
        #expect(edit("ok👨\u{200D}👩\u{200D}👧", [.backspace]).text == "ok")
        #expect(edit("🇹🇼", [.backspace]).text == "")
    }

    @Test("a combining mark typed after a letter joins it")
    func combiningJoins() {
        let editor = edit("", [.character("e"), .character("\u{301}")])
        #expect(editor.characters.count == 1)
        #expect(editor.cursor == 1)
    }

    @Test("cursor keys, Home/End and Ctrl-A/Ctrl-E move by grapheme and insert at the cursor")
    func movement() {
        #expect(edit("中文", [.left, .character("英")]).text == "中英文")
        #expect(edit("中文", [.home, .character("A")]).text == "A中文")
        #expect(edit("中文", [.control("a"), .control("e"), .character("!")]).text == "中文!")
        #expect(edit("ab", [.right, .right, .right]).cursor == 2)
        #expect(edit("ab", [.home, .left]).cursor == 0)
    }

    @Test("Ctrl-U deletes everything before the cursor")
    func controlU() {
        #expect(edit("delete 保留", [.left, .left, .control("u")]).text == "保留")
    }

    @Test("a long paste arrives one character at a time and is kept whole")
    func paste() {
        let text = String(repeating: "Pod 持續重啟 CrashLoopBackOff ", count: 20)
        #expect(edit("", text.map(Key.character)).text == text)
    }

    @Test("Enter and Esc are left to the dialog")
    func unhandled() {
        var editor = LineEditor("x")
        let handledEnter = editor.handle(.enter)
        let handledEscape = editor.handle(.escape)
        #expect(!handledEnter)
        #expect(!handledEscape)
        #expect(editor.text == "x")
    }
}
