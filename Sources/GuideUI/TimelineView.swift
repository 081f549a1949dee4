import Foundation
import IncidentKit
import RunbookKit
import TerminalText

/// The timeline: one entry per event, oldest at the top and newest at the bottom, each with its time since
/// the incident opened, its UTC time and its actor; long entries wrap under their text.
func drawTimeline(_ frame: inout Frame, _ model: AppModel, rows: Range<Int>) {
    let theme = model.theme
    guard let session = model.incident, let progress = model.progress else { return }
    let opened = progress.openedAt ?? session.events.first?.occurredAt ?? model.now
    var lines: [StyledLine] = []
    let narrow = frame.width < 64
    for event in session.events {
        let elapsed = "+" + formatDuration(event.occurredAt.timeIntervalSince(opened))
        let prefix = narrow ? "\(elapsed) " : "\(elapsed)  \(clock(event.occurredAt))  "
        let actor = sanitize(event.actor)
        let text = narrow ? describe(event.kind) : "\(truncate(actor, toWidth: 12)): \(describe(event.kind))"
        let indentWidth = displayWidth(of: prefix)
        let style: Style = {
            if case .note(_, true, _) = event.kind { return theme.strong }
            return theme.plain
        }()
        for (index, line) in wrapRuns([Run(text, style)], width: frame.width - 2 - indentWidth).enumerated() {
            let lead = index == 0 ? prefix : String(repeating: " ", count: indentWidth)
            lines.append([Run(lead, theme.dim)] + line)
        }
    }
    let visible = rows.count
    let scroll = min(session.timelineScroll, max(0, lines.count - visible))
    let end = lines.count - scroll
    let start = max(0, end - visible)
    for (row, line) in zip(rows, lines[start..<end]) {
        frame.put(line, column: 1, row: row, limit: frame.width - 2)
    }
    if start > 0 {
        frame.put("↑ \(start) earlier", column: frame.width - 14, row: rows.lowerBound, style: theme.dim)
    }
}

/// An event in one line of words, sanitized.
func describe(_ kind: EventKind) -> String {
    let text: String
    switch kind {
    case .incidentOpened(let title, let severity, let runbook, let drill, _):
        text = "opened \(drill ? "drill " : "")\"\(title)\" \(severity.rawValue) on \(runbook)"
    case .runbookSwitched(let runbook): text = "switched to runbook \(runbook)"
    case .stepDone(let step): text = "done: \(step.title)"
    case .stepSkipped(let step, let reason): text = "skipped: \(step.title) (\(reason))"
    case .checklistChecked(let item): text = "checked: \(item.text)"
    case .checklistUnchecked(let item): text = "unchecked: \(item.text)"
    case .note(let note, let pinned, let commander):
        text = "\(pinned ? "📌 " : "")\(commander ? "commander " : "")note: \(note)"
    case .statusChanged(let status): text = "status → \(status.rawValue)"
    case .severityChanged(let severity): text = "severity → \(severity.rawValue)"
    case .roleAssigned(let role, let person): text = "\(person) is \(role.rawValue)"
    case .escalated(let to): text = "escalated to \(to)"
    case .commandCopied(let command, _): text = "copied: \(command)"
    case .commandRan(let run): text = "ran: \(run.command) → \(run.exitCode.map(String.init) ?? run.stoppedBecause ?? "stopped")"
    case .runbookFeedback(_, let step, let feedback): text = "feedback\(step.map { " on \($0)" } ?? ""): \(feedback)"
    case .milestone(let milestone): text = "milestone: \(milestone.rawValue)"
    case .pinChanged(let seq, let pinned): text = "\(pinned ? "pinned" : "unpinned") #\(seq)"
    case .exportWritten(let path, let format): text = "exported \(format): \(path)"
    case .incidentClosed: text = "closed"
    case .reopened: text = "reopened"
    }
    return sanitize(text)
}
