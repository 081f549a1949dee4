import Foundation

extension IncidentState {
    /// The incident's state after every event, and as it was when it was last resolved if it is resolved now,
    /// in one pass over the journal.
    public static func replayWithResolution(_ events: [Event]) -> (IncidentState, atResolution: IncidentState?) {
        replayWithResolution(events) { _ in }
    }

    /// `replayWithResolution(_:)`, handing `visit` each event after it is folded, so that a reader that also
    /// gathers something of its own from the events reads the journal once.
    public static func replayWithResolution(_ events: [Event], visiting visit: (Event) -> Void)
        -> (IncidentState, atResolution: IncidentState?)
    {
        var state = IncidentState()
        var atResolution: IncidentState?
        // Through the buffer, each event is lent to the fold and to `visit` rather than copied out of the array.
        events.withUnsafeBufferPointer { events in
            for index in events.indices {
                let wasResolved = state.milestones.resolved != nil
                state.apply(events[index])
                if !wasResolved && state.milestones.resolved != nil { atResolution = state }
                if state.milestones.resolved == nil { atResolution = nil }
                visit(events[index])
            }
        }
        return (state, atResolution)
    }
}
