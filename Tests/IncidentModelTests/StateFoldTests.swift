import Foundation
import IncidentModel
import RunbookKit
import Testing

/// Builds a journal for tests: sequence numbers count from 1, times are minutes after 2026-11-27T00:20:00Z.
struct JournalBuilder {
    /// 2026-11-27T00:20:00Z, counted from the reference date so that whole minutes stay exact.
    static let baseSeconds: Double = 817_431_600
    private(set) var events: [Event] = []

    /// Appends an event `minute` minutes after the base time, optionally back-dated to `occurredMinute`.
    @discardableResult
    mutating func add(
        _ kind: EventKind, at minute: Double, occurred occurredMinute: Double? = nil, by actor: String = "alice"
    ) -> Event {
        let event = Event(
            seq: events.count + 1,
            id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", events.count + 1)) ?? UUID(),
            recordedAt: Self.time(minute),
            occurredAt: occurredMinute.map(Self.time),
            actor: actor,
            kind: kind
        )
        events.append(event)
        return event
    }

    static func time(_ minute: Double) -> Date {
        Date(timeIntervalSinceReferenceDate: baseSeconds + minute * 60)
    }

    static let opened = EventKind.incidentOpened(
        title: "CPU 飽和", severity: .p2, runbook: "high-cpu-usage", drill: false, roles: [.commander: "carol"]
    )

    static func step(_ key: String, runbook: String = "high-cpu-usage") -> StepRef {
        StepRef(runbook: runbook, step: key, title: "Step \(key)")
    }

    static func item(_ number: Int, runbook: String = "high-cpu-usage") -> ChecklistRef {
        ChecklistRef(runbook: runbook, item: number, text: "Item \(number)")
    }

    /// A journal whose first event opens the incident at minute 0.
    static func opened(by actor: String = "alice") -> JournalBuilder {
        var builder = JournalBuilder()
        builder.add(opened, at: 0, by: actor)
        return builder
    }

    var state: IncidentState { IncidentState.fold(events) }
}

@Suite("Folding each kind of event into the incident state")
struct StateFoldTests {
    @Test("an empty journal gives the state before anything happened")
    func empty() {
        let state = IncidentState.fold([])
        #expect(state.title.isEmpty)
        #expect(state.opened == nil)
        #expect(state.lastSeq == 0)
        #expect(state.runbooksUsed.isEmpty)
    }

    @Test("opening sets title, drill, opener, runbook, status, severity, roles and acknowledgement")
    func opened() {
        var journal = JournalBuilder()
        journal.add(
            .incidentOpened(
                title: "DB down", severity: .p1, runbook: "database-connection-issues", drill: true,
                roles: [.commander: "carol", .scribe: "sam"]), at: 3, by: "bob")
        let state = journal.state
        #expect(state.title == "DB down")
        #expect(state.drill)
        #expect(state.opened == Stamp(seq: 1, actor: "bob", at: JournalBuilder.time(3)))
        #expect(state.currentRunbook == "database-connection-issues")
        #expect(state.runbooksUsed == ["database-connection-issues"])
        #expect(state.status == .investigating)
        #expect(state.statusHistory.map(\.value) == [.investigating])
        #expect(state.severity == .p1)
        #expect(state.severityHistory.map(\.value) == [.p1])
        #expect(state.roles == [.commander: "carol", .scribe: "sam"])
        #expect(state.milestones.acknowledged == JournalBuilder.time(3))
        #expect(state.milestones.detected == JournalBuilder.time(3))
        #expect(state.lastStatusUpdate == JournalBuilder.time(3))
        #expect(state.lastSeq == 1)
    }

    @Test("switching runbook makes it current and lists each runbook once, in order of first use")
    func runbookSwitched() {
        var journal = JournalBuilder.opened()
        journal.add(.runbookSwitched(runbook: "slow-queries"), at: 1)
        journal.add(.runbookSwitched(runbook: "high-cpu-usage"), at: 2)
        #expect(journal.state.currentRunbook == "high-cpu-usage")
        #expect(journal.state.runbooksUsed == ["high-cpu-usage", "slow-queries"])
    }

