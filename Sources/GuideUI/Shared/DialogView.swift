import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// Draws the open dialog over the screen.
func drawOverlay(_ frame: inout Frame, _ model: AppModel) {
    let theme = model.theme
    switch model.overlay {
    case nil:
        return
    case .help:
        let lines = keyBindings(for: model.screen).helpLines(model.localizer)
        let keyWidth = lines.map { displayWidth(of: $0.0) }.max() ?? 0
        // On the catalog, what the selected runbook's marks mean goes under the keys, a blank row between.
        let explanations = model.screen == .catalog ? model.selectedMarkExplanations : []
        let explained = explanations.isEmpty ? 0 : explanations.count + 1
        var box = centeredBox(frame, width: 60, height: lines.count + 3 + explained)
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height, title: model.tr("ui.help.title"),
            style: theme.frame)
        for (index, line) in explanations.enumerated() {
            let row = box.bottom - 1 - explanations.count + index
            frame.put(line, column: box.column + 2, row: row, style: theme.strong, limit: box.width - 4)
        }
        // Rows between the borders, less the footer and the marks; when the keys do not all fit, the footer says so.
        let room = box.height - 3 - explained
        let shown = lines.count <= room ? lines.count : max(0, room)
        for (key, meaning) in lines.prefix(shown) {
            frame.put(key, column: box.column + 2, row: box.next, style: theme.strong)
            frame.put(meaning, column: box.column + 3 + keyWidth, row: box.next, limit: box.width - keyWidth - 5)
            box.next += 1
        }
        let footer =
            shown < lines.count
            ? model.tr("ui.help.more", ["count": String(lines.count - shown)]) : model.tr("ui.help.close")
        frame.put(footer, column: box.column + 2, row: box.bottom - 1, style: theme.dim, limit: box.width - 4)
    case .startForm(let form):
        drawStartForm(&frame, model, form)
    case .prompt(let prompt):
        var box = centeredBox(frame, width: 64, height: 4)
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height,
            title: promptTitle(prompt.purpose, model), style: theme.frame)
        frame.put(
            model.tr("ui.prompt.keys"), column: box.column + 2, row: box.next + 1, style: theme.dim,
            limit: box.width - 4)
        drawEditor(&frame, prompt.editor, column: box.column + 2, row: box.next, width: box.width - 4, theme: theme)
        box.next += 1
    case .picker(let picker):
        let visible = min(picker.options.count, max(1, frame.height - 6))
        var box = centeredBox(frame, width: 64, height: visible + 3)
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height,
            title: pickerTitle(picker.purpose, model),
            style: theme.frame)
        let offset = max(0, min(picker.cursor - visible + 1, picker.options.count - visible))
        for (index, option) in picker.options.enumerated().dropFirst(offset).prefix(visible) {
            let selected = index == picker.cursor
            let style = selected ? theme.selected : theme.plain
            if selected {
                frame.fill(row: box.next, from: box.column + 1, to: box.column + box.width - 1, style: style)
            }
            frame.put(
                (selected ? "▸ " : "  ") + option, column: box.column + 2, row: box.next, style: style,
                limit: box.width - 4)
            box.next += 1
        }
        frame.put(
            model.tr("ui.picker.keys"), column: box.column + 2, row: box.bottom - 1, style: theme.dim,
            limit: box.width - 4)
        frame.cursor = nil
    case .confirmResolve(let openItems):
        let shown = min(openItems.count, max(1, frame.height - 8))
        var box = centeredBox(frame, width: 64, height: shown + 5)
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height, title: model.tr("ui.resolve.title"),
            style: theme.frame)
        frame.put(
            model.tr("ui.resolve.open_items", ["count": String(openItems.count)]), column: box.column + 2,
            row: box.next,
            style: theme.strong, limit: box.width - 4)
        box.next += 1
        for item in openItems.prefix(shown) {
            frame.put("☐ " + item, column: box.column + 2, row: box.next, limit: box.width - 4)
            box.next += 1
        }
        if openItems.count > shown, let last = Optional(box.next - 1) {
            frame.fill(row: last, from: box.column + 1, to: box.column + box.width - 1)
            frame.put(
                model.tr("ui.resolve.more", ["count": String(openItems.count - shown + 1)]), column: box.column + 2,
                row: last, limit: box.width - 4)
        }
        frame.put(
            model.tr("ui.resolve.keys"), column: box.column + 2, row: box.bottom - 1,
            style: theme.strong, limit: box.width - 4)
        frame.cursor = nil
    case .command(let dialog):
        drawCommandDialog(&frame, model, dialog)
    case .unsavedQuit(let question):
        drawUnsavedQuit(&frame, model, question)
    case .confirmFeedbackReviewed(let runbook, let notes):
        var box = centeredBox(frame, width: 64, height: 5)
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height,
            title: model.tr("ui.feedback_reviewed.title"), style: theme.frame)
        frame.put(
            model.localizer.tr("ui.feedback_reviewed.notes", count: notes.count, ["runbook": runbook]),
            column: box.column + 2, row: box.next, style: theme.strong, limit: box.width - 4)
        box.next += 1
        frame.put(
            model.tr("ui.feedback_reviewed.keys"), column: box.column + 2, row: box.bottom - 1, style: theme.dim,
            limit: box.width - 4)
        frame.cursor = nil
    }
}

