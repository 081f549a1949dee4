import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText

/// The walkthrough: from 100 columns the outline with progress beside the current step; narrower, one line above
/// the step that keeps the place (the section's progress, the item's number, and `O outline` when it fits).
/// A file that only says its runbook moved elsewhere: where to, and that it is a stub rather than a runbook to
/// walk.
private func drawMovedStub(_ frame: inout Frame, _ model: AppModel, destination: String, rows: Range<Int>) {
    let width = frame.width - 2
    frame.put(
        model.tr("ui.walkthrough.moved_runbook", ["destination": destination]), column: 1, row: rows.lowerBound,
        style: model.theme.strong, limit: width)
    frame.put(model.tr("ui.walkthrough.moved_runbook_keys"), column: 1, row: rows.lowerBound + 1, limit: width)
}

func drawWalkthrough(_ frame: inout Frame, _ model: AppModel, rows: Range<Int>) {
    let theme = model.theme
    guard let session = model.incident, let progress = model.progress else { return }
    guard let runbook = model.currentRunbook else {
        if model.library.awaits(progress.runbook) {
            frame.put(
                model.tr("ui.walkthrough.loading", ["runbook": progress.runbook]), column: 1, row: rows.lowerBound)
            return
        }
        frame.put(
            model.tr("ui.walkthrough.missing_runbook", ["runbook": progress.runbook]), column: 1, row: rows.lowerBound,
            style: theme.error)
        frame.put(
            model.tr("ui.walkthrough.missing_runbook_keys"), column: 1, row: rows.lowerBound + 1)
        return
    }
    let items = runbook.walkthroughItems
    let cursor = min(session.cursor, max(0, items.count - 1))
    if let destination = runbook.movedTo {
        drawMovedStub(&frame, model, destination: destination, rows: rows)
        return
    }
    guard !items.isEmpty else {
        frame.put(model.tr("ui.walkthrough.empty_runbook"), column: 1, row: rows.lowerBound)
        return
    }
    let layout = WalkthroughLayout(model)
    let contentRows = (rows.lowerBound + layout.contentTop)..<rows.upperBound
    if layout.showsOutline {
        drawOutline(&frame, model, runbook, progress, cursor: cursor, rows: rows, width: layout.outlineWidth)
        for row in rows { frame.put("│", column: layout.outlineWidth, row: row, style: theme.dim) }
    } else {
        let group = runbook.outline(model.localizer).first { $0.items.contains(cursor) }
        let summary = group.map { "\($0.name) \(groupProgress($0, items, runbook.id, progress))" } ?? ""
        let place = model.tr(
            "ui.walkthrough.place", ["summary": summary, "item": String(cursor + 1), "count": String(items.count)])
        let column = 1 + frame.put(place, column: 1, row: rows.lowerBound, style: theme.strong, limit: frame.width - 2)
        let hint = model.tr("ui.walkthrough.outline_hint")
        if displayWidth(of: hint) <= frame.width - column - 1 {
            frame.put(hint, column: column, row: rows.lowerBound, style: theme.dim)
        }
    }
    let lines = contentLines(model, runbook, progress, items[cursor], width: layout.contentWidth)
    let maxScroll = max(0, lines.count - contentRows.count)
    let scroll = min(session.contentScroll, maxScroll)
    for (row, line) in zip(contentRows, lines.dropFirst(scroll)) {
        frame.put(line, column: layout.contentColumn, row: row, limit: layout.contentWidth)
    }
    if scroll < maxScroll, let last = contentRows.last {
        frame.fill(row: last, from: layout.contentColumn)
        frame.put(model.tr("ui.walkthrough.more"), column: layout.contentColumn, row: last, style: theme.dim)
    }
}

/// Where the walkthrough's parts go for the model's terminal size: the outline beside the text when there is
/// room for both, else a one-line summary above it.
struct WalkthroughLayout {
    let showsOutline: Bool
    let outlineWidth: Int
    let contentColumn: Int
    let contentWidth: Int
    /// The first content row, counted from the top of the walkthrough's area.
    let contentTop: Int
    /// The number of rows the step's text has.
    let contentHeight: Int

