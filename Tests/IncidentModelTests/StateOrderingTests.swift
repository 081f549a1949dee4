import Foundation
import IncidentModel
import RunbookKit
import Testing

@Suite("The incident state when events build on each other")
struct StateOrderingTests {
    @Test("the latest event for a step wins: a skipped step can be done later, and redone")
    func redoneStep() {
        var journal = JournalBuilder.opened()
        let step = JournalBuilder.step("diagnosis-1")
        journal.add(.stepSkipped(step, reason: "later"), at: 1)
        journal.add(.stepDone(step), at: 2, by: "bob")
        #expect(journal.state.progress(of: "high-cpu-usage").steps["diagnosis-1"]?.outcome == .done)
        journal.add(.stepDone(step), at: 7, by: "carol")
        let record = journal.state.progress(of: "high-cpu-usage").steps["diagnosis-1"]
        #expect(record?.stamp == Stamp(seq: 4, actor: "carol", at: JournalBuilder.time(7)))
    }

    @Test("checking again after unchecking records the new check")
    func recheck() {
        var journal = JournalBuilder.opened()
        journal.add(.checklistChecked(JournalBuilder.item(1)), at: 1, by: "a")
        journal.add(.checklistUnchecked(JournalBuilder.item(1)), at: 2)
        journal.add(.checklistChecked(JournalBuilder.item(1)), at: 3, by: "b")
        #expect(journal.state.progress(of: "high-cpu-usage").checked[1]?.stamp.actor == "b")
    }

    @Test("severity history lists every severity in order with who set it")
    func severityHistory() {
        var journal = JournalBuilder.opened()
        journal.add(.severityChanged(.p1), at: 5, by: "carol")
        journal.add(.severityChanged(.p0), at: 9, by: "dave")
        let history = journal.state.severityHistory
        #expect(history.map(\.value) == [.p2, .p1, .p0])
        #expect(history.map(\.stamp.actor) == ["alice", "carol", "dave"])
        #expect(journal.state.severity == .p0)
    }

    @Test("mitigated is the first time the status reached mitigated")
    func firstMitigation() {
        var journal = JournalBuilder.opened()
        journal.add(.statusChanged(.mitigated), at: 10)
        journal.add(.statusChanged(.identified), at: 12)
        journal.add(.statusChanged(.mitigated), at: 15)
        #expect(journal.state.milestones.mitigated == JournalBuilder.time(10))
    }

    @Test("resolving without mitigating first counts as mitigated at the same moment")
    func resolvedImpliesMitigated() {
        var journal = JournalBuilder.opened()
        journal.add(.statusChanged(.resolved), at: 20)
        #expect(journal.state.milestones.mitigated == JournalBuilder.time(20))
        #expect(journal.state.milestones.resolved == JournalBuilder.time(20))
    }

    @Test("after a reopen, the next resolution is the resolved milestone")
    func resolveAfterReopen() {
        var journal = JournalBuilder.opened()
        journal.add(.statusChanged(.resolved), at: 20)
        journal.add(.reopened, at: 30)
        journal.add(.statusChanged(.resolved), at: 45)
        #expect(journal.state.milestones.resolved == JournalBuilder.time(45))
        #expect(journal.state.status == .resolved)
    }

    @Test("a later impact-started milestone corrects an earlier one")
    func correctedMilestone() {
        var journal = JournalBuilder.opened()
        journal.add(.milestone(.impactStarted), at: 1, occurred: -10)
        journal.add(.milestone(.impactStarted), at: 2, occurred: -25)
        #expect(journal.state.milestones.impactStarted == JournalBuilder.time(-25))
    }

    @Test("progress in different runbooks is kept apart")
    func runbooksApart() {
        var journal = JournalBuilder.opened()
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 1)
        journal.add(.runbookSwitched(runbook: "slow-queries"), at: 2)
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-1", runbook: "slow-queries"), reason: "n/a"), at: 3)
        #expect(journal.state.progress(of: "high-cpu-usage").doneKeys == ["diagnosis-1"])
        #expect(journal.state.progress(of: "slow-queries").skippedKeys == ["diagnosis-1"])
    }
}
