import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import TestSupport
import Testing

@Suite("badges, color and the timeline")
struct StyleAndTimelineTests {
    @Test("severity badges: P1 yellow, P2 blue, procedures plain; without color P1 is bold and P2 plain text")
    func badges() {
        let colored = view(Fixtures.model())
        #expect(style(of: "P1 ", in: colored)?.foreground == .yellow)
        #expect(style(of: "P2 ", in: colored)?.foreground == .blue)
        #expect(style(of: "proc", in: colored)?.foreground == nil)
        let plain = view(Fixtures.model(color: false))
        #expect(style(of: "P1 ", in: plain)?.foreground == nil)
        #expect(style(of: "P1 ", in: plain)?.bold == true)
    }

    @Test("a P0 incident shows a red badge in the status bar")
    func p0() {
        let (model, effects) = run(Fixtures.walkthrough(), keys(.character("P"), .up, .enter))
        let saved = answer(model, effects.last?.first)
        #expect(style(of: "P0", in: view(saved))?.background == .red)
    }

    @Test("the timeline shows the newest event at the bottom and scrolls up to older ones")
    func timelineScrolls() {
        var model = Fixtures.walkthrough()
        for index in 1...30 {
            let (next, effects) = run(model, keys(.character("n")) + typing("觀察第 \(index) 次") + keys(.enter))
            model = answer(next, effects.last?.first)
        }
        model = run(model, keys(.character("t"))).0
        var lines = view(model).textLines
        #expect(lines[21].contains("觀察第 30 次"))
        #expect(lines[1].contains("earlier"))
        model = run(model, keys(.character("k"), .character("k"), .character("k"))).0
        lines = view(model).textLines
        #expect(lines[21].contains("觀察第 27 次"))
        model = run(model, keys(.character("G"))).0
        #expect(view(model).textLines[21].contains("觀察第 30 次"))
        model = run(model, keys(.character("g"))).0
        #expect(view(model).textLines[1].contains("opened"))
    }

    @Test("the timeline's times count from the incident's opening")
    func elapsedTimes() {
        let model = Fixtures.walkthrough()
        let later = Event(
            seq: 2, recordedAt: Fixtures.opened.addingTimeInterval(754), actor: "bob",
            kind: .statusChanged(.identified))
        let shown = run(update(model, .eventsArrived([later])).0, keys(.character("t"))).0
        #expect(view(shown).textLines.contains { $0.contains("+0:12:34") && $0.contains("bob: status → identified") })
    }

    @Test("the open incidents list", arguments: [(80, 24), (40, 12)])
    func openIncidents(width: Int, height: Int) {
        var model = run(Fixtures.model(width: width, height: height), keys(.character("o"))).0
        model =
            update(
                model,
                .openIncidentsListed([
                    IncidentSummary(
                        id: "2026-11-27-db-down", journalPath: "/incidents/2026-11-27-db-down/journal.jsonl",
                        title: "資料庫連線失敗", severity: .p0, status: .identified, runbook: "database-connection-issues",
                        drill: false, openedAt: Fixtures.opened.addingTimeInterval(-5400), lastEventAt: Fixtures.opened,
                        closed: false, eventCount: 4),
                    IncidentSummary(
                        id: "2026-11-26-cache", journalPath: "/incidents/2026-11-26-cache/journal.jsonl",
                        title: "Cache drill",
                        severity: .p2, status: .investigating, runbook: "cache-issues", drill: true,
                        openedAt: Fixtures.opened.addingTimeInterval(-90_000), lastEventAt: Fixtures.opened,
                        closed: false,
                        eventCount: 1),
                ])
            ).0
        expectGolden(view(model), "open-incidents-\(width)x\(height)")
    }
}
