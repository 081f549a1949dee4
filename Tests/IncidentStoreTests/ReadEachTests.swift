import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

/// Reading every incident of a home when only some lines or some incidents are wanted.
@Suite("Reading every incident of a home, in part", .temporaryFiles)
struct ReadEachTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    func feedback(_ text: String) -> NewEvent {
        NewEvent(actor: "amy", kind: .runbookFeedback(runbook: "disk-full", step: nil, text: text))
    }

    func note(_ text: String) -> NewEvent {
        NewEvent(actor: "amy", kind: .note(text: text, pinned: false, commander: false))
    }

    @Test(
        "linesHolding decodes only the lines holding those bytes, in every machine's file, and appends still number after all"
    )
    func onlyFeedbackLines() throws {
        let home = try freshDirectory() + "/home"
        let (alpha, beta) = (IncidentStore(home: home, writer: "alpha"), IncidentStore(home: home, writer: "beta"))
        _ = try alpha.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        _ = try alpha.location(of: "inc").journal.append([note("a"), feedback("from alpha"), note("b")], now: now)
        _ = try beta.location(of: "inc").journal.append([note("c"), feedback("from beta")], now: now)
        var read: [Event] = []
        _ = try alpha.readEach(linesHolding: EventKind.Name.runbookFeedback.rawValue) { _, contents in
            read += contents.events
        }
        #expect(read.map { $0.reference(inIncident: "inc") } == ["inc#3", "inc#2@beta"])
        let next = try alpha.location(of: "inc").journal.append([note("d")], now: now)
        #expect(next.map(\.seq) == [5])
    }

    @Test("an incident whose opening is not wanted is passed over after its first line")
    func openingNotWanted() throws {
        let store = IncidentStore(home: try freshDirectory() + "/home", writer: nil)
        for id in ["wanted", "passed"] {
            _ = try store.open(
                runbook: "disk-full", title: id, severity: .p2, drill: false, actor: "amy", id: id, now: now)
        }
        // A line from a newer schema refuses a whole read: the passed-over journal is never read that far.
        let passed = FileHandle(forWritingAtPath: store.location(of: "passed").journalPath)
        try passed?.seekToEnd()
        try passed?.write(contentsOf: Data("{\"v\":99,\"seq\":2}\n".utf8))
        let wanted = { (event: Event) -> Bool in
            guard case .incidentOpened(let title, _, _, _, _) = event.kind else { return true }
            return title == "wanted"
        }
        var read: [String] = []
        let unreadable = try store.readEach(opening: wanted) { location, _ in read.append(location.id) }
        #expect(read == ["wanted"])
        #expect(unreadable.isEmpty)
    }

    @Test("mapEach keeps what its transform made of each journal, batch after batch, and lists the unreadable ones")
    func mapEachKeepsTransformed() throws {
        let store = IncidentStore(home: try freshDirectory() + "/home", writer: nil)
        let ids = (0..<5).map { "inc-\($0)" }
        for (index, id) in ids.enumerated() {
            _ = try store.open(
                runbook: "disk-full", title: id, severity: .p2, drill: false, actor: "amy", id: id, now: now)
            _ = try store.location(of: id).journal.append(Array(repeating: note("n"), count: index), now: now)
        }
        let broken = FileHandle(forWritingAtPath: store.location(of: "inc-3").journalPath)
        try broken?.seekToEnd()
        try broken?.write(contentsOf: Data("{\"v\":99,\"seq\":9}\n".utf8))
        var kept: [String: Int] = [:]
        let unreadable = try store.mapEach(batch: 2) { _, contents in
            contents.events.count
        } _: { location, count in
            kept[location.id] = count
        }
        #expect(kept == ["inc-0": 1, "inc-1": 2, "inc-2": 3, "inc-4": 5])
        #expect(unreadable.map(\.id) == ["inc-3"])
    }

    @Test("an opening longer than the first read of a journal is still read whole to pass its incident over")
    func longOpeningPassedOver() throws {
        let store = IncidentStore(home: try freshDirectory() + "/home", writer: nil)
        let long = String(repeating: "x", count: 10_000)
        for (id, title) in [("long", long), ("short", "short")] {
            _ = try store.open(
                runbook: "disk-full", title: title, severity: .p2, drill: false, actor: "amy", id: id, now: now)
        }
        // Were its opening not read, the long incident would be read whole, and this line refuses a whole read.
        let passed = FileHandle(forWritingAtPath: store.location(of: "long").journalPath)
        try passed?.seekToEnd()
        try passed?.write(contentsOf: Data("{\"v\":99,\"seq\":2}\n".utf8))
        let wanted = { (event: Event) -> Bool in
            guard case .incidentOpened(let title, _, _, _, _) = event.kind else { return true }
            return title == "short"
        }
        var read: [String] = []
        let unreadable = try store.readEach(opening: wanted) { location, _ in read.append(location.id) }
        #expect(read == ["short"])
        #expect(unreadable.isEmpty)
    }
}
