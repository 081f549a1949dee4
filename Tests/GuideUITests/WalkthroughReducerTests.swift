import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalText
import TestSupport
import Testing

@Suite("walkthrough: what each key records, and when the screen says saved")
struct WalkthroughReducerTests {
    let incidentID = "2026-11-27-checkout-cpu"
    let firstStep = StepRef(runbook: "high-cpu-usage", step: "diagnosis-1", title: "確認高 CPU 的 Pod")

    func statusBar(_ model: AppModel) -> String {
        let frame = view(model)
        return frame.textLines[frame.height - 2]
    }

    @Test("Space on a step asks to append stepDone and shows saving… until the journal answers")
    func spaceMarksStepDone() {
        let model = Fixtures.walkthrough()
        #expect(statusBar(model).contains("saved"))
        let (pending, effects) = update(model, .terminal(.key(.character(" "))))
        let asked = [NewEvent(actor: "alice", kind: .stepDone(firstStep))]
        #expect(effects == [.append(incidentID: incidentID, events: asked)])
        #expect(pending.journal.label() == "saving…")
        #expect(statusBar(pending).contains("saving…"))
        #expect(!statusBar(pending).contains("saved"))
        #expect(pending.incident?.cursor == 1)

        let saved = answer(pending, effects.first)
        #expect(saved.journal.label() == "saved")
        #expect(statusBar(saved).contains("saved"))
        #expect(view(run(saved, keys(.character("O"))).0).textLines.contains { $0.contains("✓ 1. 確認高 CPU 的 Pod") })
    }

    @Test("a failed append shows the error and keeps the unsaved action on screen until R retries it")
    func failureKeepsActionVisible() {
        let (pending, effects) = update(Fixtures.walkthrough(), .terminal(.key(.character(" "))))
        let (failed, _) = update(pending, .journalFailed(reason: "No space left on device"))
        #expect(failed.journal.label() == "ERROR: No space left on device")
        // Kept with the time the responder acted (the last tick), which a later retry must not move.
        let unsaved = [NewEvent(actor: "alice", kind: .stepDone(firstStep), occurredAt: Fixtures.opened)]
        #expect(failed.journal.unsaved == unsaved)
        let lines = view(failed).textLines
        #expect(lines[22].contains("ERROR: No space left on device"))
        #expect(lines[23].contains("NOT SAVED: done: 確認高 CPU 的 Pod"))

        let (retrying, retry) = update(failed, .terminal(.key(.character("R"))))
        let asked = [NewEvent(actor: "alice", kind: .stepDone(firstStep))]
        #expect(effects == [.append(incidentID: incidentID, events: asked)])
        #expect(retry == [.append(incidentID: incidentID, events: unsaved)])
        #expect(retrying.journal.label() == "saving…")
        let saved = answer(retrying, retry.first)
        #expect(saved.journal.label() == "saved")
        #expect(saved.journal.unsaved.isEmpty)
    }

    @Test("a later success does not hide an earlier failure's unsaved events")
    func laterSuccessKeepsError() {
        var (model, first) = update(Fixtures.walkthrough(), .terminal(.key(.character(" "))))
        let second: [Effect]
        (model, second) = update(model, .terminal(.key(.character(" "))))
        model = update(model, .journalFailed(reason: "disk full")).0
        model = answer(model, second.first)
        #expect(first != second)
        #expect(model.journal.label() == "ERROR: disk full")
        #expect(model.journal.unsaved.count == 1)
    }

