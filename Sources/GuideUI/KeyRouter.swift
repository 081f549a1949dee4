import Foundation
import IncidentKit
import RunbookKit
import TerminalText

/// Routes a key to the overlay that has the focus, or else to the screen.
func handleKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    if key == .control("c") { return interrupt(model) }
    var model = model
    model.notice = nil
    switch model.overlay {
    case .help:
        model.overlay = nil
        return (model, [])
    case .startForm(let form):
        return startFormKey(model, form, key)
    case .prompt(let prompt):
        return promptKey(model, prompt, key)
    case .picker(let picker):
        return pickerKey(model, picker, key)
    case .confirmResolve:
        return confirmKey(model, key)
    case .command(let dialog):
        return commandDialogKey(model, dialog, key)
    case .unsavedQuit(let question):
        return unsavedQuitKey(model, question, key)
    case nil:
        break
    }
    guard model.width >= minimumSize.width, model.height >= minimumSize.height else {
        return key == .character("q") ? (model, [.quit]) : (model, [])
    }
    switch model.screen {
    case .catalog: return catalogKey(model, key)
    case .openIncidents: return openIncidentsKey(model, key)
    case .walkthrough: return walkthroughKey(model, key)
    case .timeline: return timelineKey(model, key)
    case .commandOutput: return commandPaneKey(model, key)
    case .review: return reviewKey(model, key)
    }
}

/// The movement a key asks for in a list, with arrows and vi keys alike.
enum Move {
    case by(Int)
    case first
    case last

    init?(_ key: Key, page: Int) {
        switch key {
        case .down, .character("j"), .control("n"): self = .by(1)
        case .up, .character("k"), .control("p"): self = .by(-1)
        case .pageDown, .control("f"): self = .by(max(1, page))
        case .pageUp, .control("b"): self = .by(-max(1, page))
        case .home, .character("g"): self = .first
        case .end, .character("G"): self = .last
        default: return nil
        }
    }

    func apply(to index: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        switch self {
        case .by(let delta): return min(count - 1, max(0, index + delta))
        case .first: return 0
        case .last: return count - 1
        }
    }
}

/// Leaves the screen on top; on the last one, quits (an open incident stays open).
func back(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard model.screens.count > 1 else { return (model, [.quit]) }
    model.screens.removeLast()
    return (model, [])
}

/// The keys every screen gives the same meaning: `?` opens the help, `q` and Esc go back (quitting from the last
/// screen). Nil for any other key, which is the screen's own.
func helpOrBack(_ model: AppModel, _ key: Key) -> (AppModel, [Effect])? {
    switch key {
    case .character("?"):
        var model = model
        model.overlay = .help
        return (model, [])
    case .character("q"), .escape:
        return back(model)
    default:
        return nil
    }
}

// MARK: - Catalog

private func catalogKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    let entries = model.catalogEntries
    if var filter = model.catalog.filter {
        switch key {
        case .escape:
            model.catalog.filter = nil
            model.catalog.cursor = 0
            return (model, [])
        case .enter:
            return startForm(model, entries)
        default:
            if let move = Move(key, page: model.height / 2), !isText(key) {
                model.catalog.cursor = move.apply(to: model.catalog.cursor, count: entries.count)
            } else if filter.handle(key) {
                model.catalog.filter = filter
                model.catalog.cursor = 0
            }
            return (model, [])
        }
    }
    if let move = Move(key, page: model.height / 2) {
        model.catalog.cursor = move.apply(to: model.catalog.cursor, count: entries.count)
        return (model, [])
    }
    switch key {
    case .character("/"):
        model.catalog.filter = LineEditor()
        model.catalog.cursor = 0
    case .enter, .right, .character("l"):
        return startForm(model, entries)
    case .character("o"):
        model.screens.append(.openIncidents)
        model.openIncidents = OpenIncidentsState()
        return (model, [.listOpenIncidents])
    default:
        return helpOrBack(model, key) ?? (model, [])
    }
    return (model, [])
}

/// Whether a key types text (a filter must take `j` and `k` as letters).
private func isText(_ key: Key) -> Bool {
    if case .character = key { return true }
    return false
}

private func startForm(_ model: AppModel, _ entries: [CatalogEntry]) -> (AppModel, [Effect]) {
    var model = model
    guard entries.indices.contains(model.catalog.cursor) else { return (model, []) }
    let entry = entries[model.catalog.cursor]
    let runbook = model.library.runbook(entry.id)
    model.overlay = .startForm(StartForm(
        runbook: entry.id, title: LineEditor(runbook?.title ?? entry.title),
        severity: model.library.defaultSeverity(of: entry.id), drill: false))
    return (model, [])
}

