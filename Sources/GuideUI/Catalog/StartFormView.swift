import RunbookKit
import TerminalFrame
import TerminalText

/// The start form over the catalog: the runbook, then the title, severity and drill fields, the focused one
/// reversed.
func drawStartForm(_ frame: inout Frame, _ model: AppModel, _ form: StartForm) {
    let theme = model.theme
    var box = centeredBox(frame, width: 60, height: 8)
    frame.box(
        column: box.column, row: box.row, width: box.width, height: box.height, title: model.tr("ui.start_form.title"),
        style: theme.frame)
    let label = 11
    let runbook = model.library.runbook(form.runbook)?.title ?? form.runbook
    frame.put(model.tr("ui.start_form.runbook"), column: box.column + 2, row: box.next, style: theme.dim)
    frame.put(runbook, column: box.column + 2 + label, row: box.next, limit: box.width - label - 4)
    box.next += 1
    for field in StartForm.Field.allCases {
        let focused = form.field == field
        var style = theme.strong
        style.reverse = focused
        let name: String =
            switch field {
            case .title: model.tr("ui.start_form.field_title")
            case .severity: model.tr("ui.start_form.severity")
            case .drill: model.tr("ui.start_form.drill")
            }
        frame.put(name, column: box.column + 2, row: box.next, style: style)
        let x = box.column + 2 + label
        let width = box.width - label - 4
        switch field {
        case .title:
            drawEditor(&frame, form.title, column: x, row: box.next, width: width, theme: theme)
        case .severity:
            frame.put(
                "◂ \(form.severity.rawValue) ▸", column: x, row: box.next,
                style: theme.badge(form.severity).with(bold: true))
            frame.put(
                severityMeaning(form.severity, model.localizer), column: x + 7, row: box.next, style: theme.dim,
                limit: width - 7)
        case .drill:
            frame.put(
                form.drill ? model.tr("ui.start_form.drill_yes") : model.tr("ui.start_form.drill_no"), column: x,
                row: box.next,
                limit: width)
        }
        box.next += 1
    }
    if form.field != .title { frame.cursor = nil }
    frame.put(
        model.tr("ui.start_form.keys"), column: box.column + 2, row: box.bottom - 1,
        style: theme.dim, limit: box.width - 4)
}