/// The quit question while events are not saved: why they are not, and the three ways out.
private func drawUnsavedQuit(_ frame: inout Frame, _ model: AppModel, _ question: UnsavedQuit) {
    let theme = model.theme
    var box = centeredBox(frame, width: 64, height: 8)
    let title = model.tr("ui.unsaved_quit.title", ["events": eventCount(model.journal.notSaved.count, model.localizer)])
    frame.box(column: box.column, row: box.row, width: box.width, height: box.height, title: title, style: theme.frame)
    let width = box.width - 4
    frame.put(
        model.journal.lastError ?? model.tr("ui.unsaved_quit.not_stored"), column: box.column + 2, row: box.next,
        style: theme.error, limit: width)
    box.next += 1
    for (key, meaning) in [
        ("R", model.tr("ui.unsaved_quit.retry")),
        ("W", model.tr("ui.unsaved_quit.rescue")),
    ] {
        frame.put(key, column: box.column + 2, row: box.next, style: theme.strong)
        frame.put(meaning, column: box.column + 5, row: box.next, limit: width - 3)
        box.next += 1
    }
    let label = model.tr("ui.unsaved_quit.discard")
    frame.put(label, column: box.column + 2, row: box.next, style: theme.strong, limit: width)
    let labelWidth = min(width, displayWidth(of: label))
    drawEditor(
        &frame, question.confirmation, column: box.column + 2 + labelWidth, row: box.next,
        width: width - labelWidth, theme: theme)
    frame.put(
        model.tr("ui.unsaved_quit.stay"), column: box.column + 2, row: box.bottom - 1, style: theme.dim, limit: width)
}

/// Where a dialog goes: centered, at most `width` wide and never wider or taller than the frame allows.
struct BoxPlace {
    var column: Int
    var row: Int
    var width: Int
    var height: Int
    /// The next row to write inside.
    var next: Int
    /// The bottom border's row.
    var bottom: Int { row + height - 1 }
}

func centeredBox(_ frame: Frame, width: Int, height: Int) -> BoxPlace {
    let boxWidth = min(width, frame.width - 2)
    let boxHeight = min(height, frame.height - 2)
    let column = (frame.width - boxWidth) / 2
    let row = max(1, (frame.height - boxHeight) / 2)
    return BoxPlace(column: column, row: row, width: boxWidth, height: boxHeight, next: row + 1)
}

private func promptTitle(_ purpose: Prompt.Purpose, _ model: AppModel) -> String {
    switch purpose {
    case .note(let pinned): pinned ? model.tr("ui.prompt.pinned_note") : model.tr("ui.prompt.note")
    case .skipReason: model.tr("ui.prompt.skip_reason")
    case .feedback: model.tr("ui.prompt.feedback")
    case .escalateOther: model.tr("ui.prompt.escalate_other")
    case .assignRole(let role): rolePromptTitle(role, model.localizer)
    }
}

private func pickerTitle(_ purpose: Picker.Purpose, _ model: AppModel) -> String {
    switch purpose {
    case .status: model.tr("ui.picker.status")
    case .severity: model.tr("ui.picker.severity")
    case .escalate: model.tr("ui.picker.escalate")
    case .switchRunbook: model.tr("ui.picker.switch_runbook")
    case .goToItem: model.tr("ui.picker.go_to_item")
    case .alert: model.tr("ui.picker.alert")
    case .role: model.tr("ui.picker.role")
    }
}
