import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

@Suite("quitting with events the journal has not stored: ask, retry, rescue, or discard after typing it")
struct UnsavedQuitReducerTests {
    let incidentID = "2026-11-27-checkout-cpu"
    let firstStep = StepRef(runbook: "high-cpu-usage", step: "diagnosis-1", title: "確認高 CPU 的 Pod")
    var stepDone: NewEvent { NewEvent(actor: "alice", kind: .stepDone(firstStep)) }

    /// The walkthrough with one step done whose append failed, at `failedAt`, back on the catalog.
    func unsavedOnCatalog(failedAt: Date = Fixtures.opened.addingTimeInterval(42)) -> AppModel {
        var (model, _) = run(Fixtures.walkthrough(), keys(.character(" ")))
        model = update(model, .tick(now: failedAt)).0
        model = update(model, .journalFailed(reason: "disk full writing timeline.jsonl")).0
        model = update(model, .terminal(.key(.character("q")))).0
        #expect(model.screen == .catalog)
        return model
    }

    func isQuestion(_ model: AppModel) -> Bool {
        if case .unsavedQuit? = model.overlay { return true }
        return false
    }

    @Test("q with unsaved events asks instead of quitting, and names them and why; Esc stays")
    func asks() {
        let model = unsavedOnCatalog()
        let (asking, effects) = update(model, .terminal(.key(.character("q"))))
        #expect(effects.isEmpty)
        #expect(isQuestion(asking))
        let screen = view(asking).textLines.joined(separator: "\n")
        #expect(screen.contains("quit? 1 event not saved"))
        #expect(screen.contains("disk full writing timeline.jsonl"))
        #expect(screen.contains("rescue file"))
        let narrow = view(update(asking, .terminal(.resize(width: 40, height: 12))).0).textLines.joined(separator: "\n")
        #expect(narrow.contains("quit? 1 event not saved"))
        #expect(narrow.contains("type discard"))
        let (stayed, stayEffects) = update(asking, .terminal(.key(.escape)))
        #expect(stayEffects.isEmpty)
        #expect(stayed.overlay == nil)
        #expect(stayed.journal.unsaved == asking.journal.unsaved)
    }

    @Test("Enter discards only after the word discard is typed; an r typed in it is a letter, not a retry")
    func discardOnlyAfterTyping() {
        var (model, effects) = run(unsavedOnCatalog(), keys(.character("q"), .enter))
        #expect(effects.joined().isEmpty)
        #expect(isQuestion(model))
        #expect(model.journal.unsaved.count == 1)
        (model, effects) = run(model, typing("discurd") + keys(.enter))
        #expect(effects.joined().isEmpty)
        #expect(model.journal.unsaved.count == 1)
        (model, effects) = run(model, keys(.control("u")) + typing("discard") + keys(.enter))
        #expect(effects.dropLast().joined().isEmpty)
        #expect(effects.last == [.quit])
    }

    @Test("R retries and quits once the journal stores them; a retry that fails asks again")
    func retryThenQuit() {
        var (model, effects) = run(unsavedOnCatalog(), keys(.character("q"), .character("R")))
        guard case .append(let id, let events)? = effects.last?.first else {
            Issue.record("R did not retry: \(effects)")
            return
        }
        #expect(id == incidentID)
        #expect(events.map(\.kind) == [stepDone.kind])
        #expect(model.overlay == nil)
        #expect(!(effects.last ?? []).contains(.quit))
        let (failedAgain, failedEffects) = update(model, .journalFailed(reason: "still full"))
        #expect(failedEffects.isEmpty)
        #expect(isQuestion(failedAgain))
        (model, effects) = run(model, [.journalAppended(Fixtures.stored(events, after: model))])
        #expect(effects.last == [.quit])
    }

