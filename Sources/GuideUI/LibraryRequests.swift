import IncidentModel
import RunbookKit

/// What waits for a runbook the runtime has not delivered yet, to be carried on when it arrives.
enum AwaitedRunbook: Hashable, Sendable {
    /// Enter on a catalog row: the start form of that runbook.
    case startForm(CatalogEntry)
    /// `respond start`: a new incident on that runbook.
    case start(runbook: String, title: String?, severity: Severity?, drill: Bool, id: String?)
    /// Enter on a firing alert of the catalog, or the alert chosen from a payload: a new incident from it, on its
    /// runbook.
    case alertStart(CatalogAlert, AlertChoice?)

    /// The runbook waited for.
    var runbook: String {
        switch self {
        case .startForm(let entry): entry.id
        case .start(let runbook, _, _, _, _): runbook
        case .alertStart(let listed, _): listed.runbook ?? ""
        }
    }
}

/// Asks the runtime for what the model now needs from the library and does not have: the runbooks the open
/// incident refers to and the one a start waits for, and the symptom search once the catalog's filter opens. Each is
/// asked for once; the answers arrive as `.runbooksLoaded` and `.searchIndexBuilt`.
func requestingLibrary(_ model: AppModel, _ effects: [Effect]) -> (AppModel, [Effect]) {
    var model = model
    var effects = effects
    let wanted = (model.incident?.state.runbooksReferenced ?? []) + (model.awaiting.map { [$0.runbook] } ?? [])
    let ids = model.library.request(wanted)
    if !ids.isEmpty { effects.append(.loadRunbooks(ids)) }
    // Asked for when the filter opens, not at the first frame: the search holds every runbook's text, which the
    // catalog at rest does without; a key typed before it arrives is answered from the index rows.
    if model.catalog.filter != nil, model.library.requestSearch() { effects.append(.buildSearchIndex) }
    return (model, effects)
}

/// Keeps the runbooks the runtime delivered for `ids`, then carries on with what waited for them: the review's
/// digest is made again with them, and a start form or a start goes ahead.
func runbooksLoaded(_ model: AppModel, ids: [String], runbooks: [Runbook]) -> (AppModel, [Effect]) {
    var model = model
    model.library.deliver(runbooks, for: ids)
    if var review = model.review, let session = model.incident {
        review.digest.remake(session, library: model.library)
        model.review = review
    }
    guard let awaited = model.awaiting, !model.library.awaits(awaited.runbook) else { return (model, []) }
    model.awaiting = nil
    switch awaited {
    case .startForm(let entry):
        return openStartForm(model, entry)
    case .start(let runbook, let title, let severity, let drill, let id):
        return startIncident(model, runbook: runbook, title: title, severity: severity, drill: drill, id: id)
    case .alertStart(let listed, let choice):
        return startFromAlert(model, listed, choice)
    }
}

/// Opens the start form of a catalog row, once its runbook is here (its title and severity come from the file).
func openStartForm(_ model: AppModel, _ entry: CatalogEntry) -> (AppModel, [Effect]) {
    var model = model
    guard !model.library.awaits(entry.id) else {
        model.awaiting = .startForm(entry)
        return (model, [])
    }
    let runbook = model.library.runbook(entry.id)
    model.overlay = .startForm(
        StartForm(
            runbook: entry.id, title: LineEditor(runbook?.title ?? entry.title, selected: true),
            severity: model.library.defaultSeverity(of: entry.id), drill: false))
    return (model, [])
}

/// Opens a new incident on a runbook, once it is here; a nil title or severity takes the runbook's.
func startIncident(
    _ model: AppModel, runbook: String, title: String?, severity: Severity?, drill: Bool, id: String?
) -> (AppModel, [Effect]) {
    var model = model
    guard !model.library.awaits(runbook) else {
        model.awaiting = .start(runbook: runbook, title: title, severity: severity, drill: drill, id: id)
        return (model, [])
    }
    guard let book = model.library.runbook(runbook) else {
        model.notice = Notice(text: model.tr("ui.notice.no_such_runbook", ["runbook": runbook]), isError: true)
        return (model, [])
    }
    return (
        model,
        [
            .openIncident(
                runbook: book.id, title: title ?? book.title,
                severity: severity ?? model.library.defaultSeverity(of: book.id),
                drill: drill, id: id)
        ]
    )
}
