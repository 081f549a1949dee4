import Foundation
import GuideUI
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText
import TestSupport
import Testing

/// An incident on the Traditional Chinese runbook, as the commander finds it 14 minutes in.
enum ReviewFixture {
    static let id = "2026-11-27-checkout-cpu"
    static let opened = Fixtures.opened
    static let now = opened.addingTimeInterval(14 * 60)

    static func step(_ key: String, _ title: String) -> StepRef {
        StepRef(runbook: "high-cpu-usage", step: key, title: title)
    }

    static let events: [Event] = {
        let kinds: [(Int, String, EventKind)] = [
            (
                0, "alice",
                .incidentOpened(
                    title: "結帳服務 CPU 飆高", severity: .p1, runbook: "high-cpu-usage", drill: false,
                    roles: [.responder: "alice"])
            ),
            (1, "bob", .roleAssigned(.commander, person: "bob")),
            (3, "alice", .stepDone(step("diagnosis-1", "確認高 CPU 的 Pod"))),
            (4, "alice", .note(text: "checkout 服務 p99 > 3s，客戶結帳失敗", pinned: true, commander: false)),
            (
                5, "alice",
                .commandCopied(
                    command: "kubectl top pods -n shop --sort-by=cpu | head -20",
                    step: step("diagnosis-1", "確認高 CPU 的 Pod"))
            ),
            (6, "alice", .stepSkipped(step("diagnosis-2", "檢查應用程式日誌"), reason: "日誌已由值班 SRE 檢查")),
            (
                8, "alice",
                .commandRan(
                    CommandRun(
                        command: "kubectl get hpa -n shop", exitCode: 0, durationSeconds: 1.2,
                        outputExcerpt: "checkout 2/6"))
            ),
            (9, "alice", .stepDone(step("resolution-1", "水平擴展"))),
            (10, "alice", .statusChanged(.mitigated)),
            (11, "alice", .checklistChecked(ChecklistRef(runbook: "high-cpu-usage", item: 1, text: "CPU 使用率低於 70%"))),
            (12, "bob", .note(text: "請在 15 分鐘內更新客戶公告", pinned: false, commander: true)),
            (13, "alice", .exportWritten(path: "/var/incidents/\(id)/postmortem.md", format: "markdown")),
        ]
        return kinds.enumerated().map { index, entry in
            Event(
                seq: index + 1, recordedAt: opened.addingTimeInterval(Double(entry.0) * 60), actor: entry.1,
                kind: entry.2)
        }
    }()

    /// The review as launched by `bob` and loaded, at `now`, in English and UTC unless a language and a zone are given.
    static func model(
        width: Int = 80, height: Int = 24, color: Bool = true, events: [Event] = events,
        words: Localizer = Localizer(.english), clock: ZoneClock = .utc
    ) -> AppModel {
        let fresh = AppModel(
            library: Fixtures.library, actor: "bob", colorEnabled: color, width: width, height: height, now: now,
            localizer: words, clock: clock)
        let (launched, _) = launch(fresh, .review(id: "last"))
        return update(launched, .incidentLoaded(id: id, events: events)).0
    }

    /// An event another process appended, after `model`'s last one.
    static func arriving(_ kind: EventKind, after model: AppModel, actor: String = "alice", minutes: Double = 14)
        -> Event
    {
        Event(
            seq: (model.incident?.events.last?.seq ?? 0) + 1, recordedAt: opened.addingTimeInterval(minutes * 60),
            actor: actor, kind: kind)
    }
}

@Suite("review: filters, search, live follow and the commander's only two writes")
struct ReviewReducerTests {
    func seqs(_ model: AppModel) -> [Int] {
        let events = model.incident?.events ?? []
        return model.review?.rows.map { events[$0].seq } ?? []
    }

    func selectedSeq(_ model: AppModel) -> Int? {
        guard let review = model.review, review.rows.indices.contains(review.cursor) else { return nil }
        return model.incident?.events[review.rows[review.cursor]].seq
    }

    func statusBar(_ model: AppModel) -> String {
        view(model).textLines[model.height - 2]
    }

