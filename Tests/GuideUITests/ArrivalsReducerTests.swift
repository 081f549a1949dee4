import Foundation
import GuideUI
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import Testing

/// What others record reaches the responder: a line for each event another process appended, pinned notes that
/// wait above the step until acknowledged, a confirmation of the responder's own saved actions, and roles.
@Suite("what others record, confirmations and roles")
struct ArrivalsReducerTests {
    /// An event another process appended after the model's last one, by `actor`, `seconds` after the opening.
    static func arriving(_ kind: EventKind, after model: AppModel, actor: String = "amy", seconds: Double = 60)
        -> Event
    {
        Event(
            seq: (model.incident?.events.last?.seq ?? 0) + 1, recordedAt: Fixtures.opened.addingTimeInterval(seconds),
            actor: actor, kind: kind)
    }

    /// The walkthrough after `kinds` arrived from another process, each in its own poll.
    static func arrived(_ kinds: [EventKind], actor: String = "amy", to model: AppModel = Fixtures.walkthrough())
        -> AppModel
    {
        var model = model
        for kind in kinds {
            model = update(model, .eventsArrived([arriving(kind, after: model, actor: actor)])).0
        }
        return model
    }

    static func bottomLine(_ model: AppModel) -> String {
        view(model).textLines.last ?? ""
    }

    static let icNote = EventKind.note(text: "30 分鐘後更新狀態頁", pinned: false, commander: false)

    @Test("a note from the commander's process is told on the bottom line as the IC's")
    func commanderNote() {
        let model = Self.arrived([.roleAssigned(.commander, person: "amy"), Self.icNote])
        #expect(Self.bottomLine(model).hasPrefix("IC amy: 30 分鐘後更新狀態頁"))
        #expect(Self.bottomLine(model).contains("+1 more"))
    }

    static let toldKinds: [(EventKind, String, String)] = [
        (.severityChanged(.p0), "bo: severity → P0", "bo：嚴重度 → P0"),
        (.statusChanged(.mitigated), "bo: status → mitigated", "bo：狀態 → 已緩解"),
        (.escalated(to: "DBA On-Call"), "bo: escalated to DBA On-Call", "bo：升級給 DBA On-Call"),
        (.roleAssigned(.scribe, person: "cy"), "bo: cy is scribe", "bo：cy 擔任記錄員"),
        (.pinChanged(seq: 1, pinned: true), "bo: pinned #1", "bo：釘選 #1"),
        (.note(text: "客戶公告已發", pinned: false, commander: true), "IC bo: 客戶公告已發", "IC bo：客戶公告已發"),
        (.note(text: "db 主機換了", pinned: true, commander: false), "bo: 📌 db 主機換了", "bo：📌 db 主機換了"),
    ]

    @Test("each kind others record is told in the guide's language", arguments: toldKinds)
    func eachKind(kind: EventKind, english: String, chinese: String) {
        let inEnglish = Self.arrived([kind], actor: "bo")
        #expect(Self.bottomLine(inEnglish).hasPrefix(english))
        let inChinese = Self.arrived(
            [kind], actor: "bo", to: Fixtures.walkthrough(words: Localizer(.traditionalChinese)))
        #expect(Self.bottomLine(inChinese).hasPrefix(chinese))
    }

    @Test("steps, checks and commands another process records are not told: the walkthrough shows them")
    func stepsAreNotTold() {
        let step = StepRef(runbook: "high-cpu-usage", step: "diagnosis-1", title: "確認高 CPU 的 Pod")
        let model = Self.arrived([.stepDone(step), .commandCopied(command: "uptime", step: nil)])
        #expect(model.arrivals.isEmpty)
    }

    @Test("the guide's own appends, answered or still in flight when the follower reads them, are not told")
    func ownAppendsAreNotTold() {
        let (typed, effects) = run(
            Fixtures.walkthrough(), keys(.character("n")) + typing("p99 back") + keys(.enter))
        guard case .append(_, let events)? = effects.last?.last else {
            Issue.record("no append")
            return
        }
        let stored = Fixtures.stored(events, after: typed)
        let followedFirst = update(typed, .eventsArrived(stored)).0
        #expect(followedFirst.arrivals.isEmpty)
        let answeredFirst = update(update(typed, .journalAppended(stored)).0, .eventsArrived(stored)).0
        #expect(answeredFirst.arrivals.isEmpty)
    }

