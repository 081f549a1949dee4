import Foundation
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText

/// The timeline: one entry per event, oldest at the top and newest at the bottom, each with its time since
/// the incident opened, its UTC time and its actor; long entries wrap under their text.
///
/// Only the entries on screen are laid out: the rows every entry takes come from the session's
/// `TimelineRowCounts`, kept as events arrive, so a frame costs the same on a journal of any length.
func drawTimeline(_ frame: inout Frame, _ model: AppModel, rows: Range<Int>) {
    let theme = model.theme
    guard let session = model.incident else { return }
    let opened = timelineOrigin(model)
    let counts =
        session.timelineRows.flatMap {
            $0.matches(width: frame.width, opened: opened, events: session.events) ? $0 : nil
        }
        ?? TimelineRowCounts(session.events, width: frame.width, opened: opened)
    let visible = rows.count
    let scroll = min(session.timelineScroll, max(0, counts.total - visible))
    let end = counts.total - scroll
    let start = max(0, end - visible)
    // Walk up from the newest entry to the ones that cover rows start..<end.
    var entryEnd = counts.total
    var first = session.events.endIndex
    while first > session.events.startIndex, entryEnd > start {
        first -= 1
        entryEnd -= counts.rows[first]
    }
    // The marker takes the right end of the first row, whose text is cut before it rather than drawn under it.
    let marker = start > 0 ? "↑ \(start) earlier" : ""
    let markerColumn = frame.width - 1 - displayWidth(of: marker)
    var row = entryEnd
    var screenRow = rows.lowerBound
    for event in session.events[first...] where row < end {
        for line in timelineEntry(event, opened: opened, width: frame.width, theme: theme) {
            defer { row += 1 }
            guard row >= start, row < end else { continue }
            let limit = screenRow == rows.lowerBound && start > 0 ? markerColumn - 2 : frame.width - 2
            frame.put(line, column: 1, row: screenRow, limit: limit)
            screenRow += 1
        }
    }
    if start > 0 {
        frame.put(marker, column: markerColumn, row: rows.lowerBound, style: theme.dim)
    }
}

/// The moment the timeline counts elapsed time from: the incident's opening, else its first event.
func timelineOrigin(_ model: AppModel) -> Date {
    model.progress?.openedAt ?? model.incident?.events.first?.occurredAt ?? model.now
}

/// One event's entry in the timeline at a frame `width`: its wrapped lines, the first led by the elapsed time,
/// the UTC time and the actor, the rest indented under the text.
func timelineEntry(_ event: Event, opened: Date, width: Int, theme: Theme) -> [StyledLine] {
    let (prefix, text, textWidth) = timelineEntryParts(event, opened: opened, width: width)
    let indentWidth = displayWidth(of: prefix)
    let style: Style = {
        if case .note(_, _, true) = event.kind { return theme.commander }
        if case .note(_, true, _) = event.kind { return theme.strong }
        return theme.plain
    }()
    return wrapRuns([Run(text, style)], width: textWidth).enumerated().map { index, line in
        [Run(index == 0 ? prefix : String(repeating: " ", count: indentWidth), theme.dim)] + line
    }
}

/// The rows `timelineEntry` gives the event, counted without laying the entry out.
func timelineEntryRowCount(_ event: Event, opened: Date, width: Int) -> Int {
    let (_, text, textWidth) = timelineEntryParts(event, opened: opened, width: width)
    return wrappedLineCount(text, width: textWidth)
}

/// An entry's prefix (elapsed time, and the clock when there is room), its text, and the columns the text wraps in.
private func timelineEntryParts(_ event: Event, opened: Date, width: Int) -> (
    prefix: String, text: String, textWidth: Int
) {
    let narrow = width < 64
    let elapsed = "+" + DurationFormat.clock(event.occurredAt.timeIntervalSince(opened))
    let prefix = narrow ? "\(elapsed) " : "\(elapsed)  \(JournalTime.clock(event.occurredAt))  "
    let text =
        narrow ? describe(event.kind) : "\(truncate(sanitize(event.actor), toWidth: 12)): \(describe(event.kind))"
    return (prefix, text, width - 2 - displayWidth(of: prefix))
}

/// An event in one line of words, sanitized.
///
/// Shorter than the words `respond timeline` and the postmortem share (IncidentModel's `EventWording`), on purpose:
/// the review's event column is about 30 columns wide at 80x24 and the timeline's text under 60, so a step is
/// named by its title alone (the walkthrough shows steps by title), a command by its exit code, and the words are
/// lower-case fragments.
func describe(_ kind: EventKind) -> String {
    let text: String
    switch kind {
    case .incidentOpened(let title, let severity, let runbook, let drill, _):
        text = "opened \(drill ? "drill " : "")\"\(title)\" \(severity.rawValue) on \(runbook)"
    case .alertAttached(let alert): text = "alert \(alert.name)"
    case .alertResolved(let name, _, _): text = "alert \(name) stopped firing"
    case .runbookSwitched(let runbook): text = "switched to runbook \(runbook)"
    case .stepDone(let step): text = "done: \(step.title)"
    case .stepSkipped(let step, let reason): text = "skipped: \(step.title) (\(reason))"
    case .checklistChecked(let item): text = "checked: \(item.text)"
    case .checklistUnchecked(let item): text = "unchecked: \(item.text)"
    case .note(let note, let pinned, let commander):
        text = "\(pinned ? "📌 " : "")\(commander ? "[IC] " : "")note: \(note)"
    case .statusChanged(let status): text = "status → \(status.rawValue)"
    case .severityChanged(let severity): text = "severity → \(severity.rawValue)"
    case .roleAssigned(let role, let person): text = "\(person) is \(role.rawValue)"
    case .escalated(let to): text = "escalated to \(to)"
    case .commandCopied(let command, _): text = "copied: \(command)"
    case .commandRan(let run):
        text = "ran: \(run.command) → \(run.exitCode.map(String.init) ?? run.stoppedBecause ?? "stopped")"
    case .runbookFeedback(_, let step, let feedback): text = "feedback\(step.map { " on \($0)" } ?? ""): \(feedback)"
    case .milestone(let milestone): text = "milestone: \(milestone.rawValue)"
    case .pinChanged(let seq, let pinned): text = "\(pinned ? "pinned" : "unpinned") #\(seq)"
    case .exportWritten(let path, let format): text = "exported \(format): \(path)"
    case .incidentClosed: text = "closed"
    case .reopened: text = "reopened"
    }
    return sanitize(text)
}