    @Test("launching a review loads the incident named and shows the review screen, newest event selected")
    func launchLoads() {
        let fresh = AppModel(
            library: Fixtures.library, actor: "bob", colorEnabled: true, width: 80, height: 24, now: ReviewFixture.now)
        let (launched, effects) = launch(fresh, .review(id: "last"))
        #expect(effects == [.loadIncident(id: "last")])
        #expect(launched.screen == .review)
        #expect(view(launched).textLines[0].contains("loading last"))
        let model = ReviewFixture.model()
        #expect(model.screen == .review)
        #expect(selectedSeq(model) == 11)
        #expect(model.review?.following == true)
    }

    @Test("system events (export written, command copied, pin changes) are hidden until s shows them")
    func systemEventsHidden() {
        let model = ReviewFixture.model()
        #expect(seqs(model) == [1, 2, 3, 4, 6, 7, 8, 9, 10, 11])
        #expect(statusBar(model).contains("system hidden"))
        let shown = run(model, keys(.character("s"))).0
        #expect(seqs(shown) == Array(1...12))
        #expect(view(shown).textLines.contains { $0.contains("exported markdown") })
        #expect(seqs(run(shown, keys(.character("s"))).0) == seqs(model))
    }

    @Test("digits toggle kinds of event, 0 shows them all again, and the selection stays on its event")
    func kindFilters() {
        let model = ReviewFixture.model()
        let noNotes = run(model, keys(.character("1"))).0
        #expect(seqs(noNotes) == [1, 2, 3, 6, 7, 8, 9, 10])
        #expect(statusBar(noNotes).contains("steps+checks+status+commands"))
        let notesOnly = run(model, keys(.character("2"), .character("3"), .character("4"), .character("5"))).0
        #expect(seqs(notesOnly) == [4, 11])
        let commandsOnly = run(model, keys(.character("1"), .character("2"), .character("3"), .character("4"))).0
        #expect(seqs(commandsOnly) == [7])
        let selected = run(model, keys(.up, .up, .up, .character("1"))).0
        #expect(selectedSeq(selected) == 8)
        #expect(seqs(run(notesOnly, keys(.character("0"))).0) == seqs(model))
    }

    @Test("u filters by each actor in turn, then everyone again")
    func actorFilter() {
        let model = ReviewFixture.model()
        let alice = run(model, keys(.character("u"))).0
        #expect(seqs(alice) == [1, 3, 4, 6, 7, 8, 9, 10])
        #expect(statusBar(alice).contains("by alice"))
        let bob = run(alice, keys(.character("u"))).0
        #expect(seqs(bob) == [2, 11])
        #expect(seqs(run(bob, keys(.character("u"))).0) == seqs(model))
    }

    @Test(
        "/ searches case-insensitively from the selection, n and N go to the next and previous match, matches are highlighted"
    )
    func search() throws {
        let model = run(ReviewFixture.model(), keys(.character("g"))).0
        let found = run(model, keys(.character("/")) + typing("KUBECTL") + keys(.enter)).0
        #expect(selectedSeq(found) == 7)
        #expect(found.review?.query == "KUBECTL")
        let frame = view(found)
        let row = try #require(frame.textLines.firstIndex { $0.contains("ran: kubectl get hpa") })
        let x = try #require(displayColumn(of: "kubectl", in: frame.textLines[row]))
        #expect(frame[x, row].style.background == .yellow)
        let chinese = run(model, keys(.character("/")) + typing("客戶") + keys(.enter)).0
        #expect(selectedSeq(chinese) == 4)
        let next = run(chinese, keys(.character("n"))).0
        #expect(selectedSeq(next) == 11)
        #expect(selectedSeq(run(next, keys(.character("n"))).0) == 4)
        #expect(selectedSeq(run(chinese, keys(.character("N"))).0) == 11)
        let none = run(model, keys(.character("/")) + typing("database") + keys(.enter)).0
        #expect(none.notice?.text.contains("no match") == true)
        #expect(selectedSeq(none) == 1)
    }

