import IncidentModel
import Localization

/// Whether the last actions are on disk: what the status bar's journal field shows.
public struct JournalState: Hashable, Sendable {
    /// Appends emitted and not yet answered, oldest first.
    public internal(set) var pending: [[NewEvent]] = []
    /// Events whose append failed, kept (and shown) so that nothing is silently lost; `R` retries them.
    public internal(set) var unsaved: [NewEvent] = []
    /// The reason of the last failure, until a retry succeeds.
    public internal(set) var lastError: String?
    /// A quit waiting for the appends in flight to be answered, and what it does if some fail.
    public internal(set) var quitting: QuitIntent?

    /// Every event not on disk yet: the failed ones, then those still in flight, oldest first.
    public var notSaved: [NewEvent] { unsaved + pending.flatMap { $0 } }

    /// The status bar's text in the localizer's language: `saving…`, `ERROR: reason`, or `saved` in English.
    public func label(_ localizer: Localizer = Localizer(.english)) -> String {
        if !pending.isEmpty { return localizer.tr("ui.journal.saving") }
        if let lastError { return localizer.tr("ui.journal.error", ["reason": lastError]) }
        return localizer.tr("ui.journal.saved")
    }
}

/// What a quit does with events that are not on disk.
public enum QuitIntent: Hashable, Sendable {
    /// `q`: ask whether to retry, write a rescue file or discard them.
    case ask
    /// Ctrl-C: write them to a rescue file without asking, then quit.
    case rescue
}

/// Asks the runtime to append events by the actor; the status bar says `saving…` until the answer.
func record(_ model: AppModel, _ kinds: [EventKind]) -> (AppModel, [Effect]) {
    var model = model
    guard let session = model.incident else { return (model, []) }
    let events = kinds.map { NewEvent(actor: model.actor, kind: $0) }
    model.journal.pending.append(events)
    return (model, [.append(incidentID: session.id, events: events)])
}

/// Asks the runtime to append again the events whose append failed, as one append.
func retryUnsaved(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard let session = model.incident, !model.journal.unsaved.isEmpty else { return (model, []) }
    let events = model.journal.unsaved
    model.journal.unsaved = []
    model.journal.pending.append(events)
    return (model, [.append(incidentID: session.id, events: events)])
}
