import FoundationEssentials

extension IncidentState {
    /// The incident's state after every event, and as it was when it was last resolved if it is resolved now,
    /// in one pass over the journal.
    public static func replayWithResolution(_ events: [Event]) -> (IncidentState, atResolution: IncidentState?) {
        replayWithResolution(events) { _ in }
    }

    /// `replayWithResolution(_:)`, handing `visit` each event after it is folded, so that a reader that also
    /// gathers something of its own from the events reads the journal once; without `keepsRecords`, the records
    /// that grow with the journal are not kept (`ResolutionReplay`).
    public static func replayWithResolution(
        _ events: [Event], keepsRecords: Bool = true, visiting visit: (Event) -> Void
    ) -> (IncidentState, atResolution: IncidentState?) {
        var replay = ResolutionReplay(keepsRecords: keepsRecords)
        // Through the buffer, each event is lent to the fold and to `visit` rather than copied out of the array.
        events.withUnsafeBufferPointer { events in
            for index in events.indices {
                replay.apply(events[index])
                visit(events[index])
            }
        }
        return (replay.state, replay.atResolution)
    }

    /// Empties the records that grow with every event of their kind (notes, escalations, commands copied and run,
    /// feedback, exports, alerts and their resolutions, acknowledgements); everything else stays as folded.
    mutating func forgetRecords() {
        if !notes.isEmpty { notes.removeAll(keepingCapacity: true) }
        if !escalations.isEmpty { escalations.removeAll(keepingCapacity: true) }
        if !commandsCopied.isEmpty { commandsCopied.removeAll(keepingCapacity: true) }
        if !commandsRun.isEmpty { commandsRun.removeAll(keepingCapacity: true) }
        if !feedback.isEmpty { feedback.removeAll(keepingCapacity: true) }
        if !exports.isEmpty { exports.removeAll(keepingCapacity: true) }
        if !alerts.isEmpty { alerts.removeAll(keepingCapacity: true) }
        if !resolvedAlerts.isEmpty { resolvedAlerts.removeAll(keepingCapacity: true) }
        if !acknowledgements.isEmpty { acknowledgements.removeAll(keepingCapacity: true) }
    }
}

/// `IncidentState.replayWithResolution` an event at a time, for a journal read from its files rather than held.
public struct ResolutionReplay: Sendable {
    /// The state after the events applied so far.
    public private(set) var state = IncidentState()
    /// The state when the incident was last resolved, while it is resolved.
    public private(set) var atResolution: IncidentState?
    /// Whether the records that grow with the journal are kept; without them what the replay holds follows the
    /// incident's runbooks, roles and changes of status and severity, not its number of events.
    public let keepsRecords: Bool

    /// A replay before any event, keeping the records (notes, commands, …) unless `keepsRecords` is false: the
    /// JSON export's summary, the adherence report and the metrics do not read them.
    public init(keepsRecords: Bool = true) {
        self.keepsRecords = keepsRecords
    }

    /// Applies one more event, in journal order.
    public mutating func apply(_ event: Event) {
        let wasResolved = state.milestones.resolved != nil
        state.apply(event)
        if !keepsRecords { state.forgetRecords() }
        if !wasResolved && state.milestones.resolved != nil { atResolution = state }
        if state.milestones.resolved == nil { atResolution = nil }
    }
}
