import Alerts
import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// The catalog: an optional filter line, then categories with their runbooks, and under them what the selected
/// runbook's review marks mean.
func drawCatalog(_ frame: inout Frame, _ model: AppModel, rows: Range<Int>) {
    let theme = model.theme
    var rows = rows
    // Wrapped, so that the key named at the end of a line is not cut on a narrow screen; at most half the rows.
    let explanations = model.selectedMarkExplanations.flatMap { wrap($0, width: frame.width - 2) }
    if !explanations.isEmpty {
        let first = max(rows.lowerBound + rows.count / 2, rows.upperBound - explanations.count)
        for (row, line) in zip(first..<rows.upperBound, explanations) {
            frame.put(line, column: 1, row: row, style: theme.strong, limit: frame.width - 2)
        }
        rows = rows.lowerBound..<first
    }
    if let filter = model.catalog.filter {
        let label = model.tr("ui.catalog.filter_label")
        frame.put(label, column: 1, row: rows.lowerBound, style: theme.strong)
        let column = 1 + displayWidth(of: label)
        drawEditor(&frame, filter, column: column, row: rows.lowerBound, width: frame.width - column - 1, theme: theme)
        rows = (rows.lowerBound + 1)..<rows.upperBound
    }
    let lines = model.catalogRows
    let items = lines.filter(\.isSelectable)
    guard !items.isEmpty else {
        for (row, line) in zip(rows, lines) {
            drawCatalogLine(&frame, model, line, row: row, selected: false)
        }
        if model.catalog.filter != nil, model.library.search != nil {
            frame.put(model.tr("ui.catalog.no_match"), column: 3, row: rows.lowerBound + 1)
        }
        return
    }
    let selected = items[min(model.catalog.cursor, items.count - 1)]
    let selectedLine = lines.firstIndex(of: selected) ?? 0
    let offset = max(0, selectedLine - rows.count + 1)
    for (row, line) in zip(rows, lines.dropFirst(offset)) {
        drawCatalogLine(&frame, model, line, row: row, selected: line == selected)
    }
}

/// One line of the catalog: a heading, a runbook with its severity, title and description, or a firing alert with
/// its severity, name, age and runbook.
private func drawCatalogLine(_ frame: inout Frame, _ model: AppModel, _ line: CatalogRow, row: Int, selected: Bool) {
    let theme = model.theme
    let titleWidth = min(32, (frame.width - 10) / 2)
    let descriptionColumn = 8 + titleWidth + 1
    let base = selected ? theme.selected : theme.plain
    if selected {
        frame.fill(row: row, style: base)
        frame.put("▸", column: 1, row: row, style: base)
    }
    switch line {
    case .heading(let name):
        frame.put(name, column: 1, row: row, style: theme.heading, limit: frame.width - 2)
    case .alertNote(let text, let isError):
        frame.put(text, column: 3, row: row, style: isError ? theme.error : theme.dim, limit: frame.width - 4)
    case .entry(let entry):
        var badge = theme.badge(entry.severity)
        badge.reverse = selected
        // An alert runbook often gives no severity: its badge stays blank rather than reading as a procedure.
        let kindBadge = entry.kind == .procedure ? model.tr("ui.catalog.procedure_badge") : ""
        frame.put(entry.severity?.rawValue ?? kindBadge, column: 3, row: row, style: badge)
        frame.put(entry.title, column: 8, row: row, style: base, limit: titleWidth)
        var x = descriptionColumn
        // The mark comes before the description, which a narrow screen cuts first.
        if let mark = model.reviewMark(of: entry.id) {
            x += frame.put(
                mark.label(model.localizer), column: x, row: row, style: theme.warning,
                limit: max(0, frame.width - x - 1))
            x += 2
        }
        frame.put(
            entry.description(in: model.localizer), column: x, row: row, style: base,
            limit: max(0, frame.width - x - 1))
    case .alert(let listed):
        var badge = theme.badge(listed.severity)
        badge.reverse = selected
        frame.put(listed.severity?.rawValue ?? "--", column: 3, row: row, style: badge)
        frame.put(listed.alert.name, column: 8, row: row, style: base.with(bold: true), limit: titleWidth)
        var x = descriptionColumn
        let limit = frame.width - 1
        if let startsAt = listed.alert.startsAt {
            let age = model.localizer.duration(seconds: max(0, model.now.timeIntervalSince(startsAt)))
            x += frame.put(age + " ", column: x, row: row, style: base, limit: max(0, limit - x))
        }
        if let runbook = listed.runbook {
            x += frame.put("→ " + runbook, column: x, row: row, style: base, limit: max(0, limit - x))
        } else {
            x += frame.put(
                model.tr("ui.catalog.alert_no_runbook"), column: x, row: row, style: selected ? base : theme.dim,
                limit: max(0, limit - x))
        }
        let labels = keyLabels(of: listed.alert)
        if !labels.isEmpty, x + 2 < limit {
            frame.put(" " + labels, column: x, row: row, style: selected ? base : theme.dim, limit: limit - x)
        }
    }
}

