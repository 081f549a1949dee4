import IncidentModel
import Localization
import RunbookKit

/// The outline as a picker: every step and verification item under its section, with its state, on the current one.
func outlinePicker(_ model: AppModel, _ runbook: Runbook, _ progress: IncidentState, cursor: Int) -> (
    AppModel, [Effect]
) {
    var model = model
    let items = runbook.walkthroughItems
    var options: [String] = []
    var values: [String] = []
    for group in runbook.outline(model.localizer) {
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

/// The runbooks of the library other than the incident's, as a picker; a notice when there is none.
func switchRunbookPicker(_ model: AppModel, _ progress: IncidentState) -> (AppModel, [Effect]) {
    var model = model
    let others = model.library.entries.filter { $0.id != progress.runbook }
    guard !others.isEmpty else {
        model.notice = Notice(text: model.tr("ui.notice.no_other_runbook"), isError: true)
        return (model, [])
    }
    model.overlay = .picker(
        Picker(
            purpose: .switchRunbook, options: others.map { "\($0.title) (\($0.id))" }, values: others.map(\.id)))
    return (model, [])
}

/// The value of the "someone else" option, which opens a prompt for the name instead of being recorded.
let someoneElse = "someone else…"

/// Who to escalate to: the runbook's contacts, then the library's emergency contacts, then someone else.
func escalatePicker(_ model: AppModel, _ runbook: Runbook) -> (AppModel, [Effect]) {
    var model = model
    let contacts = runbook.escalation + model.library.emergencyContacts.filter { !runbook.escalation.contains($0) }
    let labels = contacts.map { "\($0.role): \($0.reach)" }
    model.overlay = .picker(
        Picker(
            purpose: .escalate, options: labels + [model.tr("ui.picker.someone_else")],
            values: labels + [someoneElse]))
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
    case .role:
        return rolePrompt(model, value)
    case .alert(let choice):
        guard let index = Int(value), choice.alerts.indices.contains(index) else { return (model, []) }
        return startFromAlert(model, choice.alerts[index], choice)
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
    case .assignRole(let role):
        return record(model, [.roleAssigned(role, person: text)])
    }
}

/// What each severity means, shown in the severity picker and the start form.
func severityMeaning(_ severity: Severity, _ localizer: Localizer) -> String {
    switch severity {
    case .p0: localizer.tr("ui.severity.p0")
    case .p1: localizer.tr("ui.severity.p1")
    case .p2: localizer.tr("ui.severity.p2")
    case .p3: localizer.tr("ui.severity.p3")
    }
}

/// A status as the screens name it; the journal keeps the English word.
func statusName(_ status: IncidentStatus, _ localizer: Localizer) -> String {
    switch status {
    case .investigating: localizer.tr("ui.status.investigating")
    case .identified: localizer.tr("ui.status.identified")
    case .mitigated: localizer.tr("ui.status.mitigated")
    case .resolved: localizer.tr("ui.status.resolved")
    }
}

/// `S`: the statuses as a picker, on the incident's current one.
func statusPicker(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    let statuses = IncidentStatus.allCases
    let current = model.progress?.status ?? .investigating
    model.overlay = .picker(
        Picker(
            purpose: .status, options: statuses.map { statusName($0, model.localizer) },
            values: statuses.map(\.rawValue),
            cursor: statuses.firstIndex(of: current) ?? 0))
    return (model, [])
}

/// `P`: the severities with what each means as a picker, on the incident's current one.
func severityPicker(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    let severities = Severity.allCases
    let current = model.progress?.shownSeverity ?? .p2
    model.overlay = .picker(
        Picker(
            purpose: .severity, options: severities.map { "\($0.rawValue)  \(severityMeaning($0, model.localizer))" },
            values: severities.map(\.rawValue), cursor: severities.firstIndex(of: current) ?? 0))
    return (model, [])
}
