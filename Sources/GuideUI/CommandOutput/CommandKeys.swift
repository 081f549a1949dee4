import Alerts
import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText

// MARK: - Selecting, copying and starting a block

/// `Tab` / `Shift-Tab` in the walkthrough: the next or previous code block of the step, round the end.
func cycleBlock(_ model: AppModel, _ step: Step, by delta: Int) -> (AppModel, [Effect]) {
    var model = model
    let count = step.codeBlocks.count
    guard count > 0 else {
        model.notice = Notice(text: model.tr("ui.notice.no_command"), isError: true)
        return (model, [])
    }
    let current = model.commands.selected(in: step.key, count: count)
    model.commands.selectedStep = step.key
    model.commands.selectedBlock = ((current + delta) % count + count) % count
    // Scroll the step's text so that the selected block's title line and a few of its lines are in view.
    if var session = model.incident, let row = selectedBlockRow(model) {
        let height = WalkthroughLayout(model).contentHeight
        if row < session.contentScroll || row + min(3, height - 1) >= session.contentScroll + height {
            session.contentScroll = min(maxContentScroll(model), max(0, row - 1))
            model.incident = session
        }
    }
    return (model, [])
}

/// The step's selected code block, or nil when it has none.
func selectedBlock(_ model: AppModel, _ step: Step) -> CodeBlock? {
    let blocks = step.codeBlocks
    guard !blocks.isEmpty else { return nil }
    return blocks[model.commands.selected(in: step.key, count: blocks.count)]
}

/// `y`: the selected block onto the clipboard, recorded as copied; refused for a block that hides characters.
func copySelectedBlock(_ model: AppModel, _ step: Step, _ stepRef: StepRef) -> (AppModel, [Effect]) {
    var model = model
    guard let block = selectedBlock(model, step) else {
        model.notice = Notice(text: model.tr("ui.notice.no_command_to_copy"), isError: true)
        return (model, [])
    }
    if let refused = refusingHiddenCharacters(model, block, model.tr("ui.notice.not_copied")) { return (refused, []) }
    let command = sanitize(block.code, keepNewlines: true).trimmingScalars(in: .newlines)
    let (recorded, effects) = record(model, [.commandCopied(command: command, step: stepRef)])
    return (recorded, [.copyToClipboard(command)] + effects)
}

/// `R`: starts running the selected block: refused when the block hides characters, running is off or the block
/// is no-run, else its placeholders are asked for, then the final line is confirmed.
func runSelectedBlock(_ model: AppModel, _ step: Step, _ stepRef: StepRef) -> (AppModel, [Effect]) {
    var model = model
    guard let block = selectedBlock(model, step) else {
        model.notice = Notice(text: model.tr("ui.notice.no_command_to_run"), isError: true)
        return (model, [])
    }
    if let refused = refusingHiddenCharacters(model, block, model.tr("ui.notice.not_run")) { return (refused, []) }
    if model.commands.isRunning {
        model.notice = Notice(text: model.tr("ui.notice.already_running"), isError: true)
        return (model, [])
    }
    if let source = model.commandsDisabledBy {
        model.notice = Notice(text: model.tr("ui.notice.commands_disabled", ["source": source]), isError: true)
        return (model, [])
    }
    guard CommandTemplate.isRunnableKind(block) else {
        model.notice = Notice(text: model.tr("ui.notice.not_shell_block"), isError: true)
        return (model, [])
    }
    let template = CommandTemplate(block)
    guard template.isRunnable else {
        model.notice = Notice(
            text: model.tr("ui.notice.no_run_block", ["marker": CommandTemplate.noRunMarker]), isError: true)
        return (model, [])
    }
    return ask(model, CommandDraft(template: template, step: stepRef), from: 0)
}