    @Test("d dismisses the line; the timeline still holds the event")
    func dismissal() {
        let model = Self.arrived([Self.icNote])
        let dismissed = run(model, keys(.character("d"))).0
        #expect(dismissed.arrivals.isEmpty)
        #expect(!Self.bottomLine(dismissed).contains("30 分鐘後"))
        #expect(dismissed.incident?.events.count == 2)
    }

    @Test("the line goes by itself a few seconds after the newest arrived, not before")
    func timeout() {
        let model = Self.arrived([Self.icNote])
        let soon = update(model, .tick(now: Fixtures.opened.addingTimeInterval(5))).0
        #expect(!soon.arrivals.isEmpty)
        let later = update(soon, .tick(now: Fixtures.opened.addingTimeInterval(8))).0
        #expect(later.arrivals.isEmpty)
    }

    @Test("a newer arrival keeps the line for a few seconds more")
    func newerArrivalExtends() {
        let first = Self.arrived([Self.icNote])
        let later = update(first, .tick(now: Fixtures.opened.addingTimeInterval(6))).0
        let second = Self.arrived([.severityChanged(.p0)], actor: "bo", to: later)
        let after = update(second, .tick(now: Fixtures.opened.addingTimeInterval(10))).0
        #expect(after.arrivals.events.count == 2)
        #expect(update(after, .tick(now: Fixtures.opened.addingTimeInterval(14))).0.arrivals.isEmpty)
    }

    @Test(
        "a long note is cut; how many more arrived and the key that dismisses them stay whole, said shortly at 40 columns",
        arguments: [(80, 24, "+1 more (t timeline, d dismiss)"), (40, 12, "+1 more · d dismiss")])
    func longNoteKeepsTheCount(width: Int, height: Int, count: String) {
        let long = EventKind.note(text: String(repeating: "寫滿一整行的說明 ", count: 20), pinned: false, commander: false)
        let model = Self.arrived([Self.icNote, long], to: Fixtures.walkthrough(width: width, height: height))
        let line = Self.bottomLine(model)
        #expect(line.hasPrefix("amy: 寫滿一整行"))
        #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix(count), "\(line)")
    }

    @Test("nothing is told on the catalog the responder went back to with the incident left open")
    func notOnTheCatalog() {
        let left = run(Fixtures.walkthrough(), keys(.character("q"))).0
        #expect(left.screen == .catalog)
        #expect(Self.arrived([Self.icNote], to: left).arrivals.isEmpty)
    }

    @Test("the line is told over the command output, and d dismisses it there")
    func onTheCommandOutput() throws {
        let model = run(CommandFixtures.walkthrough(), keys(.character("R"), .enter, .enter)).0
        try #require(model.screen == .commandOutput)
        let told = Self.arrived([Self.icNote], to: model)
        #expect(Self.bottomLine(told).hasPrefix("amy: 30 分鐘後更新狀態頁"))
        #expect(run(told, keys(.character("d"))).0.arrivals.isEmpty)
    }

    @Test("a note's control characters and line breaks are not written to the terminal")
    func hostileNote() {
        let model = Self.arrived([.note(text: "第一行\n\u{1B}[2J清畫面", pinned: false, commander: false)])
        let line = Self.bottomLine(model)
        #expect(!line.contains("\u{1B}"))
        #expect(line.hasPrefix("amy: 第一行 "))
    }

    @Test("the help overlay lists d, a and c on the walkthrough")
    func helpListsTheKeys() {
        let lines = view(run(Fixtures.walkthrough(height: 40), keys(.character("?"))).0).textLines.joined()
        #expect(lines.contains("dismiss what others recorded"))
        #expect(lines.contains("acknowledge the pinned note shown"))
        #expect(lines.contains("assign or hand over a role"))
    }

    // MARK: Pinned notes

    static let pinned = EventKind.note(text: "先別重啟 db-1，正在備份", pinned: true, commander: false)