    @Test("at the bottom, arriving events are followed without a key; the selection moves to the newest")
    func followsAtBottom() {
        let model = ReviewFixture.model()
        let first = ReviewFixture.arriving(
            .note(text: "回滾完成，CPU 降到 45%", pinned: false, commander: false), after: model)
        let (next, effects) = update(model, .eventsArrived([first]))
        #expect(effects.isEmpty)
        #expect(selectedSeq(next) == 13)
        #expect(next.review?.unseen == 0)
        #expect(view(next).textLines.contains { $0.contains("回滾完成") })
        #expect(!statusBar(next).contains("new"))
    }

    @Test("scrolled up, arriving events keep the reader's place and count as N new until End or G")
    func keepsPlaceWhenScrolledUp() {
        let model = run(ReviewFixture.model(), keys(.up, .up)).0
        #expect(selectedSeq(model) == 9)
        let first = ReviewFixture.arriving(.note(text: "第一則", pinned: false, commander: false), after: model)
        let second = Event(
            seq: first.seq + 1, recordedAt: first.recordedAt, actor: "alice", kind: .statusChanged(.resolved))
        let hidden = Event(
            seq: first.seq + 2, recordedAt: first.recordedAt, actor: "alice",
            kind: .exportWritten(path: "p.md", format: "markdown"))
        let arrived = update(model, .eventsArrived([first, second, hidden])).0
        #expect(selectedSeq(arrived) == 9)
        #expect(arrived.review?.unseen == 2)
        #expect(statusBar(arrived).contains("2 new"))
        #expect(arrived.incident?.state.status == .resolved)
        for key in [Key.end, .character("G")] {
            let bottom = run(arrived, keys(key)).0
            #expect(selectedSeq(bottom) == first.seq + 1)
            #expect(bottom.review?.unseen == 0)
            #expect(!statusBar(bottom).contains("new"))
        }
        let steppedDown = run(arrived, keys(.down, .down, .down, .down)).0
        #expect(steppedDown.review?.unseen == 0)
    }

    @Test("a annotates: a commander note by the reviewer, appended through the journal like any event")
    func annotation() {
        let model = ReviewFixture.model()
        let typed = run(model, keys(.character("a")) + typing("請 SRE 確認 DB 連線數")).0
        #expect(view(typed).textLines[22].contains("IC note: 請 SRE 確認 DB 連線數"))
        let (pending, effects) = update(typed, .terminal(.key(.enter)))
        let note = NewEvent(actor: "bob", kind: .note(text: "請 SRE 確認 DB 連線數", pinned: false, commander: true))
        #expect(effects == [.append(incidentID: ReviewFixture.id, events: [note])])
        #expect(pending.journal.label() == "saving…")
        let saved = answer(pending, effects.first)
        #expect(saved.journal.label() == "saved")
        #expect(selectedSeq(saved) == 13)
        #expect(view(saved).textLines.contains { $0.contains("[IC] note: 請 SRE 確認 DB 連線數") })
        let cancelled = run(model, keys(.character("a")) + typing("draft") + keys(.escape))
        #expect(cancelled.1.allSatisfy { $0.isEmpty })
        let empty = run(model, keys(.character("a"), .enter))
        #expect(empty.1.allSatisfy { $0.isEmpty })
    }

