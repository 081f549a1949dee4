import RunbookKit
import TerminalFrame

/// The catalog's keys. While the symptom filter is open, the filter takes text (`j` and `k` are letters) and
/// only the arrows, Enter and Esc act on the list.
func catalogKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    guard let filter = model.catalog.filter else { return catalogBindings.dispatch(model, key) }
    return catalogFilterKey(model, filter, key)
}

/// The catalog's key table, in the order the help overlay lists it.
let catalogBindings: [KeyBinding] = [
    KeyBinding(Move.lineKeys, "↑↓ j k", "ui.keys.move", moveInCatalog),
    KeyBinding(Move.pageKeys, "PgUp PgDn", "ui.keys.move_a_page", moveInCatalog),
    KeyBinding(Move.endKeys, "g G", "ui.keys.first_last", moveInCatalog),
    KeyBinding([.enter, .right, .character("l")], "Enter", "ui.keys.start_an_incident") { model, _ in
        startSelected(model)
    },
    KeyBinding([.character("/")], "/", "ui.keys.filter_by_symptom_esc_clears") { model, _ in
        var model = model
        model.catalog.filter = LineEditor()
        model.catalog.cursor = 0
        return (model, [])
    },
    KeyBinding([.character("o")], "o", "ui.keys.open_incidents_to_resume_one") { model, _ in
        var model = model
        model.screens.append(.openIncidents)
        model.openIncidents = OpenIncidentsState()
        return (model, [.listOpenIncidents])
    },
    KeyBinding([.character("r")], "r", "ui.keys.mark_feedback_reviewed") { model, _ in
        askToMarkFeedbackReviewed(model)
    },
    .help,
    .back([.character("q"), .escape], "q", "ui.keys.quit"),
]

/// The hint line under the catalog while no filter is open.
let catalogHints: [KeyHint] = [
    KeyHint(.enter, "ui.hint.enter_start"), KeyHint(.character("/"), "ui.hint.filter"),
    KeyHint(.character("o"), "ui.hint.o_open_incidents"), KeyHint(.character("r"), "ui.hint.r_ack_feedback"),
    .help, KeyHint(.character("q"), "ui.hint.q_quit"),
]

private func moveInCatalog(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard let move = Move(key, page: model.height / 2) else { return (model, []) }
    model.catalog.cursor = move.apply(to: model.catalog.cursor, count: model.catalogItems.count)
    return (model, [])
}

/// Keys while the symptom filter is open: Esc closes it, Enter starts, movement keys that are not text move.
private func catalogFilterKey(_ model: AppModel, _ filter: LineEditor, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var filter = filter
    switch key {
    case .escape:
        model.catalog.filter = nil
        model.catalog.cursor = 0
        return (model, [])
    case .enter:
        return startSelected(model)
    default:
        if let move = Move(key, page: model.height / 2), !isText(key) {
            model.catalog.cursor = move.apply(to: model.catalog.cursor, count: model.catalogItems.count)
        } else if filter.handle(key) {
            model.catalog.filter = filter
            model.catalog.cursor = 0
        }
        return (model, [])
    }
}

/// Whether a key types text (a filter must take `j` and `k` as letters).
private func isText(_ key: Key) -> Bool {
    if case .character = key { return true }
    return false
}

/// Enter on the selected row: a runbook opens its start form, with its title and default severity; an alert
/// starts an incident from it.
private func startSelected(_ model: AppModel) -> (AppModel, [Effect]) {
    switch model.selectedCatalogRow {
    case .entry(let entry): openStartForm(model, entry)
    case .alert(let listed): startFromAlert(model, listed)
    case .heading, .alertNote, nil: (model, [])
    }
}