    @Test("a pinned note someone else wrote waits above the step until this responder acknowledges it")
    func pinnedNoteWaits() throws {
        let model = Self.arrived([.roleAssigned(.commander, person: "amy"), Self.pinned])
        #expect(view(model).textLines[1].contains("📌 IC amy 14:14:20: 先別重啟 db-1，正在備份"))
        #expect(view(model).textLines[1].contains("a read"))
        let (pressed, effects) = run(model, keys(.character("a")))
        let effect = try #require(effects.last?.last)
        #expect(
            effect
                == .append(
                    incidentID: "2026-11-27-checkout-cpu",
                    events: [NewEvent(actor: "alice", kind: .noteAcknowledged(seq: 3))]))
        #expect(view(pressed).textLines[1].contains("先別重啟"), "it stays until the journal holds the acknowledgement")
        #expect(run(pressed, keys(.character("a"))).1.last == [], "a second a does not record it twice")
        let acknowledged = answer(pressed, effect)
        #expect(!view(acknowledged).textLines.joined().contains("先別重啟"))
        #expect(Self.bottomLine(acknowledged).hasPrefix("pinned note #3 acknowledged"))
    }

    @Test("a note pinned later waits; an unpinned one and the responder's own do not")
    func whichNotesWait() {
        let plain = EventKind.note(text: "看 grafana", pinned: false, commander: false)
        let pinnedLater = Self.arrived([plain, .pinChanged(seq: 2, pinned: true)])
        #expect(view(pinnedLater).textLines[1].contains("📌 amy 14:14:20: 看 grafana"))
        let unpinned = Self.arrived([.pinChanged(seq: 2, pinned: false)], to: pinnedLater)
        #expect(!view(unpinned).textLines[1].contains("📌"))
        let own = Self.arrived([Self.pinned], actor: "alice")
        #expect(!view(own).textLines[1].contains("📌"))
    }

    @Test("an acknowledgement by someone else leaves the note waiting for this responder")
    func othersAcknowledgement() {
        let model = Self.arrived([Self.pinned])
        let ackedByBo = Self.arrived([.noteAcknowledged(seq: 2)], actor: "bo", to: model)
        #expect(view(ackedByBo).textLines[1].contains("先別重啟"))
    }

    @Test("a pinned note from another machine's file is acknowledged by its writer and seq")
    func pinnedNoteFromAnotherMachine() throws {
        let model = Fixtures.walkthrough()
        let fromLaptop = Event(
            seq: 1, recordedAt: Fixtures.opened.addingTimeInterval(60), actor: "amy", kind: Self.pinned,
            writer: "laptop")
        let arrived = update(model, .eventsArrived([fromLaptop])).0
        #expect(view(arrived).textLines[1].contains("先別重啟"))
        let ownSeqOne = Self.arrived([.noteAcknowledged(seq: 1)], actor: "alice", to: arrived)
        #expect(view(ownSeqOne).textLines[1].contains("先別重啟"), "an acknowledgement of timeline.jsonl's #1")
        let (pressed, effects) = run(arrived, keys(.character("a")))
        let effect = try #require(effects.last?.last)
        let acknowledging = NewEvent(actor: "alice", kind: .noteAcknowledged(seq: 1, writer: "laptop"))
        #expect(effect == .append(incidentID: "2026-11-27-checkout-cpu", events: [acknowledging]))
        let acknowledged = answer(pressed, effect)
        #expect(!view(acknowledged).textLines.joined().contains("先別重啟"))
        #expect(Self.bottomLine(acknowledged).hasPrefix("pinned note #1@laptop acknowledged"))
    }

    @Test("several waiting notes: the oldest first, with how many wait")
    func severalWaiting() {
        let model = Self.arrived([Self.pinned, .note(text: "第二則", pinned: true, commander: false)])
        #expect(view(model).textLines[1].contains("先別重啟"))
        #expect(view(model).textLines[1].contains("1 of 2"))
    }

    // MARK: Confirmations

    static let ownActions: [([Message], String)] = [
        (keys(.character("n")) + typing("p99 back") + keys(.enter), "note saved"),
        (keys(.character("P"), .character("k"), .character("k"), .enter), "severity P0 saved"),
        (keys(.character("S"), .character("j"), .character("j"), .enter), "status mitigated saved"),
        (keys(.character(" ")), "step 1 done"),
        (keys(.character("s")) + typing("no access") + keys(.enter), "step 1 skipped"),
        (keys(.character("e"), .enter), "escalated to"),
    ]

    @Test("the responder's own actions are confirmed only once the journal answers", arguments: ownActions)
    func confirmations(messages: [Message], expected: String) throws {
        let (acted, effects) = run(Fixtures.walkthrough(), messages)
        #expect(!Self.bottomLine(acted).contains(expected))
        let effect = try #require(effects.last?.last)
        let answered = answer(acted, effect)
        #expect(Self.bottomLine(answered).hasPrefix(expected))
    }

    @Test("a confirmation leaves by itself a few seconds after it was said, not before, and the keys come back")
    func confirmationExpires() throws {
        let (acted, effects) = run(Fixtures.walkthrough(), keys(.character("n")) + typing("p99 back") + keys(.enter))
        let answered = answer(acted, try #require(effects.last?.last))
        let soon = update(answered, .tick(now: answered.now.addingTimeInterval(5))).0
        #expect(Self.bottomLine(soon).hasPrefix("note saved"))
        let later = update(soon, .tick(now: answered.now.addingTimeInterval(8))).0
        #expect(Self.bottomLine(later).contains("n note · ? help"))
    }

    @Test("what someone else records takes the bottom line from a confirmation of the responder's own action")
    func arrivalReplacesConfirmation() throws {
        let (acted, effects) = run(Fixtures.walkthrough(), keys(.character("n")) + typing("p99 back") + keys(.enter))
        let answered = answer(acted, try #require(effects.last?.last))
        #expect(Self.bottomLine(answered).hasPrefix("note saved"))
        let told = Self.arrived([Self.icNote], to: answered)
        #expect(Self.bottomLine(told).hasPrefix("amy: 30 分鐘後更新狀態頁"))
    }

    @Test("a failed append is not confirmed")
    func failureIsNotConfirmed() {
        let acted = run(Fixtures.walkthrough(), keys(.character("n")) + typing("p99 back") + keys(.enter)).0
        let failed = update(acted, .journalFailed(reason: "disk full")).0
        #expect(!Self.bottomLine(failed).contains("note saved"))
    }

    // MARK: Roles

    @Test("c opens the roles with who holds each; choosing one and typing a name records the role")
    func roleDialog() throws {
        let model = Self.arrived([.roleAssigned(.commander, person: "amy")])
        let opened = run(model, keys(.character("c"))).0
        let text = view(opened).textLines.joined()
        #expect(text.contains("commander: amy"))
        #expect(text.contains("scribe: nobody"))
        let (typed, effects) = run(opened, keys(.enter) + typing("bo") + keys(.enter))
        let effect = try #require(effects.last?.last)
        #expect(
            effect
                == .append(
                    incidentID: "2026-11-27-checkout-cpu",
                    events: [NewEvent(actor: "alice", kind: .roleAssigned(.commander, person: "bo"))]))
        let answered = answer(typed, effect)
        #expect(answered.incident?.state.roles[.commander] == "bo")
        #expect(Self.bottomLine(answered).hasPrefix("bo is commander now"))
    }

    @Test("the review hands over a role with the same keys")
    func reviewRoleDialog() throws {
        let (_, effects) = run(
            ReviewFixture.model(), keys(.character("c"), .character("j"), .enter) + typing("cy") + keys(.enter))
        let effect = try #require(effects.last?.last)
        #expect(
            effect
                == .append(
                    incidentID: ReviewFixture.id,
                    events: [NewEvent(actor: "bob", kind: .roleAssigned(.scribe, person: "cy"))]))
    }

    @Test("the status bar names the commander, at 80 and at 40 columns")
    func statusBarCommander() {
        let model = Self.arrived([.roleAssigned(.commander, person: "amy")])
        #expect(view(model).textLines[22].contains("IC amy"))
        let narrow = update(model, .terminal(.resize(width: 40, height: 12))).0
        #expect(view(narrow).textLines[10].contains("IC amy"))
    }
}