    /// The widest the step's text runs: past it lines are too long to read, so a wide terminal gives the outline
    /// more room instead and leaves the rest blank.
    static let readableWidth = 100
    /// The widest the outline grows on a wide terminal.
    static let widestOutline = 48

    init(_ model: AppModel) {
        showsOutline = model.width >= 100
        // The outline keeps 28 columns (a third of a narrower terminal) until the text has its readable width,
        // then takes the columns beyond it, up to `widestOutline`.
        let spare = model.width - 3 - Self.readableWidth
        outlineWidth = showsOutline ? max(min(28, model.width / 3), min(Self.widestOutline, spare)) : 0
        contentColumn = showsOutline ? outlineWidth + 2 : 1
        contentWidth = min(Self.readableWidth, model.width - contentColumn - 1)
        contentTop = showsOutline ? 0 : 1
        // The header, the status bar and the bottom line take three rows, and a pinned note waiting one more.
        contentHeight = max(0, model.height - 3 - contentTop - pinnedNoteRows(model))
    }
}

/// How far the current step's text can scroll before its last line reaches the bottom.
func maxContentScroll(_ model: AppModel) -> Int {
    guard let session = model.incident, let progress = model.progress, let runbook = model.currentRunbook else {
        return 0
    }
    let items = runbook.walkthroughItems
    guard !items.isEmpty else { return 0 }
    let layout = WalkthroughLayout(model)
    let lines = contentLines(
        model, runbook, progress, items[min(session.cursor, items.count - 1)], width: layout.contentWidth)
    return max(0, lines.count - layout.contentHeight)
}

/// The row of the current step's text where the selected code block's title line is, when it has one.
func selectedBlockRow(_ model: AppModel) -> Int? {
    guard let session = model.incident, let progress = model.progress, let runbook = model.currentRunbook else {
        return nil
    }
    let items = runbook.walkthroughItems
    guard !items.isEmpty else { return nil }
    let layout = WalkthroughLayout(model)
    let lines = contentLines(
        model, runbook, progress, items[min(session.cursor, items.count - 1)], width: layout.contentWidth)
    return lines.firstIndex { line in line.contains { $0.text.hasPrefix(selectionMark) } }
}

/// `done/total` for a group of the outline; skipped steps count as handled.
private func groupProgress(
    _ group: OutlineGroup, _ items: [WalkthroughItem], _ runbook: String, _ progress: IncidentState
) -> String {
    let handled = group.items.filter { index in
        switch items[index] {
        case .step(let step): progress.isDone(runbook, step) || progress.skipReason(runbook, step) != nil
        case .check(let item): progress.isChecked(runbook, item)
        }
    }.count
    return "\(handled)/\(group.items.count)"
}

private func drawOutline(
    _ frame: inout Frame, _ model: AppModel, _ runbook: Runbook, _ progress: IncidentState, cursor: Int,
    rows: Range<Int>, width: Int
) {
    let theme = model.theme
    let items = runbook.walkthroughItems
    var lines: [(text: String, style: Style, isCursor: Bool)] = []
    for group in runbook.outline(model.localizer) {
        let current = group.items.contains(cursor)
        lines.append(
            (
                "\(group.name) \(groupProgress(group, items, runbook.id, progress))",
                current ? theme.heading : theme.strong, false
            ))
        for index in group.items {
            let entry = outlineEntry(items[index], runbook, progress, theme)
            lines.append((" \(entry.mark) \(entry.label)", entry.style, index == cursor))
        }
    }
    let cursorLine = lines.firstIndex { $0.isCursor } ?? 0
    let offset = max(0, min(cursorLine - rows.count / 2, lines.count - rows.count))
    for (row, line) in zip(rows, lines.dropFirst(offset)) {
        var style = line.style
        if line.isCursor {
            style.reverse = true
            frame.fill(row: row, from: 0, to: width, style: style)
        }
        frame.put(line.text, column: 0, row: row, style: style, limit: width - 1)
    }
}

