import RunbookKit

extension IncidentState {
    /// The runbooks the incident refers to (`runbooksReferenced`), each looked up once in `lookup` and keyed by
    /// id; an id `lookup` does not know is left out.
    public func runbooks(lookup: (String) -> Runbook?) -> [String: Runbook] {
        var runbooks: [String: Runbook] = [:]
        for id in runbooksReferenced where runbooks[id] == nil {
            runbooks[id] = lookup(id)
        }
        return runbooks
    }

    /// The items of the runbook's Verification checklist not checked in this incident, in the runbook's order: what
    /// resolving asks about, in the guide and on the command line, and what the adherence report lists as open at
    /// resolution.
    public func openVerificationItems(of runbook: Runbook) -> [ChecklistItem] {
        let checked = progress(of: runbook.id).checked
        return runbook.checklist.filter { checked[$0.number] == nil }
    }
}
