import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText

/// The walkthrough's keys: moving between items and recording what the responder does. Without an incident any
/// key goes back.
func walkthroughKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    guard model.incident != nil, model.progress != nil else { return back(model) }
    return walkthroughBindings.dispatch(model, key)
}

/// The walkthrough's key table, in the order the help overlay lists it. Rows that act on the runbook's items apply
/// only while the runbook is in the library; the screen already says when it is missing and that `r` switches.
let walkthroughBindings: [KeyBinding] = [
    KeyBinding(
        Move.lineKeys + [.control("b"), .control("f")] + Move.endKeys, "↑↓ j k", "ui.keys.previous_next_step_or_item",
        when: hasRunbook, moveCursor),
    KeyBinding([.character(" ")], "Space", "ui.keys.step_done_toggle_item", when: hasRunbook) { model, _ in
        markDone(model)
    },
    KeyBinding([.character("s")], "s", "ui.keys.skip_step_asks_why", when: hasRunbook) { model, _ in
        var model = model
        guard case .step(let step)? = currentItem(model) else {
            model.notice = Notice(text: model.tr("ui.notice.only_step_skipped"), isError: true)
            return (model, [])
        }
        model.overlay = .prompt(Prompt(purpose: .skipReason(stepKey: step.key), editor: LineEditor()))
        return (model, [])
    },
    KeyBinding([.character("n"), .character("N")], "n  N", "ui.keys.note_pinned_note") { model, key in
        var model = model
        model.overlay = .prompt(
            Prompt(
                purpose: .note(pinned: key == .character("N")), editor: LineEditor(keepsLineBreaks: true)))
        return (model, [])
    },
    KeyBinding([.character("S"), .character("P")], "S  P", "ui.keys.set_status_severity") { model, key in
        key == .character("S") ? statusPicker(model) : severityPicker(model)
    },
    KeyBinding([.character("e")], "e", "ui.keys.escalate_record_who", when: hasRunbook) { model, _ in
        guard let runbook = model.currentRunbook else { return (model, []) }
        return escalatePicker(model, runbook)
    },
    KeyBinding([.character("f")], "f", "ui.keys.feedback_on_this_step", when: hasRunbook) { model, _ in
        var model = model
        var stepKey: String?
        if case .step(let step)? = currentItem(model) { stepKey = step.key }
        model.overlay = .prompt(Prompt(purpose: .feedback(stepKey: stepKey), editor: LineEditor()))
        return (model, [])
    },
    KeyBinding([.tab, .backTab], "Tab S-Tab", "ui.keys.select_the_next_previous_command", when: hasRunbook) {
        model, key in
        guard case .step(let step)? = currentItem(model) else { return (model, []) }
        return cycleBlock(model, step, by: key == .tab ? 1 : -1)
    },
    KeyBinding([.character("y")], "y", "ui.keys.copy_the_selected_command", when: hasRunbook) { model, _ in
        var model = model
        guard let runbook = model.currentRunbook, case .step(let step)? = currentItem(model) else {
            model.notice = Notice(text: model.tr("ui.notice.no_command_to_copy"), isError: true)
            return (model, [])
        }
        return copySelectedBlock(model, step, ref(runbook, step))
    },
    KeyBinding(
        [.character("R")], "R", "ui.keys.run_the_selected_command_asks_first",
        when: canRunCommands
    ) { model, _ in
        var model = model
        guard let runbook = model.currentRunbook, case .step(let step)? = currentItem(model) else {
            model.notice = Notice(text: model.tr("ui.notice.only_step_command_runs"), isError: true)
            return (model, [])
        }
        return runSelectedBlock(model, step, ref(runbook, step))
    },
    KeyBinding([.character("o")], "o", "ui.keys.the_command_s_output", when: hasRunbook) { model, _ in
        showCommandOutput(model)
    },
    KeyBinding([.character("O")], "O", "ui.keys.outline_go_to_a_step_or_item", when: hasRunbook) { model, _ in
        guard let runbook = model.currentRunbook, let progress = model.progress, let session = model.incident else {
            return (model, [])
        }
        return outlinePicker(model, runbook, progress, cursor: session.cursor)
    },
    KeyBinding([.character("r")], "r", "ui.keys.switch_runbook") { model, _ in
        guard let progress = model.progress else { return (model, []) }
        return switchRunbookPicker(model, progress)
    },
    acknowledgePinnedNote,
    assignRole,
    KeyBinding([.character("t")], "t", "ui.keys.timeline") { model, _ in
        var model = model
        model.incident?.timelineScroll = 0
        model.screens.append(.timeline)
        return (model, [])
    },
    KeyBinding([.character("x")], "x", "ui.keys.export_postmortem") { model, _ in
        var model = model
        guard let session = model.incident else { return (model, []) }
        model.notice = Notice(text: model.tr("ui.notice.exporting"), isError: false)
        return (model, [.export(incidentID: session.id)])
    },
    KeyBinding(
        [.pageUp, .pageDown, .control("u"), .control("d")], "PgUp PgDn", "ui.keys.scroll_the_text", when: hasRunbook,
        scrollText),
    // The rows below are the ones the help overlay cuts first at 80×24: each is also said where it applies (the
    // bottom line names `d` and `R`, and `?` is how the help was opened).
    .back([.character("q"), .escape], "q", "ui.keys.back_incident_stays_open"),
    dismissArrivals,
    KeyBinding([.character("R")], "R", "ui.keys.retry_unsaved_events_when_any", when: hasUnsavedEvents) {
        model, _ in retryUnsaved(model)
    },
    .help,
]