/// The right-hand side: the step's title, its state and its text, or the checklist around the current item.
private func contentLines(
    _ model: AppModel, _ runbook: Runbook, _ progress: IncidentState, _ item: WalkthroughItem, width: Int
) -> [StyledLine] {
    let theme = model.theme
    var renderer = BlockRenderer(theme: theme, words: model.localizer)
    switch item {
    case .step(let step):
        let blocks = step.codeBlocks
        if let block = selectedBlock(model, step) {
            renderer.selection = (block, model.commands.selected(in: step.key, count: blocks.count), blocks.count)
        }
        let section = runbook.sectionTitle(step.section, model.localizer)
        var lines = wrapRuns([Run("\(section) · \(step.number). \(sanitize(step.title))", theme.heading)], width: width)
        if let done = progress.progress(of: runbook.id).steps[step.key], done.outcome == .done {
            lines += wrapRuns(
                [
                    Run(
                        model.tr(
                            "ui.walkthrough.done_by",
                            ["actor": sanitize(done.stamp.actor), "time": model.clock.wallClock(done.stamp.at)]),
                        theme.done)
                ],
                width: width)
        } else if let reason = progress.skipReason(runbook.id, step) {
            lines += wrapRuns(
                [Run(model.tr("ui.walkthrough.skipped", ["reason": sanitize(reason)]), theme.strong)], width: width)
        } else {
            let hints = stepHints + (blocks.isEmpty ? [] : commandHints(blocks.count))
            lines += wrapRuns([Run(hints.line(model.localizer), theme.dim)], width: width)
        }
        lines.append([])
        return lines + renderer.render(step.body, width: width)
    case .check(let current):
        let title = runbook.sectionTitle(.verification, model.localizer)
        var lines = wrapRuns([Run(sanitize(title), theme.heading)], width: width)
        lines += wrapRuns([Run(model.tr("ui.walkthrough.toggle_hint"), theme.dim)], width: width)
        lines.append([])
        for item in runbook.checklist {
            let checked = progress.isChecked(runbook.id, item)
            let box = checked ? "[x] " : "[ ] "
            var style = checked ? theme.done : theme.plain
            if item == current { style.reverse = true }
            let wrapped = wrapRuns([Run(sanitize(item.text), style)], width: width - 4)
            for (index, line) in wrapped.enumerated() {
                lines.append([Run(index == 0 ? box : "    ", style)] + line)
            }
        }
        return lines
    }
}

/// How long without a status update before the status bar nudges the responder to post one.
let statusUpdateNudge: TimeInterval = 30 * 60

/// The status bar: incident id, severity, status, elapsed time, commander, actor, journal state, time since the
/// last status update. When it does not fit, the least needed fields go first; the journal state always stays.
func drawStatusBar(_ frame: inout Frame, _ model: AppModel, row: Int) {
    let theme = model.theme
    guard let session = model.incident else { return }
    let progress = session.state
    let now = model.now
    frame.fill(row: row, style: theme.bar)
    let sinceUpdate = progress.lastStatusUpdate.map { now.timeIntervalSince($0) } ?? 0
    let stale = sinceUpdate >= statusUpdateNudge
    let journalStyle = model.journal.lastError != nil ? theme.error : theme.bar.with(bold: true)
    let updateText =
        stale
        ? model.tr("ui.status_bar.stale", ["minutes": String(Int(sinceUpdate / 60))])
        : model.tr("ui.status_bar.updated", ["minutes": String(Int(max(0, sinceUpdate) / 60))])
    // When the bar is too narrow the id is shortened first (the header names the incident too), then the
    // lowest priorities go; the journal state always stays.
    var segments: [StatusSegment] =
        [
            StatusSegment(
                text: sanitize(session.id), style: theme.bar, priority: 2,
                short: shortIncidentID(session.id, runbook: progress.runbook).map { sanitize($0) }),
            StatusSegment(
                text: progress.shownSeverity.rawValue, style: barBadge(theme, progress.shownSeverity), priority: 5),
            StatusSegment(
                text: statusName(progress.status, model.localizer), style: theme.bar.with(bold: true), priority: 4),
            StatusSegment(
                text: DurationFormat.clock(progress.openedAt.map { now.timeIntervalSince($0) } ?? 0), style: theme.bar,
                priority: 3),
        ] + commanderSegment(model) + [
            StatusSegment(text: sanitize(model.actor), style: theme.bar, priority: 0),
            StatusSegment(text: model.journal.label(model.localizer), style: journalStyle, priority: 6),
            StatusSegment(text: updateText, style: stale ? theme.warning : theme.bar, priority: stale ? 5 : 1),
        ]
    if let sync = syncStatusText(model) { segments.append(StatusSegment(text: sync, style: theme.error, priority: 5)) }
    fitStatusSegments(&segments, width: frame.width)
    var x = 1
    for (index, segment) in segments.enumerated() {
        if index > 0 { x += frame.put(" │ ", column: x, row: row, style: theme.bar) }
        x += frame.put(segment.text, column: x, row: row, style: segment.style, limit: frame.width - x)
    }
}

