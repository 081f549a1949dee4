import FoundationEssentials

extension IncidentState {
    /// The incident's state after every event, and as it was when it was last resolved if it is resolved now,
    /// in one pass over the journal.
    public static func replayWithResolution(_ events: [Event]) -> (IncidentState, atResolution: IncidentState?) {
        var state = IncidentState()
        var atResolution: IncidentState?
        for event in events {
            let wasResolved = state.milestones.resolved != nil
            state.apply(event)
            if !wasResolved && state.milestones.resolved != nil { atResolution = state }
            if state.milestones.resolved == nil { atResolution = nil }
        }
        return (state, atResolution)
    }
}
