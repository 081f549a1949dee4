import Foundation
import GuideUI
import IncidentModel
import TestSupport
import Testing

/// The review's progress pane wraps only the lines it shows; these check that what it shows is the whole
/// summary's layout seen through a window, wherever the window is and however the journal arrived.
@Suite(
    "review progress pane on a long incident: the rows on screen are the summary's rows at every scroll offset",
    .tags(.slow)
)
struct ReviewPaneWindowTests {
    /// An incident with a long summary: steps outside the runbook skipped with reasons of one to several rows,
    /// steps done out of order, ad-hoc commands, and notes (which the pane does not show) in between.
    static func journal(skipped count: Int) -> [Event] {
        let words = ["上游相依服務", "connection pool", "已由值班 SRE 確認", "p99 latency", "重新啟動 pod", "rollback"]
        var kinds: [EventKind] = []
        for number in 1...count {
            let title = "額外檢查 \(number) " + (number % 4 == 0 ? "check the upstream dependencies of checkout" : "")
            let reason = (0..<(number % 6 * 3 + 1)).map { words[($0 + number) % words.count] }.joined(separator: " ")
            kinds.append(
                .stepSkipped(StepRef(runbook: "high-cpu-usage", step: "extra-\(number)", title: title), reason: reason))
            if number % 3 == 0 { kinds.append(.note(text: "第 \(number) 則 \(reason)", pinned: false, commander: false)) }
            if number % 5 == 0 {
                kinds.append(
                    .commandRan(
                        CommandRun(
                            command:
                                "kubectl get events -n shop --field-selector involvedObject.name=checkout-\(number)",
                            exitCode: 0, durationSeconds: 0.4, outputExcerpt: "")))
            }
        }
        let steps = [
            ("resolution-2", "回滾有問題的版本"), ("diagnosis-3", "比對最近的部署"), ("diagnosis-1", "確認高 CPU 的 Pod"),
            ("diagnosis-2", "檢查應用程式日誌"), ("resolution-1", "水平擴展"),
        ]
        kinds += steps.map { .stepDone(StepRef(runbook: "high-cpu-usage", step: $0.0, title: $0.1)) }
        return [Fixtures.openedEvent()]
            + kinds.enumerated().map { index, kind in
                Event(
                    seq: index + 2, recordedAt: Fixtures.opened.addingTimeInterval(Double(index + 1) * 20),
                    actor: "alice", kind: kind)
            }
    }

    /// The review of `events` loaded at once, at the given size, with the progress pane shown.
    static func pane(_ events: [Event], width: Int = 80, height: Int = 24) -> AppModel {
        run(ReviewFixture.model(width: width, height: height, events: events), keys(.tab)).0
    }

    /// The pane's rows on screen: everything between the header and the status bar.
    static func body(_ model: AppModel) -> [String] {
        Array(view(model).textLines[3..<(model.height - 2)])
    }

    /// How many rows are below the window, as the last row's marker says (0 without a marker).
    static func below(_ rows: [String]) -> Int {
        scrollMarkerCount(on: rows.last, #/↓ (\d+) more/#)
    }

    @Test("scrolling one row down moves every row up by one, the marker counts the rows below, and j stops at the end")
    func scrollsRowByRow() {
        var model = Self.pane(Self.journal(skipped: 40))
        var rows = Self.body(model)
        let visible = rows.count
        var remaining = Self.below(rows)
        #expect(remaining > 100)
        #expect(rows[0].contains("Progress"))
        while remaining > 0 {
            model = run(model, keys(.character("j"))).0
            let next = Self.body(model)
            // The last row carries the marker, so the comparison stops above it.
            #expect(Array(next[..<(visible - 2)]) == Array(rows[1..<(visible - 1)]))
            #expect(Self.below(next) == max(0, remaining - 1))
            rows = next
            remaining -= 1
        }
        #expect(rows.joined().contains("time per section"))
        #expect(Self.body(run(model, keys(.character("j"))).0) == rows)
        #expect(Self.body(run(model, keys(.character("g"))).0) == Self.body(Self.pane(Self.journal(skipped: 40))))
    }

    @Test(
        "every window is the same rows as the whole pane laid out on a screen tall enough for all of it",
        arguments: [0, 1, 2, 7, 33, 10_000])
    func windowOfTheWhole(scroll: Int) {
        let events = Self.journal(skipped: 30)
        var whole = Self.body(Self.pane(events, height: 400))
        while whole.last?.allSatisfy({ $0 == " " }) == true { whole.removeLast() }
        let moves =
            scroll == 10_000
            ? keys(.character("G")) : Array(repeating: Message.terminal(.key(.character("j"))), count: scroll)
        let window = Self.body(run(Self.pane(events), moves).0)
        let first = min(scroll, whole.count - window.count)
        #expect(whole.contains { $0.contains("time per section") })
        #expect(Array(window.dropLast()) == Array(whole[first..<(first + window.count - 1)]))
        if scroll == 10_000 { #expect(window.last == whole[first + window.count - 1]) }
    }

    @Test(
        "a journal that arrived in pieces, one event late and the pane open, shows the same pane as one loaded at once",
        arguments: [0, 41, 10_000])
    func arrivalsMatchLoad(scroll: Int) {
        let events = Self.journal(skipped: 36)
        var model = Self.pane(Array(events.prefix(20)))
        for piece in [Array(events[20..<45]), Array(events[46...]), [events[45]]] {
            model = update(model, .eventsArrived(piece)).0
        }
        let moves =
            scroll == 10_000
            ? keys(.character("G")) : Array(repeating: Message.terminal(.key(.character("j"))), count: scroll)
        let pieces = run(model, moves).0
        let whole = run(Self.pane(events), moves).0
        #expect(Self.body(pieces) == Self.body(whole))
        #expect(Self.body(pieces) != Self.body(run(Self.pane(Array(events.prefix(20))), moves).0))
    }

    @Test(
        "after a resize the pane is the one laid out afresh at the new size",
        arguments: [(40, 12), (100, 30), (130, 24), (80, 24)])
    func resize(width: Int, height: Int) {
        let events = Self.journal(skipped: 30)
        let moves = keys(.character("j"), .character("j"), .character("j"))
        let resized = run(
            Self.pane(events, width: 60, height: 20),
            [.terminal(.resize(width: width, height: height))] + moves
        ).0
        let fresh = run(Self.pane(events, width: width, height: height), moves).0
        #expect(view(resized).textLines == view(fresh).textLines)
    }

    @Test("the pane hidden while the journal grows is current when Tab shows it")
    func hiddenWhileGrowing() {
        let events = Self.journal(skipped: 24)
        var model = ReviewFixture.model(events: Array(events.prefix(10)))
        model = update(model, .eventsArrived(Array(events[10...]))).0
        let shown = run(model, keys(.tab, .character("j"), .character("j"))).0
        #expect(Self.body(shown) == Self.body(run(Self.pane(events), keys(.character("j"), .character("j"))).0))
    }
}
