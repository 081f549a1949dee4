import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

@Suite("walkthrough commands: selecting, copying, asking, confirming, running and recording")
struct CommandReducerTests {
    let incidentID = CommandFixtures.incidentID

    /// The confirmation's draft, or nil when the overlay is not one.
    func confirmation(_ model: AppModel) -> (CommandDraft, LineEditor?)? {
        guard case .command(.confirm(let draft, let typedYes))? = model.overlay else { return nil }
        return (draft, typedYes)
    }

    /// The placeholder prompt's token and text, or nil when the overlay is not one.
    func placeholderPrompt(_ model: AppModel) -> (name: String, text: String)? {
        guard case .command(.placeholder(let draft, let index, let editor))? = model.overlay else { return nil }
        return (draft.template.placeholders[index].name, editor.text)
    }

    func screenText(_ model: AppModel) -> String {
        view(model).textLines.joined(separator: "\n")
    }

    @Test("Tab and Shift-Tab cycle the step's code blocks round the ends, and the selected one is marked")
    func tabCyclesBlocks() {
        var model = CommandFixtures.walkthrough()
        #expect(screenText(model).contains("▶ [1/3] bash"))
        model = run(model, keys(.tab)).0
        #expect(model.commands.selectedBlock == 1)
        #expect(screenText(model).contains("▶ [2/3] bash"))
        model = run(model, keys(.tab, .tab)).0
        #expect(model.commands.selectedBlock == 0)
        model = run(model, keys(.backTab)).0
        #expect(model.commands.selectedBlock == 2)
        #expect(screenText(model).contains("▶ [3/3] bash · no-run"))
        #expect(view(model).textLines[23].contains("Tab block · y copy · R run"))
    }

    @Test("in a small terminal, selecting a block below the fold scrolls the step's text to it")
    func selectionScrollsIntoView() {
        let small = CommandFixtures.walkthrough(width: 40, height: 12)
        #expect(!screenText(small).contains("▶ [3/3]"))
        let model = run(small, keys(.backTab)).0
        #expect((model.incident?.contentScroll ?? 0) > 0)
        #expect(screenText(model).contains("▶ [3/3] bash · no-run"))
        let back = run(model, keys(.tab)).0
        #expect(screenText(back).contains("▶ [1/3] bash"))
    }

    @Test("another step starts at its first block")
    func otherStepStartsAtFirstBlock() {
        let model = run(CommandFixtures.walkthrough(), keys(.tab, .down)).0
        #expect(model.incident?.cursor == 1)
        #expect(!screenText(model).contains("▶"))
        #expect(screenText(model).contains("│ kubectl delete pod <pod-name> -n shop"))
        let back = run(model, keys(.up)).0
        #expect(screenText(back).contains("▶ [2/3] bash"))
    }