    @Test("p pins the selected event and unpins a pinned one; pinned events are marked")
    func pinning() {
        let model = ReviewFixture.model()
        let onStep = run(model, keys(.character("g"), .down, .down)).0
        #expect(selectedSeq(onStep) == 3)
        let (_, pin) = update(onStep, .terminal(.key(.character("p"))))
        #expect(
            pin == [
                .append(
                    incidentID: ReviewFixture.id,
                    events: [NewEvent(actor: "bob", kind: .pinChanged(seq: 3, pinned: true))])
            ])
        let onNote = run(onStep, keys(.down)).0
        #expect(view(onNote).textLines.contains { $0.hasPrefix("* ") && $0.contains("note: checkout") })
        let (_, unpin) = update(onNote, .terminal(.key(.character("p"))))
        #expect(
            unpin == [
                .append(
                    incidentID: ReviewFixture.id,
                    events: [NewEvent(actor: "bob", kind: .pinChanged(seq: 4, pinned: false))])
            ])
    }

    @Test("p on another machine's event pins it by writer and seq, not the event of the same seq in timeline.jsonl")
    func pinningAnotherMachinesEvent() {
        let laptop = Event(
            seq: 4, recordedAt: ReviewFixture.opened.addingTimeInterval(13.5 * 60), actor: "erin",
            kind: .note(text: "from the laptop", pinned: false, commander: false), writer: "laptop")
        let model = ReviewFixture.model(width: 100, events: ReviewFixture.events + [laptop])
        #expect(view(model).textLines.contains { $0.contains("#4@laptop") })
        let (_, pin) = update(model, .terminal(.key(.character("p"))))
        let pinning = EventKind.pinChanged(seq: 4, writer: "laptop", pinned: true)
        #expect(pin == [.append(incidentID: ReviewFixture.id, events: [NewEvent(actor: "bob", kind: pinning)])])
        let recorded = Event(seq: 14, recordedAt: ReviewFixture.now, actor: "bob", kind: pinning)
        let pinned = update(model, .eventsArrived([recorded])).0
        let lines = view(pinned).textLines
        #expect(lines.contains { $0.hasPrefix("* ") && $0.contains("from the laptop") })
        #expect(lines.contains { $0.hasPrefix("* ") && $0.contains("note: checkout") })
        #expect(!lines.contains { $0.hasPrefix("* ") && $0.contains("note: 請在") })
    }

    @Test("a filter keeps the selection on another machine's event, though a later event has a higher seq")
    func selectionKeptAcrossWriters() {
        let laptop = Event(
            seq: 9, recordedAt: ReviewFixture.opened.addingTimeInterval(7 * 60), actor: "erin",
            kind: .note(text: "from the laptop", pinned: false, commander: false), writer: "laptop")
        var events = ReviewFixture.events
        events.insert(laptop, at: 6)
        let model = ReviewFixture.model(width: 100, events: events)
        let onLaptop = run(model, keys(.character("g")) + Array(repeating: .terminal(.key(.down)), count: 5)).0
        #expect(selectedReviewEventText(onLaptop) == "from the laptop")
        let refiltered = run(onLaptop, keys(.character("s"))).0
        #expect(selectedReviewEventText(refiltered) == "from the laptop")
    }

    func selectedReviewEventText(_ model: AppModel) -> String? {
        guard let review = model.review, review.rows.indices.contains(review.cursor),
            case .note(let text, _, _) = model.incident?.events[review.rows[review.cursor]].kind
        else { return nil }
        return text
    }

    @Test("no other key writes to the journal")
    func readOnlyOtherwise() {
        let model = ReviewFixture.model()
        let others: [Key] = [
            .up, .down, .pageUp, .pageDown, .home, .end, .tab, .tab, .character("s"), .character("u"),
            .character("1"), .character("0"), .character("n"), .character("N"), .character("x"),
            .character(" "), .character("t"), .character("S"), .character("?"), .character("?"),
            .enter, .character("R"),
        ]
        let (_, effects) = run(model, others.map { .terminal(.key($0)) })
        #expect(effects.allSatisfy { $0.isEmpty })
        #expect(run(model, keys(.character("q"))).1 == [[.quit]])
    }

    @Test("Tab shows progress per runbook and the adherence summary, scrolled with j and k when it covers the table")
    func progressPane() {
        let model = run(ReviewFixture.model(), keys(.tab)).0
        let lines = view(model).textLines.joined(separator: "\n")
        #expect(lines.contains("steps: 2 done · 1 skipped · 2 not reached"))
        #expect(lines.contains("↷ diagnosis-2 檢查應用程式日誌 — skipped: 日誌已由值班 SRE 檢查"))
        #expect(lines.contains("verification: 1 checked · 2 open"))
        let scrolled = run(model, keys(.character("G"))).0
        #expect(view(scrolled).textLines.joined().contains("not in the runbook: kubectl get hpa -n shop"))
        #expect(selectedSeq(scrolled) == selectedSeq(model))
    }

    @Test("the progress pane lists ten ad-hoc commands and counts the rest; --plain lists them all")
    func progressPaneCountsManyAdHocCommands() {
        let adHoc = (1...14).map { index in
            Event(
                seq: ReviewFixture.events.count + index, recordedAt: ReviewFixture.now, actor: "alice",
                kind: .commandRan(
                    CommandRun(
                        command: "echo ad-hoc \(index)", exitCode: 0, durationSeconds: 0.1,
                        outputExcerpt: "")))
        }
        let events = ReviewFixture.events + adHoc
        let model = run(ReviewFixture.model(height: 60, events: events), keys(.tab, .character("G"))).0
        let screen = view(model).textLines.joined(separator: "\n")
        #expect(screen.contains("not in the runbook: echo ad-hoc 9"))
        #expect(!screen.contains("not in the runbook: echo ad-hoc 10"))
        #expect(screen.contains("… 5 more not in the runbook"))
        let plain = ReviewPlainText.render(
            incidentID: ReviewFixture.id, events: events, runbook: Fixtures.library.runbook, now: ReviewFixture.now,
            includeSystem: false)
        #expect(plain.contains("not in the runbook: echo ad-hoc 14"))
    }

    @Test(
        "pinned events are bold, commander notes have their own style, the selection is reversed, with or without color"
    )
    func styles() throws {
        for color in [true, false] {
            let model = ReviewFixture.model(color: color)
            let frame = view(model)
            let pinned = try #require(frame.textLines.firstIndex { $0.contains("note: checkout") })
            let commander = try #require(frame.textLines.firstIndex { $0.contains("[IC] note:") })
            let plain = try #require(frame.textLines.firstIndex { $0.contains("status → mitigated") })
            let x = try #require(displayColumn(of: "status", in: frame.textLines[plain]))
            #expect(frame[x, pinned].style.bold)
            #expect(!frame[x, plain].style.bold)
            #expect(frame[x, commander].style.reverse, "the newest row is selected")
            #expect(frame[x, commander].style.bold)
            #expect(color ? frame[x, commander].style.foreground == .magenta : frame[x, commander].style.underline)
        }
    }

    @Test("a late event merged before the selection keeps the selection on its event")
    func lateArrival() {
        let gap = ReviewFixture.events.filter { $0.seq != 6 }
        let model = run(ReviewFixture.model(events: gap), keys(.up)).0
        #expect(selectedSeq(model) == 10)
        let late = ReviewFixture.events.first { $0.seq == 6 }.map { [$0] } ?? []
        let merged = update(model, .eventsArrived(late)).0
        #expect(selectedSeq(merged) == 10)
        #expect(seqs(merged) == [1, 2, 3, 4, 6, 7, 8, 9, 10, 11])
        #expect(merged.review?.adherence.skipped.map(\.step) == ["diagnosis-2"])
        let session = merged.incident
        #expect(
            session.map { $0.state == IncidentState.fold($0.events) } == true, "the merged state is the journal's fold")
    }

    @Test("after a resize the selected event is still on screen")
    func resizeKeepsSelection() {
        let model = run(ReviewFixture.model(), keys(.character("g"))).0
        let small = update(model, .terminal(.resize(width: 40, height: 12))).0
        #expect(view(small).textLines.contains { $0.contains("opened") })
        let back = update(run(small, keys(.character("G"))).0, .terminal(.resize(width: 80, height: 24))).0
        #expect(view(back).textLines.contains { $0.contains("[IC] note: 請在 15 分鐘內更新客戶公告") })
    }

    @Test("the responder's timeline marks the commander's notes with [IC]")
    func responderTimelineShowsCommanderNotes() {
        let walkthrough = Fixtures.walkthrough()
        let note = Event(
            seq: 2, recordedAt: Fixtures.opened, actor: "bob",
            kind: .note(text: "請更新公告", pinned: false, commander: true))
        let model = run(update(walkthrough, .eventsArrived([note])).0, keys(.character("t"))).0
        #expect(view(model).textLines.contains { $0.contains("bob: [IC] note: 請更新公告") })
    }
}
