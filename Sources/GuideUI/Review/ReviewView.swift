import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// The review: the incident's header, its timeline as a table with the selected event in full below it, the
/// progress pane (beside the table on wide screens, over it otherwise) and the status bar.
func drawReview(_ frame: inout Frame, _ model: AppModel) {
    guard let review = model.review else { return }
    let layout = ReviewLayout(model)
    drawReviewHeader(&frame, model, review)
    if layout.showsProgress {
        let column = layout.isSplit ? layout.paneColumn + 1 : 1
        let width = layout.paneTextWidth
        if layout.isSplit {
            for row in layout.paneRows { frame.put("│", column: layout.paneColumn, row: row, style: model.theme.frame) }
        }
        drawProgressPane(
            &frame, model, column: column, width: width, rows: layout.paneRows,
            scroll: layout.isSplit ? 0 : review.progressScroll)
    }
    if !layout.showsProgress || layout.isSplit {
        drawReviewTable(&frame, model, review, layout)
    }
    drawReviewStatus(&frame, model, review, row: layout.status)
}

private func drawReviewHeader(_ frame: inout Frame, _ model: AppModel, _ review: ReviewState) {
    let theme = model.theme
    frame.fill(row: 0, style: theme.bar)
    guard let state = model.progress else {
        frame.put(
            model.tr("ui.review.loading", ["reference": review.reference]), column: 0, row: 0,
            style: theme.bar.with(bold: true))
        return
    }
    let severity = state.severity?.rawValue ?? "P?"
    let closed = state.isClosed ? model.tr("ui.review.closed_suffix") : ""
    let right = " \(severity) · \(statusName(state.status, model.localizer))\(closed) "
    let rightWidth = displayWidth(of: right)
    let left = drillBanner(model, drill: state.drill).map { frame.put($0, column: 0, row: 0, style: theme.drill) } ?? 0
    frame.put(
        model.tr("ui.review.title", ["title": state.title]), column: left, row: 0, style: theme.bar.with(bold: true),
        limit: max(0, frame.width - rightWidth - 1 - left))
    var badge = theme.badge(state.severity).with(bold: true)
    badge.reverse = true
    // The severity and status give way to the drill banner on a narrow screen, never the other way round.
    let rightColumn = max(left, frame.width - rightWidth)
    frame.put(right, column: rightColumn, row: 0, style: badge, limit: frame.width - rightColumn)
    let elapsed =
        ReviewSummary.elapsed(state, now: model.now).map {
            model.tr("ui.review.elapsed", ["duration": model.localizer.spoken($0)])
        } ?? model.tr("ui.review.not_opened")
    frame.put(" \(elapsed) · \(ReviewSummary.roles(state, model.localizer))", column: 0, row: 1)
    var metrics = " " + ReviewSummary.metrics(state, model.localizer)
    if frame.width >= 100 {
        metrics += "   " + ReviewSummary.milestones(state, model.localizer, format: model.clock.wallClock)
    }
    frame.put(metrics, column: 0, row: 2, style: theme.dim)
}

private func drawReviewTable(_ frame: inout Frame, _ model: AppModel, _ review: ReviewState, _ layout: ReviewLayout) {
    let theme = model.theme
    let events = model.incident?.events ?? []
    let columns = ReviewColumns(width: layout.tableWidth, model)
    if let row = layout.columnTitles {
        frame.put(columns.titles, column: 0, row: row, style: theme.strong, limit: layout.tableWidth)
    }
    guard !review.rows.isEmpty else {
        let text = model.incident == nil ? "" : model.tr("ui.review.no_event_matches")
        frame.put(" " + text, column: 0, row: layout.table.lowerBound, style: theme.dim, limit: layout.tableWidth)
        return
    }
    let state = model.progress ?? IncidentState()
    let start = state.milestones.start ?? events.first?.occurredAt ?? model.now
    let top = visibleTop(top: review.top, cursor: review.cursor, count: review.rows.count, height: layout.table.count)
    let phrases = EventPhrases(model.localizer)
    for (row, index) in zip(layout.table, top..<review.rows.count) {
        let event = events[review.rows[index]]
        let selected = index == review.cursor
        let pinned = state.pinned.contains(event.ref)
        var base = theme.plain
        if pinned { base = theme.strong }
        if case .note(_, _, true) = event.kind { base = theme.commander }
        if selected {
            base.reverse = true
            frame.fill(row: row, to: layout.tableWidth, style: Style(reverse: true))
        }
        let cells = columns.cells(event, start: start, pinned: pinned)
        frame.put(
            cells, column: 0, row: row, style: selected ? Style(reverse: true) : theme.dim, limit: columns.eventColumn)
        let line = highlighted(
            ReviewSummary.text(event, phrases), query: review.query, base: base, match: theme.match)
        frame.put(
            line, column: columns.eventColumn, row: row, limit: layout.tableWidth - columns.eventColumn,
            base: selected ? Style(reverse: true) : nil)
    }
    if review.rows.indices.contains(review.cursor), !layout.detail.isEmpty {
        let event = events[review.rows[review.cursor]]
        let head = "\(event.ref.label) \(model.clock.stamp(event.occurredAt)) \(sanitize(event.actor)): "
        let lines = wrap(head + ReviewSummary.text(event, phrases), width: frame.width - 2)
        for (offset, row) in layout.detail.enumerated() where offset < lines.count {
            let more = offset == layout.detail.count - 1 && lines.count > layout.detail.count
            frame.put(" " + lines[offset] + (more ? " …" : ""), column: 0, row: row, style: theme.dim)
        }
    }
}