    @Test("a done step is recorded under its runbook with who and when")
    func stepDone() {
        var journal = JournalBuilder.opened()
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 4, by: "dan")
        let record = journal.state.progress(of: "high-cpu-usage").steps["diagnosis-1"]
        #expect(record?.outcome == .done)
        #expect(record?.stamp == Stamp(seq: 2, actor: "dan", at: JournalBuilder.time(4)))
    }

    @Test("a skipped step keeps its reason")
    func stepSkipped() {
        var journal = JournalBuilder.opened()
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-2"), reason: "no access"), at: 4)
        let progress = journal.state.progress(of: "high-cpu-usage")
        #expect(progress.steps["diagnosis-2"]?.outcome == .skipped(reason: "no access"))
        #expect(progress.skippedKeys == ["diagnosis-2"])
        #expect(progress.doneKeys.isEmpty)
    }

    @Test("a checked item is recorded with who and when")
    func checklistChecked() {
        var journal = JournalBuilder.opened()
        journal.add(.checklistChecked(JournalBuilder.item(2)), at: 9, by: "erin")
        let record = journal.state.progress(of: "high-cpu-usage").checked[2]
        #expect(record?.item.text == "Item 2")
        #expect(record?.stamp.actor == "erin")
    }

    @Test("unchecking an item removes it, and unchecking one never checked changes nothing")
    func checklistUnchecked() {
        var journal = JournalBuilder.opened()
        journal.add(.checklistChecked(JournalBuilder.item(1)), at: 1)
        journal.add(.checklistUnchecked(JournalBuilder.item(1)), at: 2)
        journal.add(.checklistUnchecked(JournalBuilder.item(5, runbook: "other")), at: 3)
        #expect(journal.state.progress(of: "high-cpu-usage").checked.isEmpty)
        #expect(journal.state.progress["other"] == nil)
    }

    @Test("notes are kept in order with their pinned and commander flags")
    func note() {
        var journal = JournalBuilder.opened()
        journal.add(.note(text: "first", pinned: false, commander: false), at: 1)
        journal.add(.note(text: "重要", pinned: true, commander: true), at: 2, by: "carol")
        let notes = journal.state.notes
        #expect(notes.map(\.text) == ["first", "重要"])
        #expect(notes.map(journal.state.isPinned) == [false, true])
        #expect(notes.map(\.commander) == [false, true])
        #expect(journal.state.pinned == [EventRef(seq: 3)])
    }

    @Test("a status change moves the status, records history and the last status update")
    func statusChanged() {
        var journal = JournalBuilder.opened()
        journal.add(.statusChanged(.identified), at: 5, by: "bob")
        let state = journal.state
        #expect(state.status == .identified)
        #expect(state.statusHistory.map(\.value) == [.investigating, .identified])
        #expect(state.statusHistory.last?.stamp.actor == "bob")
        #expect(state.lastStatusUpdate == JournalBuilder.time(5))
    }

    @Test("a severity change becomes the current severity")
    func severityChanged() {
        var journal = JournalBuilder.opened()
        journal.add(.severityChanged(.p1), at: 5)
        #expect(journal.state.severity == .p1)
    }

    @Test("assigning a role replaces whoever held it")
    func roleAssigned() {
        var journal = JournalBuilder.opened()
        journal.add(.roleAssigned(.commander, person: "dave"), at: 1)
        journal.add(.roleAssigned(.scribe, person: "sam"), at: 2)
        #expect(journal.state.roles == [.commander: "dave", .scribe: "sam"])
    }

    @Test("escalations are kept in order")
    func escalated() {
        var journal = JournalBuilder.opened()
        journal.add(.escalated(to: "L2 DBA"), at: 1)
        journal.add(.escalated(to: "#db-oncall"), at: 2)
        #expect(journal.state.escalations.map(\.to) == ["L2 DBA", "#db-oncall"])
    }

    @Test("copied commands are kept with their step")
    func commandCopied() {
        var journal = JournalBuilder.opened()
        journal.add(.commandCopied(command: "kubectl top pods", step: JournalBuilder.step("diagnosis-1")), at: 1)
        #expect(journal.state.commandsCopied.first?.command == "kubectl top pods")
        #expect(journal.state.commandsCopied.first?.step?.step == "diagnosis-1")
    }

    @Test("run commands are kept with their result")
    func commandRan() {
        var journal = JournalBuilder.opened()
        let run = CommandRun(command: "uptime", exitCode: 0, durationSeconds: 0.2, outputExcerpt: "up 3 days")
        journal.add(.commandRan(run), at: 1)
        #expect(journal.state.commandsRun.map(\.run) == [run])
    }

    @Test("runbook feedback is kept")
    func runbookFeedback() {
        var journal = JournalBuilder.opened()
        journal.add(.runbookFeedback(runbook: "high-cpu-usage", step: "diagnosis-3", text: "wrong namespace"), at: 1)
        let feedback = journal.state.feedback.first
        #expect(feedback?.runbook == "high-cpu-usage")
        #expect(feedback?.step == "diagnosis-3")
        #expect(feedback?.text == "wrong namespace")
    }

    @Test("milestones take the event's occurredAt, not when it was written")
    func milestone() {
        var journal = JournalBuilder.opened()
        journal.add(.milestone(.impactStarted), at: 10, occurred: -20)
        journal.add(.milestone(.detected), at: 11, occurred: -5)
        let milestones = journal.state.milestones
        #expect(milestones.impactStarted == JournalBuilder.time(-20))
        #expect(milestones.detected == JournalBuilder.time(-5))
        #expect(milestones.acknowledged == JournalBuilder.time(0))
    }

    @Test("pinning and unpinning by sequence number applies to notes and other events")
    func pinChanged() {
        var journal = JournalBuilder.opened()
        journal.add(.note(text: "n", pinned: false, commander: false), at: 1)
        journal.add(.statusChanged(.identified), at: 2)
        journal.add(.pinChanged(seq: 2, pinned: true), at: 3)
        journal.add(.pinChanged(seq: 3, pinned: true), at: 4)
        #expect(journal.state.notes.first.map(journal.state.isPinned) == true)
        #expect(journal.state.pinned == [EventRef(seq: 2), EventRef(seq: 3)])
        journal.add(.pinChanged(seq: 2, pinned: false), at: 5)
        #expect(journal.state.notes.first.map(journal.state.isPinned) == false)
        #expect(journal.state.pinned == [EventRef(seq: 3)])
    }

    @Test("in a two-file incident a pin and an acknowledgement name their target by writer and seq")
    func pinsAcrossWriters() {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        func event(_ seq: Int, _ writer: String?, _ kind: EventKind, by actor: String = "alice") -> Event {
            Event(seq: seq, recordedAt: at.addingTimeInterval(Double(seq)), actor: actor, kind: kind, writer: writer)
        }
        let state = IncidentState.fold([
            event(1, nil, .incidentOpened(title: "t", severity: .p2, runbook: "r", drill: false, roles: [:])),
            event(2, nil, .note(text: "own file", pinned: false, commander: false)),
            event(1, "laptop", .note(text: "other machine", pinned: false, commander: true), by: "erin"),
            event(3, nil, .pinChanged(seq: 1, writer: "laptop", pinned: true)),
            event(2, "laptop", .noteAcknowledged(seq: 1, writer: "laptop"), by: "bob"),
        ])
        #expect(state.pinned == [EventRef(seq: 1, writer: "laptop")])
        #expect(state.notes.map(state.isPinned) == [false, true])
        #expect(state.isAcknowledged(EventRef(seq: 1, writer: "laptop"), by: "bob"))
        #expect(!state.isAcknowledged(EventRef(seq: 1), by: "bob"))
    }

    @Test("exports written are kept")
    func exportWritten() {
        var journal = JournalBuilder.opened()
        journal.add(.exportWritten(path: "/tmp/postmortem.md", format: "markdown"), at: 1)
        #expect(journal.state.exports.map(\.path) == ["/tmp/postmortem.md"])
    }

    @Test("closing marks the incident closed")
    func incidentClosed() {
        var journal = JournalBuilder.opened()
        journal.add(.incidentClosed, at: 60, by: "carol")
        #expect(journal.state.isClosed)
        #expect(journal.state.closed?.actor == "carol")
    }

    @Test("reopening clears closed and resolved, and a resolved status goes back to investigating")
    func reopened() {
        var journal = JournalBuilder.opened()
        journal.add(.statusChanged(.resolved), at: 30)
        journal.add(.incidentClosed, at: 31)
        journal.add(.reopened, at: 40, by: "bob")
        let state = journal.state
        #expect(!state.isClosed)
        #expect(state.reopenings.map(\.actor) == ["bob"])
        #expect(state.milestones.resolved == nil)
        #expect(state.milestones.mitigated == JournalBuilder.time(30))
        #expect(state.status == .investigating)
        #expect(state.statusHistory.map(\.value) == [.investigating, .resolved, .investigating])
    }
}
