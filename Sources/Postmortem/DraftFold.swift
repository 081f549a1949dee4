import FoundationEssentials
import IncidentModel
import RunbookKit

/// What the postmortem draft needs from a first read of the journal, gathered an event at a time: the fold without
/// the records that grow with the journal, the adherence report's tallies, the responders and the timeline's
/// order. The lists that grow with the journal are written from a second read (`PostmortemRenderer.writeMarkdown`).
public struct DraftFold {
    /// The fold, as it was when last resolved too.
    public private(set) var replay = ResolutionReplay(keepsRecords: false)
    /// The adherence report's tallies.
    private(set) var adherence: AdherenceTally
    /// Who recorded what and who held which role.
    private(set) var responders = ResponderTally()
    /// The events the timeline shows out of journal order.
    private(set) var timeline = TimelineOrder()
    /// The machine of the first event the timeline shows (nil: the opening machine's file).
    private var firstWriter: String??
    /// Whether the timeline shows events recorded on more than one machine.
    private(set) var severalWriters = false

    /// A fold before any event, the runbooks the events name looked up in `lookup`.
    public init(lookup: @escaping (String) -> Runbook?) {
        adherence = AdherenceTally(lookup: lookup)
    }

    /// Folds the next event in journal order.
    public mutating func add(_ event: Event) {
        replay.apply(event)
        adherence.add(event)
        responders.add(event)
        timeline.add(event)
        guard !event.kind.isBookkeeping else { return }
        if let firstWriter {
            if firstWriter != event.writer { severalWriters = true }
        } else {
            firstWriter = .some(event.writer)
        }
    }
}