/// The open incidents, most recent first.
func drawOpenIncidents(_ frame: inout Frame, _ model: AppModel, rows: Range<Int>) {
    let theme = model.theme
    let state = model.openIncidents
    guard state.loaded else {
        frame.put(model.tr("ui.open_incidents.listing"), column: 1, row: rows.lowerBound)
        return
    }
    guard !state.incidents.isEmpty else {
        frame.put(model.tr("ui.open_incidents.none"), column: 1, row: rows.lowerBound)
        return
    }
    let offset = max(0, state.cursor - rows.count + 1)
    for (row, (index, incident)) in zip(rows, Array(state.incidents.enumerated()).dropFirst(offset)) {
        let isSelected = index == state.cursor
        let base = isSelected ? theme.selected : theme.plain
        if isSelected { frame.fill(row: row, style: base) }
        var badge = theme.badge(incident.severity)
        badge.reverse = isSelected
        var x = 1
        x += frame.put(incident.severity.rawValue, column: x, row: row, style: badge) + 1
        let age = DurationFormat.clock(model.now.timeIntervalSince(incident.openedAt))
        let drill = incident.drill ? model.tr("ui.open_incidents.drill") : ""
        x += frame.put(incident.id, column: x, row: row, style: base.with(bold: true), limit: 24) + 1
        frame.put(
            model.tr(
                "ui.open_incidents.row",
                [
                    "title": incident.title, "status": statusName(incident.status, model.localizer), "drill": drill,
                    "age": age,
                ]), column: x, row: row, style: base,
            limit: frame.width - x - 1)
    }
}

/// A line editor in a field of `width` columns, scrolled horizontally so that the cursor stays visible; an
/// ellipsis marks text hidden on either side, and a selected text (a prefilled value typing replaces) is reversed.
/// The terminal cursor is placed on it.
func drawEditor(_ frame: inout Frame, _ editor: LineEditor, column: Int, row: Int, width: Int, theme: Theme) {
    guard width > 2 else { return }
    // A pasted line break is shown as a mark of its own; the editor stays one row.
    let shown = editor.characters.map { $0 == "\n" ? "↵" : String($0) }
    let widths = shown.map { displayWidth(of: $0) }
    let cursorColumn = widths.prefix(editor.cursor).reduce(0, +)
    var first = 0
    var hidden = 0
    // The cursor needs its own column after the text before it, and the left ellipsis one more.
    while (first > 0 ? 1 : 0) + cursorColumn - hidden > width - 1, first < editor.cursor {
        hidden += widths[first]
        first += 1
    }
    var x = column
    if first > 0 {
        x += frame.put(ellipsis, column: x, row: row, style: theme.dim)
    }
    let cursorX = x + cursorColumn - hidden
    var index = first
    while index < widths.count, x + widths[index] <= column + width {
        x += frame.put(shown[index], column: x, row: row, style: editor.isSelected ? theme.selected : theme.plain)
        index += 1
    }
    if index < widths.count {
        frame.put(ellipsis, column: min(x, column + width - 1), row: row, style: theme.dim)
    }
    frame.cursor = (column: cursorX, row: row)
}
