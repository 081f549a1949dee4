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
}
