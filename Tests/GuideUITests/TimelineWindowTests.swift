import Foundation
import GuideUI
import IncidentModel
import TestSupport
import Testing

/// The timeline lays out only the entries on screen; these check that what it shows is the whole journal's
/// layout seen through a window, wherever the window is.
@Suite("timeline on a long journal: the rows on screen are the journal's rows at every scroll offset", .tags(.slow))
struct TimelineWindowTests {
    /// A journal of `count` events after the opening: notes of one to several wrapped rows, in Chinese and
    /// English, and status changes, one minute apart.
    static func journal(count: Int) -> [Event] {
        let words = ["CPU 使用率", "checkout-api", "重新啟動 pod", "p99 latency", "連線池耗盡", "rollback"]
        return [Fixtures.openedEvent()]
            + (2...(count + 1)).map { seq in
                let at = Fixtures.opened.addingTimeInterval(Double(seq) * 61)
                if seq % 7 == 0 {
                    return Event(seq: seq, recordedAt: at, actor: "bob", kind: .statusChanged(.identified))
                }
                let text = (0..<(seq % 5 * 6 + 1)).map { words[($0 + seq) % words.count] }.joined(separator: " ")
                return Event(
                    seq: seq, recordedAt: at, actor: seq % 3 == 0 ? "chen.wei" : "alice",
                    kind: .note(text: "第 \(seq) 則 \(text)", pinned: seq % 11 == 0, commander: false))
            }
    }

    /// The timeline of `events` loaded at once, at the given size.
    static func timeline(_ events: [Event], width: Int = 80, height: Int = 24) -> AppModel {
        let model = update(Fixtures.model(width: width, height: height), .incidentLoaded(id: "long", events: events)).0
        return run(model, keys(.character("t"))).0
    }

    /// The rows of the timeline's body (below the header, above the status bar).
    static func body(_ model: AppModel) -> [String] {
        Array(view(model).textLines[1..<(model.height - 2)])
    }

    /// How many rows are above the window, as the first row's marker says (0 without a marker).
    static func earlier(_ rows: [String]) -> Int {
        scrollMarkerCount(on: rows.first, #/↑ (\d+) earlier/#)
    }

    @Test("scrolling one row up moves every row down by one, the marker counts the rows above, and k stops at the top")
    func scrollsRowByRow() {
        var model = Self.timeline(Self.journal(count: 120))
        var rows = Self.body(model)
        let visible = rows.count
        var above = Self.earlier(rows)
        #expect(above > 100)
        #expect(rows.suffix(6).joined().contains("第 121 則"))
        while above > 0 {
            model = run(model, keys(.character("k"))).0
            let next = Self.body(model)
            // The first row carries the marker, so the comparison starts below it.
            #expect(Array(next[2...]) == Array(rows[1..<(visible - 1)]))
            #expect(Self.earlier(next) == above - 1)
            rows = next
            above -= 1
        }
        #expect(rows[0].contains("opened"))
        #expect(!rows[0].contains("earlier"))
        #expect(Self.body(run(model, keys(.character("k"))).0) == rows)
        #expect(Self.body(run(model, keys(.character("G"))).0) == Self.body(Self.timeline(Self.journal(count: 120))))
    }

    @Test(
        "a journal that arrived in pieces, one event late, shows the same rows as one loaded at once",
        arguments: [0, 57, 10_000])
    func arrivalsMatchLoad(scroll: Int) {
        let events = Self.journal(count: 90)
        var model = Self.timeline(Array(events.prefix(30)))
        for piece in [Array(events[30..<60]), Array(events[61...]), [events[60]]] {
            model = update(model, .eventsArrived(piece)).0
        }
        let up = Array(repeating: Message.terminal(.key(.character("k"))), count: scroll == 10_000 ? 0 : scroll)
        let top = scroll == 10_000 ? keys(.character("g")) : []
        let pieces = run(model, up + top).0
        let whole = run(Self.timeline(events), up + top).0
        #expect(Self.body(pieces) == Self.body(whole))
        #expect(Self.body(pieces).joined().contains(scroll == 0 ? "第 90 則" : "第"))
    }

    @Test("opening the timeline after resizes and arrivals in the walkthrough shows the journal at the final width")
    func changesWhileAway() {
        let events = Self.journal(count: 80)
        var model = update(
            Fixtures.model(width: 80, height: 24), .incidentLoaded(id: "long", events: Array(events.prefix(40)))
        ).0
        model = update(model, .terminal(.resize(width: 120, height: 30))).0
        model = update(model, .eventsArrived(Array(events[40...]))).0
        model = update(model, .terminal(.resize(width: 50, height: 16))).0
        let opened = run(model, keys(.character("t"), .character("k"))).0
        let fresh = run(Self.timeline(events, width: 50, height: 16), keys(.character("k"))).0
        #expect(Self.body(opened) == Self.body(fresh))
        #expect(Self.body(opened).joined().contains("第 81 則"))
    }

    @Test(
        "after a resize the rows are those of the journal laid out at the new width", arguments: [(40, 12), (120, 30)])
    func resize(width: Int, height: Int) {
        let events = Self.journal(count: 80)
        let resized = run(
            Self.timeline(events),
            [.terminal(.resize(width: width, height: height))] + keys(.character("k"), .character("k"))
        ).0
        let fresh = run(Self.timeline(events, width: width, height: height), keys(.character("k"), .character("k"))).0
        #expect(Self.body(resized) == Self.body(fresh))
    }
}
