import Foundation
import IncidentKit
import RunbookKit
import TerminalText

/// The walkthrough's keys: moving between items and recording what the responder does.
func walkthroughKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var session = model.incident, let progress = model.progress else { return back(model) }
    guard let runbook = model.currentRunbook else {
        // The screen already says the runbook is missing and that r switches; a notice would follow to the catalog.
        return key == .character("r") ? switchRunbookPicker(model, progress) : commonIncidentKey(model, key)
    }
    let items = runbook.walkthroughItems
    // Half of the text's rows (the last one says "↓ more"): at most half of what is on screen moves off it, so
    // the rows that stay can move with the terminal's scroll region, as ncurses scrolls only a block of rows at
    // least as tall as the shift; otherwise it rewrites every row.
    let halfPage = max(1, (WalkthroughLayout(model).contentHeight - 1) / 2)
    switch key {
    case .pageDown, .control("d"):
        session.contentScroll = min(maxContentScroll(model), session.contentScroll + halfPage)
        model.incident = session
        return (model, [])
    case .pageUp, .control("u"):
        session.contentScroll = max(0, session.contentScroll - halfPage)
        model.incident = session
        return (model, [])
    default:
        break
    }
    if let move = Move(key, page: 5) {
        session.cursor = move.apply(to: session.cursor, count: items.count)
        session.contentScroll = 0
        model.incident = session
        return (model, [])
    }
    let item = items.indices.contains(session.cursor) ? items[session.cursor] : nil
    switch key {
    case .character(" "):
        switch item {
        case .step(let step)?:
            if progress.isDone(runbook.id, step) {
                model.notice = Notice(text: "already done", isError: false)
                return (model, [])
            }
            session.cursor = min(items.count - 1, session.cursor + 1)
            session.contentScroll = 0
            model.incident = session
            return record(model, [.stepDone(ref(runbook, step))])
        case .check(let check)?:
            let ref = ChecklistRef(runbook: runbook.id, item: check.number, text: check.text)
            return record(model, [progress.isChecked(runbook.id, check) ? .checklistUnchecked(ref) : .checklistChecked(ref)])
        case nil:
            return (model, [])
        }
    case .character("s"):
        guard case .step(let step)? = item else {
            model.notice = Notice(text: "only a step can be skipped", isError: true)
            return (model, [])
        }
        model.overlay = .prompt(Prompt(purpose: .skipReason(stepKey: step.key), editor: LineEditor()))
    case .character("f"):
        var stepKey: String?
        if case .step(let step)? = item { stepKey = step.key }
        model.overlay = .prompt(Prompt(purpose: .feedback(stepKey: stepKey), editor: LineEditor()))
    case .tab, .backTab:
        guard case .step(let step)? = item else { return (model, []) }
        return cycleBlock(model, step, by: key == .tab ? 1 : -1)
    case .character("y"):
        guard case .step(let step)? = item else {
            model.notice = Notice(text: "this step has no command to copy", isError: true)
            return (model, [])
        }
        return copySelectedBlock(model, step, ref(runbook, step))
    case .character("R") where model.journal.unsaved.isEmpty:
        guard case .step(let step)? = item else {
            model.notice = Notice(text: "only a step's command can be run", isError: true)
            return (model, [])
        }
        return runSelectedBlock(model, step, ref(runbook, step))
    case .character("o"):
        return showCommandOutput(model)
    case .character("O"):
        return outlinePicker(model, runbook, progress, cursor: session.cursor)
    case .character("r"):
        return switchRunbookPicker(model, progress)
    case .character("e"):
        return escalatePicker(model, runbook)
    default:
        return commonIncidentKey(model, key)
    }
    return (model, [])
}

/// The incident's keys that do not depend on the runbook being in the library.
private func commonIncidentKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard let session = model.incident else { return (model, []) }
    switch key {
    case .character("n"):
        model.overlay = .prompt(Prompt(purpose: .note(pinned: false), editor: LineEditor(keepsLineBreaks: true)))
    case .character("N"):
        model.overlay = .prompt(Prompt(purpose: .note(pinned: true), editor: LineEditor(keepsLineBreaks: true)))
    case .character("S"):
        let statuses = IncidentStatus.allCases
        let current = model.progress?.status ?? .investigating
        model.overlay = .picker(Picker(
            purpose: .status, options: statuses.map(\.rawValue), values: statuses.map(\.rawValue),
            cursor: statuses.firstIndex(of: current) ?? 0))
    case .character("P"):
        let severities = Severity.allCases
        let current = model.progress?.shownSeverity ?? .p2
        model.overlay = .picker(Picker(
            purpose: .severity, options: severities.map { "\($0.rawValue)  \(severityMeaning($0))" },
            values: severities.map(\.rawValue), cursor: severities.firstIndex(of: current) ?? 0))
    case .character("t"):
        var session = session
        session.timelineScroll = 0
        model.incident = session
        model.screens.append(.timeline)
    case .character("x"):
        model.notice = Notice(text: "exporting the postmortem draft…", isError: false)
        return (model, [.export(incidentID: session.id)])
    case .character("R"):
        return retryUnsaved(model)
    default:
        return helpOrBack(model, key) ?? (model, [])
    }
    return (model, [])
}

/// What each severity means, shown in the severity picker.
func severityMeaning(_ severity: Severity) -> String {
    switch severity {
    case .p0: "critical: everything or most is down"
    case .p1: "major: a key feature is down or slow"
    case .p2: "minor: degraded, with a workaround"
    case .p3: "low: cosmetic or internal"
    }
}