    @Test("s asks for a reason and records the skip with it; an empty reason is refused")
    func skipWithReason() {
        var (model, effects) = run(Fixtures.walkthrough(), keys(.character("s"), .enter))
        #expect(effects.joined().isEmpty)
        #expect(model.notice?.isError == true)
        (model, effects) = run(model, typing("已由 SRE 確認") + keys(.enter))
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(actor: "alice", kind: .stepSkipped(firstStep, reason: "已由 SRE 確認"))
                    ])
            ])
        #expect(model.overlay == nil)
    }

    @Test("n and N record a note and a pinned note, typed in Chinese")
    func notes() {
        let (_, plain) = run(Fixtures.walkthrough(), keys(.character("n")) + typing("重啟 checkout 後恢復") + keys(.enter))
        #expect(
            plain.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(actor: "alice", kind: .note(text: "重啟 checkout 後恢復", pinned: false, commander: false))
                    ])
            ])
        let (_, pinned) = run(Fixtures.walkthrough(), keys(.character("N")) + typing("客戶受影響") + keys(.enter))
        #expect(
            pinned.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(actor: "alice", kind: .note(text: "客戶受影響", pinned: true, commander: false))
                    ])
            ])
    }

    @Test("Esc cancels a note without recording anything")
    func escCancels() {
        let (model, effects) = run(Fixtures.walkthrough(), keys(.character("n")) + typing("draft") + keys(.escape))
        #expect(effects.joined().isEmpty)
        #expect(model.overlay == nil)
    }

    @Test("a note typed with escape sequences is recorded with them shown, not obeyed")
    func noteSanitized() {
        let (_, effects) = run(Fixtures.walkthrough(), keys(.character("n")) + typing("ok\u{1B}[2Jdone") + keys(.enter))
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(actor: "alice", kind: .note(text: "ok␛[2Jdone", pinned: false, commander: false))
                    ])
            ])
    }

    @Test("S sets the status through a picker")
    func status() {
        let (_, effects) = run(Fixtures.walkthrough(), keys(.character("S"), .down, .down, .enter))
        #expect(
            effects.last == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .statusChanged(.mitigated))])
            ])
    }

    @Test("resolving with unchecked verification items asks first and names them")
    func resolveAsks() {
        let (asking, effects) = run(Fixtures.walkthrough(), keys(.character("S"), .character("G"), .enter))
        #expect(effects.joined().isEmpty)
        #expect(
            asking.overlay
                == .confirmResolve(openItems: ["1. CPU 使用率低於 70%", "2. API p99 回應時間 < 500ms", "3. 沒有新的 error log"]))
        let screen = view(asking).textLines.joined(separator: "\n")
        #expect(screen.contains("3 verification item(s) still open"))
        #expect(screen.contains("API p99 回應時間 < 500ms"))

        let (_, cancelled) = run(asking, keys(.character("n")))
        #expect(cancelled.joined().isEmpty)
        let (_, confirmed) = run(asking, keys(.character("y")))
        #expect(
            confirmed.last == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .statusChanged(.resolved))])
            ])
    }

    @Test("resolving with every item checked needs no confirmation")
    func resolveWhenChecked() {
        var model = Fixtures.walkthrough()
        model = run(model, keys(.character("G"))).0
        for _ in 0..<3 {
            let (next, effects) = update(model, .terminal(.key(.character(" "))))
            model = answer(next, effects.first)
            model = update(model, .terminal(.key(.character("k")))).0
        }
        let (_, effects) = run(model, keys(.character("S"), .character("G"), .enter))
        #expect(
            effects.last == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .statusChanged(.resolved))])
            ])
    }

    @Test("Space toggles a verification item: checked, then unchecked")
    func toggleChecklist() {
        var model = run(Fixtures.walkthrough(), keys(.character("G"))).0
        let item = ChecklistRef(runbook: "high-cpu-usage", item: 3, text: "沒有新的 error log")
        var (next, effects) = update(model, .terminal(.key(.character(" "))))
        #expect(
            effects == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .checklistChecked(item))])
            ])
        model = answer(next, effects.first)
        (next, effects) = update(model, .terminal(.key(.character(" "))))
        #expect(
            effects == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .checklistUnchecked(item))])
            ])
    }

    @Test("P changes the severity")
    func severity() {
        let (_, effects) = run(Fixtures.walkthrough(), keys(.character("P"), .up, .enter))
        #expect(
            effects.last == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .severityChanged(.p0))])
            ])
    }

    @Test("e offers the runbook's contacts and the emergency contacts, and records who was contacted")
    func escalate() {
        let (model, _) = run(Fixtures.walkthrough(), keys(.character("e")))
        guard case .picker(let picker)? = model.overlay else {
            Issue.record("no picker")
            return
        }
        #expect(
            picker.options == [
                "L2 Support: #platform-oncall", "SRE Lead: +886-2-1234-5678",
                "Incident Commander: #incident-command", "someone else…",
            ])
        let (_, effects) = run(model, keys(.down, .enter))
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(actor: "alice", kind: .escalated(to: "SRE Lead: +886-2-1234-5678"))
                    ])
            ])
        let (_, other) = run(model, keys(.character("G"), .enter) + typing("王小明 (DBA)") + keys(.enter))
        #expect(
            other.last == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .escalated(to: "王小明 (DBA)"))])
            ])
    }

    @Test("f records feedback on the current step")
    func feedback() {
        let (_, effects) = run(
            Fixtures.walkthrough(), keys(.character("j"), .character("f")) + typing("grep 少了 -i") + keys(.enter))
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(
                            actor: "alice",
                            kind: .runbookFeedback(runbook: "high-cpu-usage", step: "diagnosis-2", text: "grep 少了 -i"))
                    ])
            ])
    }

    @Test("r switches runbook within the incident and starts at its first step")
    func switchRunbook() {
        var (model, effects) = run(Fixtures.walkthrough(), keys(.character("j"), .character("r"), .enter))
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [NewEvent(actor: "alice", kind: .runbookSwitched(runbook: "cache-issues"))])
            ])
        model = answer(model, effects.last?.first)
        #expect(model.incident?.cursor == 0)
        #expect(view(model).textLines[0].contains("Cache Issues"))
    }

    @Test("y copies the step's command and records the copy")
    func copy() {
        let (_, effects) = run(Fixtures.walkthrough(), keys(.character("y")))
        let command = "kubectl top pods -n shop --sort-by=cpu | head -20"
        #expect(
            effects.last == [
                .copyToClipboard(command),
                .append(
                    incidentID: incidentID,
                    events: [NewEvent(actor: "alice", kind: .commandCopied(command: command, step: firstStep))]),
            ])
    }

    @Test("x exports and the path is shown when written")
    func export() {
        let (model, effects) = run(Fixtures.walkthrough(), keys(.character("x")))
        #expect(effects.last == [.export(incidentID: incidentID)])
        let (done, _) = update(model, .exported(path: "incidents/2026-11-27-checkout-cpu/postmortem.md"))
        #expect(view(done).textLines[23].contains("postmortem draft: incidents/2026-11-27-checkout-cpu/postmortem.md"))
        let (failed, _) = update(model, .exportFailed(reason: "permission denied"))
        #expect(view(failed).textLines[23].contains("export failed: permission denied"))
    }

    @Test("the elapsed time follows the ticks; the model never reads the clock")
    func elapsedTicks() {
        let (model, _) = update(Fixtures.walkthrough(), .tick(now: Fixtures.opened.addingTimeInterval(3_723)))
        #expect(statusBar(model).contains("1:02:03"))
    }

    @Test("after 30 minutes without a status update the status bar nudges, highlighted")
    func statusNudge() throws {
        let early = update(Fixtures.walkthrough(), .tick(now: Fixtures.opened.addingTimeInterval(29 * 60))).0
        #expect(statusBar(early).contains("upd 29m ago"))
        let late = update(early, .tick(now: Fixtures.opened.addingTimeInterval(31 * 60))).0
        let frame = view(late)
        let line = frame.textLines[22]
        #expect(line.contains("no update for 31m"))
        let column = try #require(displayColumn(of: "no update", in: line))
        #expect(frame[column, 22].style.background == .yellow)
    }

    @Test("an incident on a runbook the library lacks says so on its screen, r switches, and q leaves no error behind")
    func missingRunbook() {
        let model = update(
            Fixtures.model(), .incidentOpened(id: "2026-11-27-gone", events: [Fixtures.openedEvent(runbook: "gone")])
        ).0
        #expect(view(model).textLines.contains { $0.contains("runbook \"gone\" is not in this library") })
        let afterKeys = run(model, keys(.character("j"), .character(" "))).0
        #expect(afterKeys.incident?.events.count == 1)
        if case .picker(let picker)? = run(model, keys(.character("r"))).0.overlay {
            #expect(picker.purpose == .switchRunbook)
        } else {
            Issue.record("r did not offer the other runbooks")
        }
        let catalog = run(afterKeys, keys(.character("q"))).0
        #expect(catalog.screen == .catalog)
        #expect(catalog.notice == nil)
    }

    @Test("events appended by another process appear, once each")
    func eventsArrive() {
        let model = Fixtures.walkthrough()
        let foreign = Event(
            seq: 2, recordedAt: Fixtures.opened, actor: "bob",
            kind: .stepDone(StepRef(runbook: "high-cpu-usage", step: "diagnosis-2", title: "檢查應用程式日誌")))
        let (once, _) = update(model, .eventsArrived([foreign]))
        let (twice, _) = update(once, .eventsArrived([foreign]))
        #expect(twice.incident?.events.count == 2)
        #expect(view(run(twice, keys(.character("O"))).0).textLines.contains { $0.contains("✓ 2. 檢查應用程式日誌") })
    }

    @Test("q leaves the walkthrough for the catalog without closing the incident; q there quits")
    func quitting() {
        let (model, effects) = run(Fixtures.walkthrough(), keys(.character("q")))
        #expect(effects.joined().isEmpty)
        #expect(model.screen == .catalog)
        #expect(run(model, keys(.character("q"))).1.last == [.quit])
        #expect(run(Fixtures.walkthrough(), keys(.control("c"))).1.last == [.quit])
    }

    @Test("t opens the timeline and q returns to the walkthrough")
    func timeline() {
        let (model, _) = run(Fixtures.walkthrough(), keys(.character("t")))
        #expect(model.screen == .timeline)
        #expect(run(model, keys(.character("q"))).0.screen == .walkthrough)
    }

    @Test("j and k, arrows alike, move between steps and checklist items, within bounds")
    func movement() {
        var model = Fixtures.walkthrough()
        model = run(model, keys(.down, .character("j"), .up)).0
        #expect(model.incident?.cursor == 1)
        model = run(model, keys(.character("k"), .character("k"), .up)).0
        #expect(model.incident?.cursor == 0)
        model = run(model, keys(.character("G"), .down)).0
        #expect(model.incident?.cursor == 7)
    }
}

