import IncidentKit

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
