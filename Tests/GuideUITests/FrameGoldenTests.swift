import Foundation
import GuideUI
import IncidentModel
import Localization
import RunbookKit
import TerminalText
import Testing

@Suite("screens, rendered and compared with golden text")
struct FrameGoldenTests {
    static let sizes = [(80, 24), (40, 12)]

    /// A walkthrough with the first step done, the second skipped, one item checked and a note, at 25 minutes, in
    /// English and UTC unless a language and a zone are given.
    static func progressed(
        width: Int, height: Int, words: Localizer = Localizer(.english), clock: ZoneClock = .utc
    ) -> AppModel {
        var model = Fixtures.walkthrough(width: width, height: height, words: words, clock: clock)
        let actions: [[Message]] = [
            keys(.character(" ")),
            keys(.character("s")) + typing("日誌已由值班 SRE 檢查") + keys(.enter),
            keys(.character("N")) + typing("checkout 服務 p99 > 3s，客戶結帳失敗") + keys(.enter),
        ]
        for messages in actions {
            let (next, effects) = run(model, messages)
            model = answer(next, effects.last?.last)
        }
        return update(model, .tick(now: Fixtures.opened.addingTimeInterval(25 * 60 + 7))).0
    }

    @Test("catalog", arguments: sizes)
    func catalog(width: Int, height: Int) {
        expectGolden(view(Fixtures.model(width: width, height: height)), "catalog-\(width)x\(height)")
    }

    @Test("catalog filtered by a Chinese symptom")
    func catalogFiltered() {
        let model = run(Fixtures.model(), keys(.character("/")) + typing("使用率")).0
        let frame = view(model)
        expectGolden(frame, "catalog-filter-80x24")
        #expect(frame.cursor?.row == 1)
    }

    @Test("start form", arguments: sizes)
    func startForm(width: Int, height: Int) {
        let model = run(Fixtures.model(width: width, height: height), keys(.enter)).0
        expectGolden(view(model), "start-form-\(width)x\(height)")
    }

    @Test("walkthrough of a Traditional Chinese runbook", arguments: sizes)
    func walkthrough(width: Int, height: Int) {
        expectGolden(view(Self.progressed(width: width, height: height)), "walkthrough-\(width)x\(height)")
    }

    @Test("a terminal of 100 columns or more shows the outline beside the step")
    func wideWalkthrough() {
        expectGolden(view(Self.progressed(width: 120, height: 30)), "walkthrough-120x30")
    }

    @Test(
        "O shows the outline with each item's state, on the current item, and Enter goes to the chosen one",
        arguments: sizes)
    func outline(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("O"))).0
        expectGolden(view(model), "outline-\(width)x\(height)")
        let chosen = run(model, keys(.character("G"), .enter)).0
        #expect(chosen.overlay == nil)
        #expect(chosen.incident?.cursor == Fixtures.cpuRunbook.steps.count + Fixtures.cpuRunbook.checklist.count - 1)
    }

    @Test("a step with bold text, a list and code that wraps only with a marker", arguments: sizes)
    func stepWithCode(width: Int, height: Int) {
        let first = run(Self.progressed(width: width, height: height), keys(.character("g"))).0
        expectGolden(view(first), "step-code-\(width)x\(height)")
        let second = run(first, keys(.character("j"))).0
        expectGolden(view(second), "step-long-command-\(width)x\(height)")
    }

    @Test("walkthrough on the verification checklist", arguments: sizes)
    func checklist(width: Int, height: Int) {
        var model = Self.progressed(width: width, height: height)
        model = run(model, keys(.character("G"), .character("k"))).0
        let (next, effects) = update(model, .terminal(.key(.character(" "))))
        expectGolden(view(answer(next, effects.first)), "checklist-\(width)x\(height)")
    }

    @Test("help overlay on the walkthrough", arguments: sizes)
    func help(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("?"))).0
        expectGolden(view(model), "help-\(width)x\(height)")
    }

    @Test("timeline", arguments: sizes)
    func timeline(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("t"))).0
        expectGolden(view(model), "timeline-\(width)x\(height)")
    }

    @Test("note editor with a long CJK text scrolled to keep the cursor visible", arguments: sizes)
    func noteEditor(width: Int, height: Int) {
        let note = "資料庫連線池耗盡，重啟 checkout-7d9f 後 CPU 從 95% 降到 40%，持續觀察中"
        let model = run(Self.progressed(width: width, height: height), keys(.character("n")) + typing(note)).0
        let frame = view(model)
        expectGolden(frame, "note-editor-\(width)x\(height)")
        #expect(frame.cursor.map { $0.column < width && $0.row < height } == true)
    }

    @Test("status picker", arguments: sizes)
    func statusPicker(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("S"))).0
        expectGolden(view(model), "status-picker-\(width)x\(height)")
    }

    @Test("terminal too small")
    func tooSmall() {
        expectGolden(view(Fixtures.model(width: 39, height: 11)), "too-small-39x11")
    }

    @Test("without color nothing is colored, and the picker's selected entry still reads in reverse")
    func noColor() throws {
        let frame = view(
            run(Self.progressed(width: 80, height: 24), keys(.character("t"), .character("q"))).0.withoutColor)
        for row in 0..<frame.height {
            for column in 0..<frame.width {
                #expect(frame[column, row].style.foreground == nil && frame[column, row].style.background == nil)
            }
        }
        let outline = view(run(Self.progressed(width: 80, height: 24).withoutColor, keys(.character("O"))).0)
        let entry = "▸ Diagnosis ✓ 1. 確認高 CPU 的 Pod"
        let row = try #require(outline.textLines.firstIndex { $0.contains(entry) })
        let start = try #require((0..<outline.width).first { outline[$0, row].symbol == "▸" })
        let span = start..<(start + displayWidth(of: entry))
        #expect(span.allSatisfy { outline[$0, row].style.reverse })
        #expect(outline.textLines[row + 1].contains("Diagnosis » 2."))
        #expect(!span.contains { outline[$0, row + 1].style.reverse })
    }
}

extension AppModel {
    /// The same screen as the runtime would show it under NO_COLOR.
    var withoutColor: AppModel {
        var model = AppModel(
            library: library, actor: actor, colorEnabled: false, width: width, height: height, now: now)
        for message in replay { model = update(model, message).0 }
        return model
    }

    private var replay: [Message] {
        guard let incident else { return [] }
        return [.incidentOpened(id: incident.id, events: incident.events)]
    }
}
