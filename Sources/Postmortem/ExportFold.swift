import FoundationEssentials
import IncidentModel
import RunbookKit

/// What the JSON export needs from a first read of the journal, gathered an event at a time: the fold without the
/// records that grow with the journal, and the adherence report's tallies.
public struct ExportFold {
    /// The fold, as it was when last resolved too.
    public private(set) var replay = ResolutionReplay(keepsRecords: false)
    /// The adherence report's tallies.
    public private(set) var adherence: AdherenceTally
    /// Where the runbooks the events name are looked up.
    private let lookup: (String) -> Runbook?

    /// A fold before any event, the runbooks the events name looked up in `lookup`.
    public init(lookup: @escaping (String) -> Runbook?) {
        self.lookup = lookup
        adherence = AdherenceTally(lookup: lookup)
    }

    /// Folds the next event in journal order.
    public mutating func add(_ event: Event) {
        replay.apply(event)
        adherence.add(event)
    }

    /// Writes the JSON export of the incident this fold read, as `PostmortemRenderer.writeJSON` does, its runbooks
    /// looked up where the fold looked them up and its events passed again by `walk` in journal order.
    public func writeJSON(
        incidentID: String, generatedAt: Date,
        events walk: ((Event) throws -> Void) throws -> Void, to output: (ArraySlice<UInt8>) throws -> Void
    ) throws {
        let state = replay.state
        let runbooks = state.runbooks(lookup: lookup)
        let adherence = Adherence.report(
            state: state, atResolution: replay.atResolution, runbooks: runbooks, tally: adherence)
        try PostmortemRenderer.writeJSON(
            state: state, adherence: adherence, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt,
            events: walk, to: output)
    }
}