/// The model with a notice refusing the block, when the block holds characters that a terminal acts on or does
/// not show (`hiddenCharacters(inCommand:)`): the screen could not show everything the shell would be given, so
/// the block is neither copied nor run. The step shows those characters escaped; the notice names them.
private func refusingHiddenCharacters(_ model: AppModel, _ block: CodeBlock, _ outcome: String) -> AppModel? {
    let hidden = hiddenCharacters(inCommand: block.code)
    guard !hidden.isEmpty else { return nil }
    var model = model
    model.notice = Notice(
        text: model.tr("ui.notice.hidden_characters", ["outcome": outcome, "characters": characterNames(hidden)]),
        isError: true)
    return model
}

/// The value last used for a placeholder in this incident, from its recorded runs, newest first; a value the
/// journal stored redacted is not what was typed, so it is passed over. Runbooks of different conventions spell
/// one value differently (`$NAMESPACE`, `<namespace>`, `[POD_NAME]`, `<pod-name>`), so a name written the same
/// way wins, then one equal in any case with `-` and `_` as one, as alert labels are matched.
func lastValue(_ model: AppModel, for name: String) -> String? {
    let runs = model.progress?.commandsRun.reversed() ?? []
    let usable = { (value: String) in !value.contains(Redactor.marker) }
    return runs.lazy.compactMap { $0.run.placeholders[name] }.first(where: usable)
        ?? runs.lazy.compactMap { AlertLabelValues.defaults(for: [name], labels: $0.run.placeholders)[name] }
        .first(where: usable)
}

/// The value a label of the incident's alerts gives a placeholder of the same name (`<namespace>` takes the
/// `namespace` label), from the first alert attached that has it: the alert names the thing that is failing, so
/// it is a better first offer than the runbook's generic default, and the responder can still change it.
func alertLabelValue(_ model: AppModel, for name: String) -> String? {
    model.progress?.alerts.lazy.compactMap { AlertLabelValues.defaults(for: [name], labels: $0.labels)[name] }
        .first
}

/// Opens the prompt for the placeholder at `index`, or the confirmation when every one has a value.
private func ask(_ model: AppModel, _ draft: CommandDraft, from index: Int) -> (AppModel, [Effect]) {
    var model = model
    let placeholders = draft.template.placeholders
    guard placeholders.indices.contains(index) else {
        return confirm(model, draft)
    }
    let placeholder = placeholders[index]
    let initial =
        draft.values[placeholder.name] ?? lastValue(model, for: placeholder.name)
        ?? alertLabelValue(model, for: placeholder.name) ?? placeholder.defaultValue ?? ""
    model.overlay = .command(.placeholder(draft, index: index, editor: LineEditor(initial)))
    return (model, [])
}

/// Opens the confirmation of the final line; a destructive line in a P0/P1 incident needs `yes` typed.
private func confirm(_ model: AppModel, _ draft: CommandDraft) -> (AppModel, [Effect]) {
    var model = model
    let severity = model.progress?.shownSeverity ?? .p2
    let typed = DestructiveCommand.requiresTypedConfirmation(draft.filled.commandLine, severity: severity)
    model.overlay = .command(.confirm(draft, typedYes: typed ? LineEditor() : nil))
    model.commands.confirmation = ConfirmationScroll()
    return (model, [])
}

/// Scrolls the confirmation's command, noting when its last line has been on screen.
private func scrollConfirmation(
    _ model: AppModel, _ draft: CommandDraft, typedYes: Bool, _ move: Move
) -> (AppModel, [Effect]) {
    var model = model
    let layout = ConfirmationLayout(model, draft, typedYes: typedYes)
    var scroll = model.commands.confirmation
    let top = layout.clamped(scroll.top)
    scroll.top =
        switch move {
        case .by(let delta): layout.clamped(top + delta)
        case .first: 0
        case .last: layout.clamped(layout.lines.count)
        }
    scroll.sawEnd = scroll.sawEnd || layout.showsEnd(from: scroll.top)
    model.commands.confirmation = scroll
    return (model, [])
}

/// Enter at the confirmation before the command's last line has been on screen: nothing runs, and the notice says
/// how to see the rest.
private func unseenLines(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    model.notice = Notice(text: model.tr("ui.notice.read_first"), isError: true)
    return (model, [])
}