@Suite("walkthrough text scrolling and screen robustness")
struct ScrollAndRobustnessTests {
    @Test("PgDn scrolls a long step's text without moving to another step, and stops at its end")
    func pageDown() {
        var model = Fixtures.walkthrough(width: 40, height: 12)
        #expect(view(model).textLines.contains { $0.contains("↓ more: PgDn") })
        model = run(model, keys(.pageDown, .pageDown, .pageDown, .pageDown)).0
        #expect(model.incident?.cursor == 0)
        #expect(!view(model).textLines.contains { $0.contains("↓ more: PgDn") })
        #expect(view(model).textLines.contains { $0.contains("node 層級的使用率") })
        model = run(model, keys(.pageUp, .pageUp, .pageUp, .pageUp)).0
        #expect(model.incident?.contentScroll == 0)
    }

    @Test(
        "every screen at every size from 40×12 up fits its rows and never leaves half a wide character",
        arguments: [(40, 12), (41, 13), (57, 15), (63, 20), (64, 20), (79, 23), (80, 24), (100, 30), (132, 50)])
    func everySize(width: Int, height: Int) {
        var model = Fixtures.walkthrough(width: width, height: height)
        let screens: [[Message]] = [
            [], keys(.character("?")), keys(.character("t")),
            keys(.character("n")) + typing("寬字元測試寬字元測試寬字元測試寬字元測試寬字元測試"),
            keys(.escape, .character("e")), keys(.escape, .character("G")),
            keys(.character("q"), .character("/")) + typing("使用"),
            keys(.escape, .enter), keys(.escape, .character("o")),
        ]
        for messages in screens {
            model = run(model, messages).0
            let frame = view(model)
            for row in 0..<frame.height {
                #expect(displayWidth(of: frame.textLines[row]) == width)
                for column in 0..<frame.width where frame[column, row].isContinuation {
                    #expect(
                        column > 0 && displayWidth(of: frame[column - 1, row].symbol) == 2,
                        "orphan continuation at \(column),\(row) on \(model.screen)")
                }
            }
        }
    }

    @Test("escape sequences in a runbook never reach the frame: they are drawn escaped")
    func hostileRunbook() {
        var hostile = Fixtures.cpuRunbook
        hostile.steps[0].title = "pwn\u{1B}]52;c;ZXZpbA==\u{7}ed\u{1B}[2J"
        hostile.steps[0].body = [
            .paragraph([.text("a\u{1B}[31mred\u{9B}0m\tb")]),
            .code(CodeBlock(language: "", code: "echo \u{1B}P1$r\u{1B}\\ok\n", location: Fixtures.location)),
        ]
        let library = Library(categories: Fixtures.categories, runbooks: [hostile], search: { _ in [] })
        var model = AppModel(
            library: library, actor: "eve\u{1B}[8m", colorEnabled: true, width: 80, height: 24, now: Fixtures.opened)
        model = update(model, .incidentOpened(id: "inc\u{7}", events: [Fixtures.openedEvent()])).0
        let frame = view(model)
        let text = frame.textLines.joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("pwn␛]52;c;ZXZpbA==␇ed␛[2J"))
        #expect(text.contains("a␛[31mred\\u{9B}0m   b"))
        #expect(text.contains("echo ␛P1$r␛\\ok"))
        #expect(text.contains("inc␇"))
        #expect(text.contains("eve␛[8m"))
    }
}
