import IncidentModel
import TerminalFrame

/// The open-incidents list's key table, in the order the help overlay lists it.
let openIncidentsBindings: [KeyBinding] = [
    KeyBinding(Move.keys, "↑↓ j k", "ui.keys.move") { model, key in
        var model = model
        guard let move = Move(key, page: model.height / 2) else { return (model, []) }
        let count = model.openIncidents.incidents.count
        model.openIncidents.cursor = move.apply(to: model.openIncidents.cursor, count: count)
        return (model, [])
    },
    KeyBinding([.enter, .right, .character("l")], "Enter", "ui.keys.resume_the_incident") { model, _ in
        var model = model
        let incidents = model.openIncidents.incidents
        guard incidents.indices.contains(model.openIncidents.cursor) else { return (model, []) }
        let id = incidents[model.openIncidents.cursor].id
        model.notice = Notice(text: model.tr("ui.notice.loading_incident", ["id": id]), isError: false)
        return (model, [.loadIncident(id: id)])
    },
    .help,
    .back([.character("q"), .escape, .left, .character("h")], "q", "ui.keys.back"),
]

/// The hint line under the open-incidents list.
let openIncidentsHints: [KeyHint] = [
    KeyHint(.down, "ui.hint.jk_move"), KeyHint(.enter, "ui.hint.enter_resume"), .help, .back,
]