    @Test("W writes them to a rescue file, numbered after the last stored event, and quits once it is written")
    func rescueThenQuit() {
        var (model, effects) = run(unsavedOnCatalog(), keys(.character("q"), .character("w")))
        let unsaved = model.journal.unsaved
        #expect(effects.last == [.rescue(incidentID: incidentID, events: unsaved, afterSeq: 1)])
        let (failed, failedEffects) = update(model, .rescueFailed(reason: "read-only file system"))
        #expect(failedEffects.isEmpty)
        #expect(failed.journal.unsaved == unsaved)
        #expect(failed.notice?.text.contains("nothing was dropped") == true)
        (model, effects) = run(model, [.rescued(path: "/home/incidents/x/timeline.rescue-20261127T001500Z.jsonl")])
        #expect(effects.last == [.quit])
        #expect(model.journal.notSaved.isEmpty)
    }

    @Test("Ctrl-C with unsaved events writes the rescue file without asking")
    func interruptRescues() {
        let model = unsavedOnCatalog()
        let (rescuing, effects) = update(model, .terminal(.key(.control("c"))))
        #expect(!isQuestion(rescuing))
        #expect(effects == [.rescue(incidentID: incidentID, events: model.journal.unsaved, afterSeq: 1)])
    }

    @Test("a failed event keeps when the responder acted, so a retry or a rescue file does not move it")
    func failedEventsKeepTheirTime() {
        let failedAt = Fixtures.opened.addingTimeInterval(42)
        let model = unsavedOnCatalog(failedAt: failedAt)
        #expect(model.journal.unsaved == [NewEvent(actor: "alice", kind: stepDone.kind, occurredAt: failedAt)])
    }

    @Test("q while an append is still waiting for the journal quits once it is stored, and asks if it fails")
    func quitWaitsForPending() {
        var (model, effects) = run(Fixtures.walkthrough(), keys(.character(" "), .character("q"), .character("q")))
        let appended = effects.first?.first
        #expect(effects.dropFirst().joined().isEmpty)
        #expect(model.journal.label() == "saving…")
        #expect(model.notice?.text.contains("waiting for the journal") == true)
        let (failed, failedEffects) = update(model, .journalFailed(reason: "locked"))
        #expect(failedEffects.isEmpty)
        #expect(isQuestion(failed))
        guard case .append(_, let events)? = appended else {
            Issue.record("no append: \(effects)")
            return
        }
        (model, effects) = run(model, [.journalAppended(Fixtures.stored(events, after: model))])
        #expect(effects.last == [.quit])
    }

    @Test("Ctrl-C while an append waits for the lock rescues it too")
    func interruptRescuesPending() {
        let (model, _) = run(Fixtures.walkthrough(), keys(.character(" ")))
        let (_, effects) = update(model, .terminal(.key(.control("c"))))
        #expect(effects == [.rescue(incidentID: incidentID, events: [stepDone], afterSeq: 1)])
    }

    @Test("with everything saved, q and Ctrl-C quit at once")
    func quitsWhenSaved() {
        let (model, effects) = run(Fixtures.walkthrough(), keys(.character(" ")))
        let saved = answer(model, effects.first?.first)
        #expect(update(saved, .terminal(.key(.control("c")))).1 == [.quit])
        let (catalog, _) = update(saved, .terminal(.key(.character("q"))))
        #expect(update(catalog, .terminal(.key(.character("q")))).1 == [.quit])
    }

    @Test("starting or resuming an incident from the catalog waits until the open one's unsaved events are kept")
    func noSwitchWhileUnsaved() {
        let model = unsavedOnCatalog()
        let (starting, startEffects) = run(model, keys(.enter, .enter))
        #expect(startEffects.joined().isEmpty)
        #expect(starting.journal.unsaved == model.journal.unsaved)
        #expect(starting.notice?.text.contains("not saved: q then R retries or W rescues them first") == true)
        let (resuming, resumeEffects) = run(
            model,
            keys(.character("o")) + [
                .openIncidentsListed([
                    IncidentSummary(
                        id: "other", journalPath: "/incidents/other/timeline.jsonl", title: "t", severity: .p2,
                        status: .investigating, runbook: "high-cpu-usage", drill: false, openedAt: Fixtures.opened,
                        lastEventAt: Fixtures.opened, closed: false, eventCount: 1)
                ])
            ] + keys(.enter))
        #expect(!resumeEffects.joined().contains { if case .loadIncident = $0 { true } else { false } })
        #expect(resuming.journal.unsaved == model.journal.unsaved)
    }
}