/// The hint line under the walkthrough: while a command runs, its keys first; on a step with a command, the
/// command's keys; otherwise the incident's.
func walkthroughHints(_ model: AppModel) -> [KeyHint] {
    let note = KeyHint(.character("n"), "ui.hint.n_note")
    if model.commands.isRunning {
        return [
            KeyHint(.character("o"), "ui.hint.o_output"), KeyHint(.tab, "ui.hint.tab_block"),
            KeyHint(.character("y"), "ui.hint.y_copy"),
            note, .help,
        ]
    }
    if let blocks = model.currentStep?.codeBlocks, !blocks.isEmpty {
        return commandHints(blocks.count) + stepHints + [note, .help, .back]
    }
    return stepHints + [
        note, KeyHint(.character("S"), "ui.hint.s_status"), KeyHint(.character("t"), "ui.hint.t_timeline"),
        KeyHint(.character("x"), "ui.hint.x_export"), .help, .back,
    ]
}

/// A step's own keys, shown on the hint line and under the step's title.
let stepHints = [KeyHint(.character(" "), "ui.hint.space_done"), KeyHint(.character("s"), "ui.hint.s_skip")]

/// The walkthrough's keys for a step with code blocks; `Tab block` only when there is more than one.
func commandHints(_ count: Int) -> [KeyHint] {
    let copyAndRun = [KeyHint(.character("y"), "ui.hint.y_copy"), KeyHint(.character("R"), "ui.hint.r_run")]
    return (count > 1 ? [KeyHint(.tab, "ui.hint.tab_block")] : []) + copyAndRun
}

/// Whether the incident's runbook is in the library, which every key acting on its items needs.
private func hasRunbook(_ model: AppModel) -> Bool {
    model.currentRunbook != nil
}

/// The step or verification item under the cursor.
private func currentItem(_ model: AppModel) -> WalkthroughItem? {
    guard let session = model.incident, let items = model.currentRunbook?.walkthroughItems else { return nil }
    return items[safe: session.cursor]
}

private func moveCursor(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var session = model.incident, let items = model.currentRunbook?.walkthroughItems,
        let move = Move(key, page: 5)
    else { return (model, []) }
    session.cursor = move.apply(to: session.cursor, count: items.count)
    session.contentScroll = 0
    model.incident = session
    return (model, [])
}

/// Scrolls the step's text by half of its rows (the last one says "↓ more"): at most half of what is on screen
/// moves off it, so the rows that stay can move with the terminal's scroll region, as ncurses scrolls only a block
/// of rows at least as tall as the shift; otherwise it rewrites every row.
private func scrollText(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var session = model.incident else { return (model, []) }
    let halfPage = max(1, (WalkthroughLayout(model).contentHeight - 1) / 2)
    if key == .pageDown || key == .control("d") {
        session.contentScroll = min(maxContentScroll(model), session.contentScroll + halfPage)
    } else {
        session.contentScroll = max(0, session.contentScroll - halfPage)
    }
    model.incident = session
    return (model, [])
}

/// Space: a step is recorded done and the cursor moves on; a verification item is checked or unchecked.
private func markDone(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard var session = model.incident, let progress = model.progress, let runbook = model.currentRunbook else {
        return (model, [])
    }
    let items = runbook.walkthroughItems
    switch currentItem(model) {
    case .step(let step)?:
        if progress.isDone(runbook.id, step) {
            model.notice = Notice(text: model.tr("ui.notice.already_done"), isError: false)
            return (model, [])
        }
        session.cursor = min(items.count - 1, session.cursor + 1)
        session.contentScroll = 0
        model.incident = session
        return record(model, [.stepDone(ref(runbook, step))])
    case .check(let check)?:
        let ref = ChecklistRef(runbook: runbook.id, item: check.number, text: check.text)
        let checked = progress.isChecked(runbook.id, check)
        return record(model, [checked ? .checklistUnchecked(ref) : .checklistChecked(ref)])
    case nil:
        return (model, [])
    }
}

/// The journal's reference to a step of a runbook.
func ref(_ runbook: Runbook, _ step: Step) -> StepRef {
    StepRef(runbook: runbook.id, step: step.key, title: step.title)
}

/// Whether `R` runs a command: the runbook is in the library and nothing waits to be saved (then `R` retries).
private func canRunCommands(_ model: AppModel) -> Bool {
    hasRunbook(model) && model.journal.unsaved.isEmpty
}

/// Whether events wait to be saved, so that `R` retries them.
private func hasUnsavedEvents(_ model: AppModel) -> Bool {
    !model.journal.unsaved.isEmpty
}
