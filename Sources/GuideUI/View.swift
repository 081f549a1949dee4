import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// The smallest terminal the guide lays out in; below it the view says so.
public let minimumSize = (width: 40, height: 12)

/// Draws the whole screen for the model. Pure.
public func view(_ model: AppModel) -> Frame {
    var frame = Frame(width: model.width, height: model.height)
    guard model.width >= minimumSize.width, model.height >= minimumSize.height else {
        drawTooSmall(&frame, model.localizer)
        return frame
    }
    let theme = model.theme
    switch model.screen {
    case .catalog:
        drawHeader(&frame, model.tr("ui.header.runbooks"), theme)
        drawCatalog(&frame, model, rows: 1..<(model.height - 1))
    case .openIncidents:
        drawHeader(&frame, model.tr("ui.header.open_incidents"), theme)
        drawOpenIncidents(&frame, model, rows: 1..<(model.height - 1))
    case .walkthrough:
        drawIncidentHeader(&frame, model)
        let pinned = pinnedNoteRows(model)
        if pinned > 0 { drawPinnedNote(&frame, model, row: 1) }
        drawWalkthrough(&frame, model, rows: (1 + pinned)..<(model.height - 2))
        drawStatusBar(&frame, model, row: model.height - 2)
    case .timeline:
        // The times of day are in the clock's zone; the header names it where the timeline shows them.
        let zone = model.width >= timelineClockWidth ? model.clock.zoneName(at: model.now) : nil
        drawIncidentHeader(&frame, model, zone: zone)
        drawTimeline(&frame, model, rows: 1..<(model.height - 2))
        drawStatusBar(&frame, model, row: model.height - 2)
    case .commandOutput:
        drawIncidentHeader(&frame, model)
        drawCommandOutput(&frame, model)
        drawStatusBar(&frame, model, row: model.height - 2)
    case .review:
        drawReview(&frame, model)
    }
    drawBottomLine(&frame, model, row: model.height - 1)
    drawOverlay(&frame, model)
    return frame
}

/// The frame shown when the terminal is smaller than `minimumSize`.
func drawTooSmall(_ frame: inout Frame, _ localizer: Localizer) {
    let lines = [
        localizer.tr("ui.too_small.title"),
        localizer.tr(
            "ui.too_small.sizes",
            [
                "need": "\(minimumSize.width)×\(minimumSize.height)",
                "have": "\(frame.width)×\(frame.height)",
            ]),
        localizer.tr("ui.too_small.enlarge"),
    ]
    let top = max(0, (frame.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < frame.height {
        let text = truncate(line, toWidth: frame.width)
        let left = max(0, (frame.width - displayWidth(of: text)) / 2)
        frame.put(text, column: left, row: top + index, style: index == 0 ? Style(bold: true) : .plain)
    }
}

/// The top row: the drill banner when given, the title, and `zone` at its right end when given (the title is cut
/// before it; the banner never is).
private func drawHeader(
    _ frame: inout Frame, _ title: String, _ theme: Theme, zone: String? = nil, banner: String? = nil
) {
    frame.fill(row: 0, style: theme.bar)
    let left = banner.map { frame.put($0, column: 0, row: 0, style: theme.drill) } ?? 0
    let right = zone.map { " \($0) " } ?? ""
    let rightWidth = displayWidth(of: right)
    frame.put(
        " " + title, column: left, row: 0, style: theme.bar.with(bold: true),
        limit: max(0, (rightWidth > 0 ? frame.width - rightWidth - 1 : frame.width) - left))
    if rightWidth > 0 { frame.put(right, column: frame.width - rightWidth, row: 0, style: theme.bar) }
}

/// The banner that opens the top row of every screen of a drill incident, whatever dialog is over it: dialogs are
/// drawn from the second row down, so nothing covers it.
func drillBanner(_ model: AppModel, drill: Bool) -> String? {
    drill ? model.tr("ui.header.drill_banner") : nil
}

private func drawIncidentHeader(_ frame: inout Frame, _ model: AppModel, zone: String? = nil) {
    guard let progress = model.progress else { return drawHeader(&frame, "respond", model.theme, zone: zone) }
    let runbook = model.currentRunbook?.title ?? progress.runbook
    // An incident titled after its runbook would otherwise read "High CPU Usage · High CPU Usage".
    let title = progress.title == runbook ? runbook : "\(progress.title) · \(runbook)"
    drawHeader(&frame, title, model.theme, zone: zone, banner: drillBanner(model, drill: progress.drill))
}

/// The last row: the notice, else the runbook a start waits for, else unsaved events waiting for a retry, else what
/// others recorded lately, else the keys of the screen.
private func drawBottomLine(_ frame: inout Frame, _ model: AppModel, row: Int) {
    let theme = model.theme
    if let notice = model.notice {
        frame.put(notice.text, column: 0, row: row, style: notice.isError ? theme.error : theme.strong)
    } else if let awaited = model.awaiting {
        frame.put(
            model.tr("ui.notice.loading_runbook", ["runbook": awaited.runbook]), column: 0, row: row,
            style: theme.strong)
    } else if !model.journal.unsaved.isEmpty, model.incident != nil {
        let first = model.journal.unsaved.first.map { describe($0.kind, model.localizer) } ?? ""
        let more = model.journal.unsaved.count > 1 ? " (+\(model.journal.unsaved.count - 1))" : ""
        frame.put(
            model.tr("ui.notice.not_saved", ["event": first + more]), column: 0, row: row, style: theme.error)
    } else if !model.arrivals.isEmpty {
        drawArrivalLine(&frame, model, row: row)
    } else {
        frame.put(hints(model), column: 0, row: row, style: theme.dim)
    }
}

private func hints(_ model: AppModel) -> String {
    let words = model.localizer
    return switch model.screen {
    case .catalog: model.catalog.filter != nil ? words.tr("ui.hint.catalog_filter") : catalogHints.line(words)
    case .openIncidents: openIncidentsHints.line(words)
    case .walkthrough:
        (model.commands.isRunning ? words.tr("ui.hint.command_running_prefix") : "")
            + walkthroughHints(model).line(words)
    case .commandOutput: commandOutputHints.line(words)
    case .timeline: timelineHints.line(words)
    case .review: reviewHints.line(words)
    }
}