    @Test("y copies the selected block, not the first, and records commandCopied with the step")
    func copySelected() {
        let (_, effects) = run(CommandFixtures.walkthrough(), keys(.tab, .character("y")))
        let command = "kubectl logs -n ${NAMESPACE:-shop} <pod-name> --tail=50"
        #expect(
            effects.last == [
                .copyToClipboard(command),
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(
                            actor: "alice", kind: .commandCopied(command: command, step: CommandFixtures.firstStep))
                    ]),
            ])
    }

    @Test(
        "R asks for each placeholder with the last value used in this incident, confirms the filled line, then runs it")
    func placeholdersThenConfirmThenRun() throws {
        let earlier = CommandRun(
            command: "kubectl logs -n payments api-1 --tail=50", step: CommandFixtures.firstStep,
            placeholders: ["NAMESPACE": "payments", "pod-name": "api-1"], exitCode: 0, durationSeconds: 0.3,
            outputExcerpt: "ok")
        let latest = CommandRun(
            command: "kubectl logs -n payments api-2 --tail=50", step: CommandFixtures.firstStep,
            placeholders: ["pod-name": "api-2"], exitCode: 0, durationSeconds: 0.3, outputExcerpt: "ok")
        var model = CommandFixtures.walkthrough(events: [.commandRan(earlier), .commandRan(latest)])
        var effects: [[Effect]]
        (model, effects) = run(model, keys(.tab, .character("R")))
        #expect(effects.joined().isEmpty)
        #expect(placeholderPrompt(model)?.name == "NAMESPACE")
        #expect(placeholderPrompt(model)?.text == "payments")
        (model, _) = run(model, keys(.enter))
        #expect(placeholderPrompt(model)?.name == "pod-name")
        #expect(placeholderPrompt(model)?.text == "api-2")
        (model, _) = run(model, keys(.control("u")) + typing("api 3") + keys(.enter))
        let (draft, typedYes) = try #require(confirmation(model))
        #expect(typedYes == nil)
        #expect(draft.values == ["NAMESPACE": "payments", "pod-name": "api 3"])
        let screen = screenText(model)
        #expect(screen.contains("$ kubectl logs -n payments 'api 3' --tail=50"))
        #expect(screen.contains("quoted: pod-name"))

        (model, effects) = run(model, keys(.enter))
        #expect(
            effects.last == [
                .runCommand(
                    CommandRunRequest(
                        commandLine: "kubectl logs -n payments 'api 3' --tail=50", isScript: false,
                        step: CommandFixtures.firstStep,
                        placeholders: ["NAMESPACE": "payments", "pod-name": "api 3"], incidentID: incidentID))
            ])
        #expect(model.screen == .commandOutput)
        #expect(model.commands.isRunning)
    }

    @Test("a placeholder never used in this incident defaults to the value the command gives it")
    func commandDefault() {
        let model = run(CommandFixtures.walkthrough(), keys(.character("R"))).0
        #expect(placeholderPrompt(model)?.name == "NAMESPACE")
        #expect(placeholderPrompt(model)?.text == "shop")
    }

    @Test("Esc or n at the confirmation runs nothing")
    func cancelConfirmation() {
        let asked = run(CommandFixtures.walkthrough(), keys(.character("R"), .enter)).0
        #expect(confirmation(asked) != nil)
        for key in [Key.escape, .character("n")] {
            let (model, effects) = run(asked, keys(key))
            #expect(effects.joined().isEmpty)
            #expect(model.overlay == nil)
            #expect(model.screen == .walkthrough)
        }
        let (_, yes) = run(asked, keys(.character("y")))
        #expect(
            yes.last == [
                .runCommand(
                    CommandRunRequest(
                        commandLine: "kubectl get pods -n shop", isScript: false, step: CommandFixtures.firstStep,
                        placeholders: ["NAMESPACE": "shop"], incidentID: incidentID))
            ])
    }

    @Test("a no-run block is refused with a reason, and so is every block under --no-exec")
    func refusals() {
        let (noRun, noRunEffects) = run(CommandFixtures.walkthrough(), keys(.backTab, .character("R")))
        #expect(noRunEffects.joined().isEmpty)
        #expect(noRun.overlay == nil)
        #expect(noRun.notice?.text == "this block is marked `# respond: no-run`; copy it with y instead")
        #expect(screenText(noRun).contains("marked `# respond: no-run`"))

        let (disabled, disabledEffects) = run(
            CommandFixtures.walkthrough(disabledBy: "--no-exec"), keys(.character("R")))
        #expect(disabledEffects.joined().isEmpty)
        #expect(disabled.overlay == nil)
        #expect(disabled.notice?.text == "running commands is disabled (--no-exec); copy it with y instead")
        let (_, copied) = run(CommandFixtures.walkthrough(disabledBy: "--no-exec"), keys(.character("y")))
        #expect(copied.last?.first == .copyToClipboard("kubectl get pods -n ${NAMESPACE:-shop}"))
    }

    @Test("a destructive command on a P1 incident runs only after the word yes is typed; anything else cancels")
    func destructiveOnP1() throws {
        let asked = run(
            CommandFixtures.walkthrough(severity: .p1), keys(.down, .character("R")) + typing("web-1") + keys(.enter)
        ).0
        let (_, typedYes) = try #require(confirmation(asked))
        #expect(typedYes != nil)
        #expect(screenText(asked).contains("kubectl delete removes resources — type yes to run"))

        let (enterOnly, enterEffects) = run(asked, keys(.enter))
        #expect(enterEffects.joined().isEmpty)
        #expect(enterOnly.overlay == nil)
        let (typedY, yEffects) = run(asked, keys(.character("y"), .enter))
        #expect(yEffects.joined().isEmpty)
        #expect(typedY.notice?.text == "not run: the word yes was not typed")
        let (_, noEffects) = run(asked, typing("no") + keys(.enter))
        #expect(noEffects.joined().isEmpty)

        let (running, yesEffects) = run(asked, typing("yes") + keys(.enter))
        #expect(
            yesEffects.last == [
                .runCommand(
                    CommandRunRequest(
                        commandLine: "kubectl delete pod web-1 -n shop", isScript: false,
                        step: CommandFixtures.deleteStep,
                        placeholders: ["pod-name": "web-1"], incidentID: incidentID))
            ])
        #expect(running.screen == .commandOutput)
    }

    @Test("the incident's current severity counts: a P1 lowered to P3 confirms a destructive command with a key")
    func destructiveOnP3() throws {
        let model = CommandFixtures.walkthrough(severity: .p1, events: [.severityChanged(.p3)])
        let asked = run(model, keys(.down, .character("R")) + typing("web-1") + keys(.enter)).0
        let (_, typedYes) = try #require(confirmation(asked))
        #expect(typedYes == nil)
        #expect(screenText(asked).contains("kubectl delete removes resources"))
        let (_, effects) = run(asked, keys(.character("y")))
        #expect(
            effects.last == [
                .runCommand(
                    CommandRunRequest(
                        commandLine: "kubectl delete pod web-1 -n shop", isScript: false,
                        step: CommandFixtures.deleteStep,
                        placeholders: ["pod-name": "web-1"], incidentID: incidentID))
            ])
    }

    /// A model whose command is running in the output pane.
    func running() -> AppModel {
        run(CommandFixtures.walkthrough(), keys(.character("R"), .enter, .enter)).0
    }

    @Test("g scrolls the output to its oldest row even when lines wrap, and every key from there moves the view")
    func outputScrollsToOldest() {
        var model = running()
        let lines = (1...40).map { "line \($0) " + String(repeating: "x", count: 100) }
        model = run(model, [.command(.output(lines.joined(separator: "\n") + "\n"))]).0
        let oldest = run(model, keys(.character("g"))).0
        #expect(screenText(oldest).contains("line 1 "))
        let next = run(oldest, keys(.character("j"))).0
        #expect(screenText(next) != screenText(oldest))
        let newest = run(oldest, keys(.character("G"))).0
        #expect(screenText(newest).contains("line 40 "))
        #expect(!screenText(newest).contains("line 1 "))
    }

    @Test(
        "output appends to the pane line by line, controls shown escaped, and Ctrl-C stops the command, not the guide")
    func outputAndCtrlC() {
        var model = running()
        model = run(model, [.command(.output("NAME  READY\nweb-1 "))]).0
        model = run(model, [.command(.output("1/1\u{1B}[31m red\u{07}\nweb-2 0/1\n"))]).0
        #expect(model.commands.pane?.shownLines == ["NAME  READY", "web-1 1/1␛[31m red␇", "web-2 0/1"])
        let screen = screenText(model)
        #expect(screen.contains("web-1 1/1␛[31m red␇"))
        #expect(screen.contains("Ctrl-C stops"))

        let (stopping, effects) = run(model, keys(.control("c")))
        #expect(effects.last == [.cancelCommand])
        #expect(stopping.screen == .commandOutput)
        let (_, again) = run(stopping, keys(.control("c")))
        #expect(again.joined().isEmpty)
    }

    @Test("a finished command shows its exit and duration and appends commandRan; q then closes the pane")
    func finishedRecords() {
        let record = CommandRun(
            command: "kubectl get pods -n shop", step: CommandFixtures.firstStep, placeholders: ["NAMESPACE": "shop"],
            exitCode: 0, durationSeconds: 1.25, outputExcerpt: "web-1", outputFile: "commands/x.log")
        let (model, effects) = run(
            running(), [.command(.output("web-1\n")), .command(.finished(record, summary: "exit 0 · 1.2s"))])
        #expect(
            effects.last == [
                .append(incidentID: incidentID, events: [NewEvent(actor: "alice", kind: .commandRan(record))])
            ])
        #expect(!model.commands.isRunning)
        #expect(model.journal.label() == "saving…")
        #expect(screenText(model).contains("exit 0 · 1.2s · q closes · commands/x.log"))
        let saved = answer(model, effects.last?.first)
        #expect(saved.incident?.state.commandsRun.last?.run == record)
        let closed = run(saved, keys(.character("q"))).0
        #expect(closed.screen == .walkthrough)
    }

    @Test("q leaves a running command's pane for the walkthrough, and o shows it again")
    func leaveAndReturn() {
        let (walkthrough, effects) = run(running(), keys(.character("q")))
        #expect(effects.joined().isEmpty)
        #expect(walkthrough.screen == .walkthrough)
        #expect(walkthrough.commands.isRunning)
        #expect(walkthrough.notice?.text == "the command keeps running: o shows its output, Ctrl-C there stops it")
        #expect(view(run(walkthrough, keys(.tab)).0).textLines[23].contains("command running: o output"))
        let (pane, _) = run(walkthrough, keys(.character("o")))
        #expect(pane.screen == .commandOutput)
    }

    @Test("quitting while a command runs asks first; y stops it and quits once its end is recorded")
    func quitWhileRunning() {
        let (question, questionEffects) = run(running(), keys(.character("q"), .control("c")))
        #expect(questionEffects.joined().isEmpty)
        #expect(question.overlay == .command(.confirmQuit))
        #expect(screenText(question).contains("a command is still running"))
        let (stayed, stayEffects) = run(question, keys(.character("n")))
        #expect(stayEffects.joined().isEmpty)
        #expect(stayed.overlay == nil)
        #expect(stayed.commands.isRunning)

        let (stopping, stopEffects) = run(question, keys(.character("y")))
        #expect(stopEffects.last == [.cancelCommand])
        let record = CommandRun(
            command: "x", exitCode: nil, durationSeconds: 0.5, outputExcerpt: "", stoppedBecause: "cancelled")
        let (ended, endEffects) = run(stopping, [.command(.finished(record, summary: "cancelled · 0.5s"))])
        let recorded = [NewEvent(actor: "alice", kind: .commandRan(record))]
        // The quit waits for the journal to store the record: an unsaved record would ask first.
        #expect(endEffects.last == [.append(incidentID: incidentID, events: recorded)])
        #expect(update(ended, .journalAppended(Fixtures.stored(recorded, after: ended))).1 == [.quit])
    }

    @Test("a command that cannot start says why in the pane's place and records nothing")
    func failedToStart() {
        let (model, effects) = run(running(), [.command(.failedToStart(reason: "cannot start /bin/sh: No such file"))])
        #expect(effects.joined().isEmpty)
        #expect(!model.commands.isRunning)
        #expect(model.notice?.text == "cannot start /bin/sh: No such file")
    }
}
