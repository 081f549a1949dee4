import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

/// The short line that tells the responder what the journal now holds of their own action ("note saved",
/// "escalated to DBA On-Call"), said only once the runtime answers that it is on disk. Nil for an append that
/// says nothing of its own: a copy, a run or an export already has its notice, and an opening shows its screen.
func confirmation(of events: [Event], _ model: AppModel) -> String? {
    let words = model.localizer
    for event in events.reversed() {
        if let text = confirmation(of: event.kind, model.currentRunbook, words) { return text }
    }
    return nil
}

/// Forgets a confirmation once `Arrivals.shownFor` has passed since it was said: the bottom line shows the keys
/// of the screen again, as it does after the next key.
func expireConfirmation(_ model: inout AppModel, at now: Date) {
    guard let said = model.notice?.confirmedAt, now.timeIntervalSince(said) >= Arrivals.shownFor else { return }
    model.notice = nil
}

private func confirmation(of kind: EventKind, _ runbook: Runbook?, _ words: Localizer) -> String? {
    switch kind {
    case .note(_, let pinned, let commander):
        if commander { return words.tr("ui.confirm.annotation") }
        return words.tr(pinned ? "ui.confirm.pinned_note" : "ui.confirm.note")
    case .escalated(let to):
        return words.tr("ui.confirm.escalated", ["contact": to])
    case .severityChanged(let severity):
        return words.tr("ui.confirm.severity", ["severity": severity.rawValue])
    case .statusChanged(let status):
        return words.tr("ui.confirm.status", ["status": statusName(status, words)])
    case .stepDone(let step):
        return words.tr("ui.confirm.step_done", ["step": stepNumber(step, runbook)])
    case .stepSkipped(let step, _):
        return words.tr("ui.confirm.step_skipped", ["step": stepNumber(step, runbook)])
    case .checklistChecked(let item):
        return words.tr("ui.confirm.checked", ["item": String(item.item)])
    case .checklistUnchecked(let item):
        return words.tr("ui.confirm.unchecked", ["item": String(item.item)])
    case .roleAssigned(let role, let person):
        return words.tr("ui.confirm.role", ["person": person, "role": roleName(role, words)])
    case .pinChanged(let seq, let writer, let pinned):
        let number = EventRef(seq: seq, writer: writer).number
        return words.tr(pinned ? "ui.confirm.pinned" : "ui.confirm.unpinned", ["seq": number])
    case .noteAcknowledged(let seq, let writer):
        return words.tr("ui.confirm.acknowledged", ["seq": EventRef(seq: seq, writer: writer).number])
    case .runbookFeedback:
        return words.tr("ui.confirm.feedback")
    case .runbookSwitched(let id):
        return words.tr("ui.confirm.runbook_switched", ["runbook": id])
    case .incidentOpened, .alertAttached, .alertResolved, .commandCopied, .commandRan, .milestone, .exportWritten,
        .incidentClosed, .reopened:
        return nil
    }
}

/// A step as a confirmation names it: its number in the runbook when the runbook is the one shown, else its title.
private func stepNumber(_ step: StepRef, _ runbook: Runbook?) -> String {
    guard let runbook, runbook.id == step.runbook, let found = runbook.steps.first(where: { $0.key == step.step })
    else { return "“\(step.title)”" }
    return String(found.number)
}
