import IncidentModel
import TerminalFrame

/// Keys in a prompt: the editor takes text, Enter submits what was typed, Esc cancels.
func promptKey(_ model: AppModel, _ prompt: Prompt, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var prompt = prompt
    switch key {
    case .escape:
        model.overlay = nil
        return (model, [])
    case .enter:
        let text = prompt.editor.submitted
        guard !text.isEmpty else {
            model.notice = Notice(text: model.tr("ui.notice.type_text"), isError: true)
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

/// Keys in a picker: movement chooses, Enter or Space selects, Esc or q cancels.
func pickerKey(_ model: AppModel, _ picker: Picker, _ key: Key) -> (AppModel, [Effect]) {
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

/// The resolve question: `y` resolves, any other key leaves the status as it was.
func confirmKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    model.overlay = nil
    switch key {
    case .character("y"), .character("Y"):
        return record(model, [.statusChanged(.resolved)])
    default:
        model.notice = Notice(text: model.tr("ui.notice.not_resolved"), isError: false)
        return (model, [])
    }
}
