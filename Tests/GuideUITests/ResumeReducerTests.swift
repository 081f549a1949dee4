import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

/// `respond resume` opens where the journal says the responder was: the position is derived from the fold of the
/// journal when the incident and its runbook are both in hand, never stored.
@Suite("resuming an incident opens on the item the journal says comes next")
struct ResumeReducerTests {
    /// The fixture runbook's items: five steps (diagnosis 1–3, resolution 1–2), then three verification items.
    static let steps = Fixtures.cpuRunbook.steps

    /// The journal of an incident whose steps were acted on in this order; `nil` reason means done.
    static func journal(_ acted: [(step: Int, skipReason: String?)], checked: [Int] = []) -> [Event] {
        var events = [Fixtures.openedEvent()]
        for (step, reason) in acted {
            let ref = StepRef(runbook: "high-cpu-usage", step: steps[step].key, title: steps[step].title)
            let kind: EventKind = reason.map { .stepSkipped(ref, reason: $0) } ?? .stepDone(ref)
            events.append(Event(seq: events.count + 1, recordedAt: Fixtures.opened, actor: "alice", kind: kind))
        }
        for item in checked {
            let ref = ChecklistRef(runbook: "high-cpu-usage", item: item, text: "item \(item)")
            events.append(
                Event(seq: events.count + 1, recordedAt: Fixtures.opened, actor: "alice", kind: .checklistChecked(ref)))
        }
        return events
    }

    /// The cursor after loading the journal, as `respond resume` does.
    static func resumed(_ events: [Event]) -> Int? {
        update(Fixtures.model(), .incidentLoaded(id: "i", events: events)).0.incident?.cursor
    }

    @Test("after steps done and skipped in order, on the first step neither done nor skipped")
    func nextOpenStep() {
        #expect(Self.resumed(Self.journal([(0, nil), (1, "no access")])) == 2)
        #expect(Self.resumed(Self.journal([])) == 0)
    }

    @Test("after a step acted on out of order, on the first open step after it, not on an earlier open one")
    func afterTheLastActedOn() {
        #expect(Self.resumed(Self.journal([(0, nil), (3, nil)])) == 4)
        #expect(Self.resumed(Self.journal([(3, nil), (0, nil)])) == 1)
    }

    @Test("in a several-machine incident, after the step acted on last in journal order, whatever its file's seq")
    func lastActedAcrossMachines() {
        var events = Self.journal([(0, nil), (1, nil)])
        let ref = StepRef(runbook: "high-cpu-usage", step: Self.steps[3].key, title: Self.steps[3].title)
        // The other machine's file counts its own seqs: its first event has seq 1, below the opener's seq 3.
        events.append(
            Event(
                seq: 1, recordedAt: Fixtures.opened.addingTimeInterval(60), actor: "bo", kind: .stepDone(ref),
                writer: "beta"))
        #expect(Self.resumed(events) == 4)
    }

    @Test("when the steps after the last one acted on are all handled, on the first open step before it")
    func wrapsToAnEarlierOpenStep() {
        #expect(Self.resumed(Self.journal([(0, nil), (3, nil), (4, "rolled back already")])) == 1)
    }

    @Test("when every step is done or skipped, on the first verification item not checked")
    func verificationWhenAllStepsHandled() {
        let all = (0..<5).map { (step: $0, skipReason: $0 == 2 ? "no deploy today" : nil) }
        #expect(Self.resumed(Self.journal(all)) == 5)
        #expect(Self.resumed(Self.journal(all, checked: [1, 2])) == 7)
        #expect(Self.resumed(Self.journal(all, checked: [1, 2, 3])) == 5)
    }

    @Test("a runbook that arrives after the journal places the cursor when it arrives, once")
    func waitsForTheRunbook() {
        let empty = AppModel(
            library: Library(categories: Fixtures.categories), actor: "alice", colorEnabled: true, width: 80,
            height: 24, now: Fixtures.opened)
        let loaded = update(empty, .incidentLoaded(id: "i", events: Self.journal([(0, nil), (1, nil)]))).0
        #expect(loaded.incident?.cursor == 0)
        let arrived = update(loaded, .runbooksLoaded(ids: ["high-cpu-usage"], runbooks: [Fixtures.cpuRunbook])).0
        #expect(arrived.incident?.cursor == 2)
        #expect(view(arrived).textLines.contains { $0.contains("比對最近的部署") })
        let moved = run(arrived, keys(.character("k"))).0
        let more = Self.journal([(0, nil), (1, nil), (2, nil)]).suffix(1)
        #expect(update(moved, .eventsArrived(Array(more))).0.incident?.cursor == 1)
    }

    @Test("a new incident opens on its first step")
    func newIncident() {
        #expect(Fixtures.walkthrough().incident?.cursor == 0)
    }
}