/// Emits the run and opens the output pane.
private func start(_ model: AppModel, _ draft: CommandDraft) -> (AppModel, [Effect]) {
    var model = model
    guard let session = model.incident else { return (model, []) }
    let filled = draft.filled
    model.overlay = nil
    model.commands.pane = CommandPane(commandLine: filled.commandLine, startedAt: model.now)
    model.commands.quitWhenFinished = false
    if model.screen != .commandOutput { model.screens.append(.commandOutput) }
    let request = CommandRunRequest(
        commandLine: filled.commandLine, isScript: draft.template.isScript, step: draft.step,
        placeholders: draft.values, incidentID: session.id)
    return (model, [.runCommand(request)])
}

// MARK: - Dialogs

/// Keys in a command dialog: typing a placeholder's value, confirming the line, confirming a quit.
func commandDialogKey(_ model: AppModel, _ dialog: CommandDialog, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    switch dialog {
    case .placeholder(var draft, let index, var editor):
        switch key {
        case .escape:
            return notRun(model)
        case .enter:
            let value = editor.submitted
            guard !value.isEmpty, let placeholder = draft.template.placeholders[safe: index] else {
                model.notice = Notice(text: model.tr("ui.notice.type_value"), isError: true)
                return (model, [])
            }
            draft.values[placeholder.name] = value
            return ask(model, draft, from: index + 1)
        default:
            _ = editor.handle(key)
            model.overlay = .command(.placeholder(draft, index: index, editor: editor))
            return (model, [])
        }
    case .confirm(let draft, var typedYes?):
        // Only keys the `yes` editor has no use for scroll here.
        if [.up, .down, .pageUp, .pageDown].contains(key), let move = Move(key, page: model.height / 2) {
            return scrollConfirmation(model, draft, typedYes: true, move)
        }
        switch key {
        case .escape:
            return notRun(model)
        case .enter:
            guard confirmationSeen(model, draft, typedYes: true) else { return unseenLines(model) }
            guard typedYes.text.trimmingScalars(in: .whitespaces) == "yes" else {
                return notRun(model, because: model.tr("ui.notice.yes_not_typed"))
            }
            return start(model, draft)
        default:
            _ = typedYes.handle(key)
            model.overlay = .command(.confirm(draft, typedYes: typedYes))
            return (model, [])
        }
    case .confirm(let draft, nil):
        if let move = Move(key, page: model.height / 2) {
            return scrollConfirmation(model, draft, typedYes: false, move)
        }
        switch key {
        case .enter, .character("y"), .character("Y"):
            guard confirmationSeen(model, draft, typedYes: false) else { return unseenLines(model) }
            return start(model, draft)
        default:
            return notRun(model)
        }
    case .confirmQuit:
        model.overlay = nil
        guard key == .character("y") || key == .character("Y") else { return (model, []) }
        guard model.commands.isRunning else { return (model, [.quit]) }
        model.commands.quitWhenFinished = true
        model.commands.pane?.stopRequested = true
        model.notice = Notice(text: model.tr("ui.notice.stopping_then_quitting"), isError: false)
        return (model, [.cancelCommand])
    }
}

/// Closes the command dialog without running anything and says so, with the reason when there is one.
private func notRun(_ model: AppModel, because reason: String? = nil) -> (AppModel, [Effect]) {
    var model = model
    model.overlay = nil
    model.notice = Notice(
        text: reason.map { model.tr("ui.notice.not_run_because", ["reason": $0]) } ?? model.tr("ui.notice.not_run"),
        isError: false)
    return (model, [])
}

// MARK: - The output pane

/// Keys in the output pane; without a pane any key goes back.
func commandPaneKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    guard model.commands.pane != nil else { return back(model) }
    return commandOutputBindings.dispatch(model, key)
}