private func startFormKey(_ model: AppModel, _ form: StartForm, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var form = form
    let fields = StartForm.Field.allCases
    switch key {
    case .escape:
        model.overlay = nil
        return (model, [])
    case .enter:
        let title = form.title.submitted
        guard !title.isEmpty else {
            model.notice = Notice(text: "the incident needs a title", isError: true)
            return (model, [])
        }
        model.overlay = nil
        model.notice = Notice(text: "opening the incident…", isError: false)
        return (model, [.openIncident(runbook: form.runbook, title: title, severity: form.severity, drill: form.drill)])
    case .tab, .down:
        form.field = fields[(form.field.rawValue + 1) % fields.count]
    case .backTab, .up:
        form.field = fields[(form.field.rawValue + fields.count - 1) % fields.count]
    default:
        switch form.field {
        case .title:
            _ = form.title.handle(key)
        case .severity:
            let all = Severity.allCases
            let index = all.firstIndex(of: form.severity) ?? 0
            switch key {
            case .left, .character("h"): form.severity = all[(index + all.count - 1) % all.count]
            case .right, .character("l"), .character(" "): form.severity = all[(index + 1) % all.count]
            case .character(let c) where ("0"..."3").contains(c):
                form.severity = Severity(rawValue: "P\(c)") ?? form.severity
            default: break
            }
        case .drill:
            switch key {
            case .left, .right, .character("h"), .character("l"), .character(" "): form.drill.toggle()
            case .character("y"): form.drill = true
            case .character("n"): form.drill = false
            default: break
            }
        }
    }
    model.overlay = .startForm(form)
    return (model, [])
}

// MARK: - Open incidents

private func openIncidentsKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    let incidents = model.openIncidents.incidents
    if let move = Move(key, page: model.height / 2) {
        model.openIncidents.cursor = move.apply(to: model.openIncidents.cursor, count: incidents.count)
        return (model, [])
    }
    switch key {
    case .enter, .right, .character("l"):
        guard incidents.indices.contains(model.openIncidents.cursor) else { return (model, []) }
        let id = incidents[model.openIncidents.cursor].id
        model.notice = Notice(text: "loading \(id)…", isError: false)
        return (model, [.loadIncident(id: id)])
    case .left, .character("h"):
        return back(model)
    default:
        return helpOrBack(model, key) ?? (model, [])
    }
}

// MARK: - Timeline

private func timelineKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var session = model.incident else { return back(model) }
    // The scroll counts rows up from the newest; moving down goes toward the newest. It stops where the oldest
    // entry is at the top, which the row counts kept in the session tell (before they exist, the events bound it).
    let visible = max(0, model.height - 3)
    let top = session.timelineRows.map { max(0, $0.total - visible) } ?? max(0, session.events.count - 1)
    switch Move(key, page: model.height / 2) {
    case .by(let delta)?: session.timelineScroll = min(top, max(0, session.timelineScroll - delta))
    case .first?: session.timelineScroll = top
    case .last?: session.timelineScroll = 0
    case nil:
        switch key {
        case .character("t"), .left, .character("h"): return back(model)
        default: return helpOrBack(model, key) ?? (model, [])
        }
    }
    model.incident = session
    return (model, [])
}

// MARK: - Overlays

private func promptKey(_ model: AppModel, _ prompt: Prompt, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var prompt = prompt
    switch key {
    case .escape:
        model.overlay = nil
        return (model, [])
    case .enter:
        let text = prompt.editor.submitted
        guard !text.isEmpty else {
            model.notice = Notice(text: "type some text, or Esc to cancel", isError: true)
            return (model, [])
        }
        model.overlay = nil
        return submitPrompt(model, prompt.purpose, text)
    default:
        _ = prompt.editor.handle(key)
        model.overlay = .prompt(prompt)
        return (model, [])
    }
}

private func pickerKey(_ model: AppModel, _ picker: Picker, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var picker = picker
    if let move = Move(key, page: 5) {
        picker.cursor = move.apply(to: picker.cursor, count: picker.options.count)
        model.overlay = .picker(picker)
        return (model, [])
    }
    switch key {
    case .escape, .character("q"), .left, .character("h"):
        model.overlay = nil
        return (model, [])
    case .enter, .character(" "), .right, .character("l"):
        guard picker.values.indices.contains(picker.cursor) else { return (model, []) }
        model.overlay = nil
        return choose(model, picker.purpose, picker.values[picker.cursor])
    default:
        return (model, [])
    }
}

private func confirmKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    model.overlay = nil
    switch key {
    case .character("y"), .character("Y"):
        return record(model, [.statusChanged(.resolved)])
    default:
        model.notice = Notice(text: "not resolved", isError: false)
        return (model, [])
    }
}