/// The journal's reference to a step of a runbook.
func ref(_ runbook: Runbook, _ step: Step) -> StepRef {
    StepRef(runbook: runbook.id, step: step.key, title: step.title)
}

/// The outline as a picker: every step and verification item under its section, with its state, on the current one.
private func outlinePicker(_ model: AppModel, _ runbook: Runbook, _ progress: IncidentState, cursor: Int) -> (AppModel, [Effect]) {
    var model = model
    let items = runbook.walkthroughItems
    var options: [String] = []
    var values: [String] = []
    for group in runbook.outline {
        for index in group.items where items.indices.contains(index) {
            let entry = outlineEntry(items[index], runbook, progress, model.theme)
            options.append("\(group.name) \(entry.mark) \(entry.label)")
            values.append(String(index))
        }
    }
    guard !options.isEmpty else { return (model, []) }
    var picker = Picker(purpose: .goToItem, options: options, values: values)
    picker.cursor = values.firstIndex(of: String(cursor)) ?? 0
    model.overlay = .picker(picker)
    return (model, [])
}

private func switchRunbookPicker(_ model: AppModel, _ progress: IncidentState) -> (AppModel, [Effect]) {
    var model = model
    let others = model.library.entries.filter { $0.id != progress.runbook }
    guard !others.isEmpty else {
        model.notice = Notice(text: "the library has no other runbook", isError: true)
        return (model, [])
    }
    model.overlay = .picker(Picker(
        purpose: .switchRunbook, options: others.map { "\($0.title) (\($0.id))" }, values: others.map(\.id)))
    return (model, [])
}

/// The text recorded for "someone else", which opens a prompt for the name.
let someoneElse = "someone else…"

private func escalatePicker(_ model: AppModel, _ runbook: Runbook) -> (AppModel, [Effect]) {
    var model = model
    let contacts = runbook.escalation + model.library.emergencyContacts.filter { !runbook.escalation.contains($0) }
    let labels = contacts.map { "\($0.role): \($0.reach)" }
    model.overlay = .picker(Picker(purpose: .escalate, options: labels + [someoneElse], values: labels + [someoneElse]))
    return (model, [])
}

/// Carries out the choice made in a picker.
func choose(_ model: AppModel, _ purpose: Picker.Purpose, _ value: String) -> (AppModel, [Effect]) {
    var model = model
    switch purpose {
    case .status:
        guard let status = IncidentStatus(rawValue: value) else { return (model, []) }
        if status == .resolved, let runbook = model.currentRunbook, let progress = model.progress {
            let open = progress.openVerificationItems(of: runbook)
            if !open.isEmpty {
                model.overlay = .confirmResolve(openItems: open.map { "\($0.number). \($0.text)" })
                return (model, [])
            }
        }
        return record(model, [.statusChanged(status)])
    case .severity:
        guard let severity = Severity(rawValue: value) else { return (model, []) }
        return record(model, [.severityChanged(severity)])
    case .escalate:
        if value == someoneElse {
            model.overlay = .prompt(Prompt(purpose: .escalateOther, editor: LineEditor()))
            return (model, [])
        }
        return record(model, [.escalated(to: value)])
    case .switchRunbook:
        if var session = model.incident {
            session.cursor = 0
            session.contentScroll = 0
            model.incident = session
        }
        return record(model, [.runbookSwitched(runbook: value)])
    case .goToItem:
        if var session = model.incident, let index = Int(value) {
            session.cursor = index
            session.contentScroll = 0
            model.incident = session
        }
        return (model, [])
    }
}

/// Turns the text typed into a prompt into the event it stands for.
func submitPrompt(_ model: AppModel, _ purpose: Prompt.Purpose, _ text: String) -> (AppModel, [Effect]) {
    guard let progress = model.progress else { return (model, []) }
    switch purpose {
    case .note(let pinned):
        return record(model, [.note(text: text, pinned: pinned, commander: false)])
    case .skipReason(let stepKey):
        let step = model.currentRunbook?.steps.first { $0.key == stepKey }
        let stepRef = StepRef(runbook: progress.runbook, step: stepKey, title: step?.title ?? stepKey)
        var model = model
        if var session = model.incident, let count = model.currentRunbook?.walkthroughItems.count {
            session.cursor = min(max(0, count - 1), session.cursor + 1)
            session.contentScroll = 0
            model.incident = session
        }
        return record(model, [.stepSkipped(stepRef, reason: text)])
    case .feedback(let stepKey):
        return record(model, [.runbookFeedback(runbook: progress.runbook, step: stepKey, text: text)])
    case .escalateOther:
        return record(model, [.escalated(to: text)])
    }
}

/// Asks the runtime to append events by the actor; the status bar says `saving…` until the answer.
func record(_ model: AppModel, _ kinds: [EventKind]) -> (AppModel, [Effect]) {
    var model = model
    guard let session = model.incident else { return (model, []) }
    let events = kinds.map { NewEvent(actor: model.actor, kind: $0) }
    model.journal.pending.append(events)
    return (model, [.append(incidentID: session.id, events: events)])
}

/// Asks the runtime to append again the events whose append failed, as one append.
func retryUnsaved(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard let session = model.incident, !model.journal.unsaved.isEmpty else { return (model, []) }
    let events = model.journal.unsaved
    model.journal.unsaved = []
    model.journal.pending.append(events)
    return (model, [.append(incidentID: session.id, events: events)])
}
