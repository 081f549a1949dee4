import IncidentModel
import RunbookKit

extension IncidentState {
    /// The walkthrough item a responder coming back to the incident continues with, derived from the fold: the first
    /// step neither done nor skipped after the step acted on last (from the first step when none was acted on, and
    /// from the top again when every open step comes before it); when no step is open, the first verification item
    /// not checked, else the first verification item, else the last step.
    func resumeItem(in runbook: Runbook) -> Int {
        let progress = progress(of: runbook.id)
        let steps = runbook.steps
        let start = progress.lastActedStep.flatMap { key in steps.firstIndex { $0.key == key } }.map { $0 + 1 } ?? 0
        let open = steps.indices.filter { progress.steps[steps[$0].key] == nil }
        if let next = open.first(where: { $0 >= start }) ?? open.first { return next }
        guard !runbook.checklist.isEmpty else { return max(0, steps.count - 1) }
        return steps.count + (runbook.checklist.firstIndex { progress.checked[$0.number] == nil } ?? 0)
    }
}

extension AppModel {
    /// Places a resumed incident's cursor once the library has answered for its runbook, so the walkthrough opens
    /// where the journal says the responder was rather than on the first item.
    mutating func placeResumedCursor() {
        guard var session = incident, session.awaitsResumePosition else { return }
        let id = session.state.runbook
        guard !library.awaits(id) else { return }
        if let runbook = library.runbook(id) {
            session.cursor = session.state.resumeItem(in: runbook)
            session.contentScroll = 0
        }
        session.awaitsResumePosition = false
        incident = session
    }
}