/// The output pane's key table, in the order the help overlay lists it. Ctrl-C reaches `interrupt` before any
/// dialog or screen (`handleKey`); its row here is the pane's meaning of it. The help has never listed `?`.
let commandOutputBindings: [KeyBinding] = [
    KeyBinding(Move.lineKeys, "↑↓ j k", "ui.keys.scroll_the_output", scrollOutput),
    KeyBinding(Move.pageKeys, "PgUp PgDn", "ui.keys.scroll_a_page", scrollOutput),
    KeyBinding(Move.endKeys, "g G", "ui.keys.oldest_newest", scrollOutput),
    KeyBinding([.control("c")], "Ctrl-C", "ui.keys.stop_the_command_not_the_guide") { model, _ in interrupt(model) },
    KeyBinding([.character("q"), .escape], "q Esc", "ui.keys.back_to_the_walkthrough_o_returns") { model, _ in
        var model = model
        if model.commands.pane?.isRunning == true {
            model.notice = Notice(
                text: model.tr("ui.notice.keeps_running"), isError: false)
        }
        return back(model)
    },
    dismissArrivals,
    KeyBinding([.character("?")], "?", nil, KeyBinding.help.action),
]

/// The hint line under the output pane.
let commandOutputHints: [KeyHint] = [
    KeyHint(.down, "ui.hint.scroll"), KeyHint(.control("c"), "ui.hint.ctrl_c_stop"), .back, .help,
]

/// Scrolls the output; the scroll counts lines up from the newest, so moving down goes toward the newest.
private func scrollOutput(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var pane = model.commands.pane, let move = Move(key, page: model.height / 2) else { return (model, []) }
    let top = maxOutputScroll(model)
    switch move {
    case .by(let delta): pane.scroll = min(top, max(0, pane.scroll - delta))
    case .first: pane.scroll = top
    case .last: pane.scroll = 0
    }
    model.commands.pane = pane
    return (model, [])
}

/// `o` in the walkthrough: the output pane of the running or last command again.
func showCommandOutput(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard model.commands.pane != nil else {
        model.notice = Notice(text: model.tr("ui.notice.nothing_ran"), isError: false)
        return (model, [])
    }
    model.overlay = nil
    model.screens.append(.commandOutput)
    return (model, [])
}

/// Ctrl-C: in the output pane it stops the running command and never quits; elsewhere it quits.
func interrupt(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard model.screen == .commandOutput else { return (model, [.quit]) }
    model.overlay = nil
    guard let pane = model.commands.pane, pane.isRunning else {
        model.notice = Notice(text: model.tr("ui.notice.command_ended"), isError: false)
        return (model, [])
    }
    guard !pane.stopRequested else { return (model, []) }
    model.commands.pane?.stopRequested = true
    model.notice = Notice(text: model.tr("ui.notice.stopping"), isError: false)
    return (model, [.cancelCommand])
}

/// A quit asked for by a key while a command runs becomes a question first.
func holdingQuitWhileRunning(_ answer: (AppModel, [Effect])) -> (AppModel, [Effect]) {
    var (model, effects) = answer
    guard model.commands.isRunning, effects.contains(.quit) else { return answer }
    effects.removeAll { $0 == .quit }
    model.overlay = .command(.confirmQuit)
    return (model, effects)
}

// MARK: - What the runtime reports

/// Output goes to the pane; the end is shown there and recorded in the journal like any event.
func commandResult(_ model: AppModel, _ update: CommandUpdate) -> (AppModel, [Effect]) {
    var model = model
    switch update {
    case .output(let text):
        model.commands.pane?.append(text)
        return (model, [])
    case .finished(let run, let summary):
        model.commands.pane?.isRunning = false
        model.commands.pane?.summary = summary
        model.commands.pane?.exitCode = run.exitCode
        model.commands.pane?.outputFile = run.outputFile
        if !model.commands.quitWhenFinished { model.notice = nil }
        let (recorded, effects) = record(model, [.commandRan(run)])
        return (recorded, effects + (model.commands.quitWhenFinished ? [.quit] : []))
    case .failedToStart(let reason):
        model.commands.pane?.isRunning = false
        let notStarted = model.tr("ui.command.not_started")
        model.commands.pane?.summary = notStarted
        model.notice = Notice(text: reason, isError: true)
        return (model, model.commands.quitWhenFinished ? [.quit] : [])
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