/// Who is commander now, as `IC amy` with a long name cut; dropped after the elapsed time when the bar is narrow.
private func commanderSegment(_ model: AppModel) -> [StatusSegment] {
    guard let commander = model.progress?.roles[.commander] else { return [] }
    let name = truncate(sanitize(commander), toWidth: 12)
    return [StatusSegment(text: model.tr("ui.arrival.commander", ["actor": name]), style: model.theme.bar, priority: 3)]
}

/// One field of the status bar; lower priorities are dropped first when the bar is too narrow.
private struct StatusSegment {
    var text: String
    var style: Style
    var priority: Int
    /// A shorter form that still says what the field says, tried before the text is cut.
    var short: String? = nil
}

/// The incident id without its runbook part, for a narrow status bar: `20261127T0351Z-slow-queries-2` on the
/// runbook `slow-queries` is `20261127T0351Z-2` (the header names the runbook). Nil for an id of another form.
func shortIncidentID(_ id: String, runbook: String) -> String? {
    guard let stamp = id.firstMatch(of: #/^\d{8}T\d{4}Z/#)?.output, !runbook.isEmpty else { return nil }
    let rest = id.dropFirst(stamp.count)
    guard rest.hasPrefix("-\(runbook)") else { return nil }
    let suffix = rest.dropFirst(runbook.count + 1)
    guard suffix.isEmpty || suffix.wholeMatch(of: #/-\d+/#) != nil else { return nil }
    return String(stamp + suffix)
}

/// Shortens the incident id (its short form, then cut), then drops the lowest-priority fields, until the bar fits `width` columns.
private func fitStatusSegments(_ segments: inout [StatusSegment], width: Int) {
    // One column of margin on each side and three between segments.
    func total(_ segments: [StatusSegment]) -> Int {
        segments.reduce(2) { $0 + displayWidth(of: $1.text) } + 3 * max(0, segments.count - 1)
    }
    if total(segments) > width, let id = segments.firstIndex(where: { $0.priority == 2 }),
        let short = segments[id].short
    {
        segments[id].text = short
    }
    let excess = total(segments) - width
    if excess > 0, let id = segments.firstIndex(where: { $0.priority == 2 }) {
        let idWidth = displayWidth(of: segments[id].text)
        segments[id].text = truncate(segments[id].text, toWidth: max(12, idWidth - excess))
    }
    for priority in 0...5 {
        while total(segments) > width, let index = segments.firstIndex(where: { $0.priority == priority }) {
            segments.remove(at: index)
        }
    }
}

private func barBadge(_ theme: Theme, _ severity: Severity) -> Style {
    var style = theme.badge(severity)
    if theme.color, style.foreground != nil {
        style = Style(foreground: .white, background: style.foreground, bold: true)
    } else {
        style.reverse = true
        style.bold = true
    }
    return style
}

/// How the outline shows one walkthrough item: its mark (done, skipped, open; ticked or not), its label and style.
func outlineEntry(
    _ item: WalkthroughItem, _ runbook: Runbook, _ progress: IncidentState, _ theme: Theme
) -> (mark: String, label: String, style: Style) {
    switch item {
    case .step(let step):
        if progress.isDone(runbook.id, step) { return ("✓", "\(step.number). \(step.title)", theme.done) }
        if progress.skipReason(runbook.id, step) != nil { return ("»", "\(step.number). \(step.title)", theme.dim) }
        return ("·", "\(step.number). \(step.title)", theme.plain)
    case .check(let item):
        let checked = progress.isChecked(runbook.id, item)
        return (checked ? "☑" : "☐", item.text, checked ? theme.done : theme.plain)
    }
}