/// The table's columns: a pin marker, the local time (on wide tables, its title naming the zone), the time since
/// the incident started, the actor, and the event.
struct ReviewColumns {
    /// Whether the table has room for the time of day.
    let wide: Bool
    /// The actor column's width.
    let actorWidth: Int
    /// The zone the times are in.
    let clock: ZoneClock
    /// The titles of the time, elapsed, actor and event columns, in the model's language.
    let timeTitle: String
    let elapsedTitle: String
    let actorTitle: String
    let eventTitle: String
    /// The time column's width: the time and a space, or its title and a space when that is wider.
    let timeWidth: Int

    init(width: Int, _ model: AppModel) {
        wide = width >= 64
        actorWidth = wide ? 10 : 6
        clock = model.clock
        timeTitle = model.tr("ui.review.column.time", ["zone": model.clock.shortZone(at: model.now)])
        elapsedTitle = model.tr("ui.review.column.elapsed")
        actorTitle = model.tr("ui.review.column.actor")
        eventTitle = model.tr("ui.review.column.event")
        timeWidth = max(9, displayWidth(of: timeTitle) + 1)
    }

    /// Where the event's text starts.
    var eventColumn: Int { 2 + (wide ? timeWidth : 0) + 9 + actorWidth + 1 }

    /// The column titles.
    var titles: String {
        "  " + (wide ? fit(timeTitle, toWidth: timeWidth) : "") + fit(elapsedTitle, toWidth: 9)
            + fit(actorTitle, toWidth: actorWidth + 1) + eventTitle
    }

    /// The cells before the event's text: marker, time, elapsed and actor, padded to `eventColumn`.
    func cells(_ event: Event, start: Date, pinned: Bool) -> String {
        let elapsed = DurationFormat.signed(from: start, to: event.occurredAt)
        return (pinned ? "* " : "  ") + (wide ? fit(clock.wallClock(event.occurredAt), toWidth: timeWidth) : "")
            + fit(elapsed, toWidth: 9) + fit(sanitize(event.actor), toWidth: actorWidth) + " "
    }
}

/// Text with every case-insensitive occurrence of `query` in the match style.
func highlighted(_ text: String, query: String?, base: Style, match: Style) -> StyledLine {
    guard let query, !query.isEmpty else { return [Run(text, base)] }
    var runs: StyledLine = []
    var rest = text[...]
    while let range = rest.caseInsensitiveRange(of: query) {
        if range.lowerBound > rest.startIndex { runs.append(Run(String(rest[..<range.lowerBound]), base)) }
        runs.append(Run(String(rest[range]), match))
        rest = rest[range.upperBound...]
    }
    if !rest.isEmpty { runs.append(Run(String(rest), base)) }
    return runs
}

private func drawProgressPane(
    _ frame: inout Frame, _ model: AppModel, column: Int, width: Int, rows: Range<Int>, scroll: Int
) {
    guard let pane = model.review?.pane else { return }
    let first = min(scroll, max(0, pane.rowCount - rows.count))
    for (row, line) in zip(rows, pane.rows(from: first, count: rows.count, theme: model.theme)) {
        frame.put(line, column: column, row: row, limit: width)
    }
    if first + rows.count < pane.rowCount, let last = rows.last {
        frame.fill(row: last, from: column, to: column + width)
        frame.put(
            model.tr("ui.review.pane_more", ["count": String(pane.rowCount - first - rows.count)]), column: column,
            row: last, style: model.theme.dim,
            limit: width)
    }
}

private func drawReviewStatus(_ frame: inout Frame, _ model: AppModel, _ review: ReviewState, row: Int) {
    let theme = model.theme
    if let input = review.input {
        let label = input.purpose == .search ? "/" : model.tr("ui.review.annotation_label")
        let used = frame.put(label, column: 0, row: row, style: theme.strong)
        drawEditor(&frame, input.editor, column: used, row: row, width: frame.width - used, theme: theme)
        return
    }
    frame.fill(row: row, style: theme.bar)
    let journal = " \(model.journal.label(model.localizer)) "
    let unseen = review.unseen > 0 ? model.tr("ui.review.unseen", ["count": String(review.unseen)]) : ""
    let sync = syncStatusText(model).map { " \($0) " } ?? ""
    let right = displayWidth(of: unseen) + displayWidth(of: sync) + displayWidth(of: journal)
    frame.put(
        " " + reviewFilterLabel(review, model.localizer), column: 0, row: row, style: theme.bar,
        limit: max(0, frame.width - right - 1))
    var x = frame.width - right
    if !unseen.isEmpty { x += frame.put(unseen, column: x, row: row, style: theme.warning) }
    if !sync.isEmpty { x += frame.put(sync, column: x, row: row, style: theme.error) }
    frame.put(
        journal, column: x, row: row, style: model.journal.lastError != nil ? theme.error : theme.bar.with(bold: true))
}

/// The filter and search in a few words: `all kinds · system hidden`, `notes+checks · by bob · /cpu`.
func reviewFilterLabel(_ review: ReviewState, _ words: Localizer) -> String {
    let filter = review.filter
    var parts = [
        filter.categories.count == ReviewCategory.allCases.count
            ? words.tr("ui.review.all_kinds") : filter.categories.sorted().map { $0.name(words) }.joined(separator: "+")
    ]
    if let actor = filter.actor { parts.append(words.tr("ui.review.by_actor", ["actor": actor])) }
    parts.append(filter.showSystem ? words.tr("ui.review.system_shown") : words.tr("ui.review.system_hidden"))
    if let query = review.query { parts.append("/\(query)") }
    return parts.joined(separator: " · ")
}
