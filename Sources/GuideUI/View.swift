import Foundation
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText

/// The smallest terminal the guide lays out in; below it the view says so.
public let minimumSize = (width: 40, height: 12)

/// Draws the whole screen for the model. Pure.
public func view(_ model: AppModel) -> Frame {
    var frame = Frame(width: model.width, height: model.height)
    guard model.width >= minimumSize.width, model.height >= minimumSize.height else {
        drawTooSmall(&frame)
        return frame
    }
    let theme = model.theme
    switch model.screen {
    case .catalog:
        drawHeader(&frame, "respond · runbooks", theme)
        drawCatalog(&frame, model, rows: 1..<(model.height - 1))
    case .openIncidents:
        drawHeader(&frame, "respond · open incidents", theme)
        drawOpenIncidents(&frame, model, rows: 1..<(model.height - 1))
    case .walkthrough:
        drawIncidentHeader(&frame, model)
        drawWalkthrough(&frame, model, rows: 1..<(model.height - 2))
        drawStatusBar(&frame, model, row: model.height - 2)
    case .timeline:
        drawIncidentHeader(&frame, model)
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
func drawTooSmall(_ frame: inout Frame) {
    let lines = [
        "terminal too small",
        "(need \(minimumSize.width)×\(minimumSize.height), have \(frame.width)×\(frame.height))",
        "enlarge the window",
    ]
    let top = max(0, (frame.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < frame.height {
        let text = truncate(line, toWidth: frame.width)
        let left = max(0, (frame.width - displayWidth(of: text)) / 2)
        frame.put(text, column: left, row: top + index, style: index == 0 ? Style(bold: true) : .plain)
    }
}

private func drawHeader(_ frame: inout Frame, _ title: String, _ theme: Theme) {
    frame.fill(row: 0, style: theme.bar)
    frame.put(" " + title, column: 0, row: 0, style: theme.bar.with(bold: true), limit: frame.width)
}

private func drawIncidentHeader(_ frame: inout Frame, _ model: AppModel) {
    guard let progress = model.progress else { return drawHeader(&frame, "respond", model.theme) }
    let runbook = model.currentRunbook?.title ?? progress.runbook
    let drill = progress.drill ? "DRILL · " : ""
    // An incident titled after its runbook would otherwise read "High CPU Usage · High CPU Usage".
    let title = progress.title == runbook ? runbook : "\(progress.title) · \(runbook)"
    drawHeader(&frame, drill + title, model.theme)
}

/// The last row: the notice, else the runbook a start waits for, else unsaved events waiting for a retry, else the
/// keys of the screen.
private func drawBottomLine(_ frame: inout Frame, _ model: AppModel, row: Int) {
    let theme = model.theme
    if let notice = model.notice {
        frame.put(notice.text, column: 0, row: row, style: notice.isError ? theme.error : theme.strong)
    } else if let awaited = model.awaiting {
        frame.put("loading runbook \(awaited.runbook)…", column: 0, row: row, style: theme.strong)
    } else if !model.journal.unsaved.isEmpty, model.incident != nil {
        let first = model.journal.unsaved.first.map { describe($0.kind) } ?? ""
        let more = model.journal.unsaved.count > 1 ? " (+\(model.journal.unsaved.count - 1))" : ""
        frame.put("NOT SAVED: \(first)\(more) · R retries", column: 0, row: row, style: theme.error)
    } else {
        frame.put(hints(model), column: 0, row: row, style: theme.dim)
    }
}

private func hints(_ model: AppModel) -> String {
    switch model.screen {
    case .catalog: model.catalog.filter != nil ? catalogFilterHint : catalogHints.line
    case .openIncidents: openIncidentsHints.line
    case .walkthrough: (model.commands.isRunning ? "command running: " : "") + walkthroughHints(model).line
    case .commandOutput: commandOutputHints.line
    case .timeline: timelineHints.line
    case .review: reviewHints.line
    }
}
