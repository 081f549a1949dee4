import Foundation
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// The timeline: one entry per event, oldest at the top and newest at the bottom, each with its time since
/// the incident opened, its local time and its actor; long entries wrap under their text.
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
        ?? TimelineRowCounts(session.events, width: frame.width, opened: opened, words: model.localizer)
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
    let marker = start > 0 ? model.tr("ui.timeline.earlier", ["count": String(start)]) : ""
    let markerColumn = frame.width - 1 - displayWidth(of: marker)
    var row = entryEnd
    var screenRow = rows.lowerBound
    for event in session.events[first...] where row < end {
        let entry = timelineEntry(
            event, opened: opened, width: frame.width, theme: theme, words: model.localizer, clock: model.clock)
        for line in entry {
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
/// the time in the clock's zone and the actor, the rest indented under the text.
func timelineEntry(
    _ event: Event, opened: Date, width: Int, theme: Theme, words: Localizer, clock: ZoneClock
) -> [StyledLine] {
    let (prefix, text, textWidth) = timelineEntryParts(event, opened: opened, width: width, words: words, clock: clock)
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

/// The rows `timelineEntry` gives the event, counted without laying the entry out. Every clock's times are as wide,
/// so the count needs only the language.
func timelineEntryRowCount(_ event: Event, opened: Date, width: Int, words: Localizer) -> Int {
    let (_, text, textWidth) = timelineEntryParts(event, opened: opened, width: width, words: words, clock: .utc)
    return wrappedLineCount(text, width: textWidth)
}

/// An entry's prefix (elapsed time, and the clock when there is room), its text, and the columns the text wraps in.
private func timelineEntryParts(_ event: Event, opened: Date, width: Int, words: Localizer, clock: ZoneClock) -> (
    prefix: String, text: String, textWidth: Int
) {
    let narrow = width < timelineClockWidth
    let elapsed = "+" + DurationFormat.clock(event.occurredAt.timeIntervalSince(opened))
    let prefix = narrow ? "\(elapsed) " : "\(elapsed)  \(clock.wallClock(event.occurredAt))  "
    let said = describe(event.kind, words)
    let text = narrow ? said : "\(truncate(sanitize(event.actor), toWidth: 12)): \(said)"
    return (prefix, text, width - 2 - displayWidth(of: prefix))
}

/// The narrowest frame whose timeline shows each event's time of day (and names the zone in its header).
let timelineClockWidth = 64

/// An event in one line of words in the localizer's language, sanitized.
///
/// Shorter than the words `respond timeline` and the postmortem share (IncidentModel's `EventWording`), on purpose:
/// the review's event column is about 30 columns wide at 80x24 and the timeline's text under 60, so a step is
/// named by its title alone (the walkthrough shows steps by title), a command by its exit code, and the words are
/// lower-case fragments.
func describe(_ kind: EventKind, _ words: Localizer) -> String {
    let text: String
    switch kind {
    case .incidentOpened(let title, let severity, let runbook, let drill, _):
        text = words.tr(
            drill ? "ui.event.opened_drill" : "ui.event.opened",
            ["title": title, "severity": severity.rawValue, "runbook": runbook])
    case .alertAttached(let alert): text = words.tr("ui.event.alert_attached", ["alert": alert.name])
    case .alertResolved(let name, _, _): text = words.tr("ui.event.alert_resolved", ["alert": name])
    case .runbookSwitched(let runbook): text = words.tr("ui.event.runbook_switched", ["runbook": runbook])
    case .stepDone(let step): text = words.tr("ui.event.step_done", ["step": step.title])
    case .stepSkipped(let step, let reason):
        text = words.tr("ui.event.step_skipped", ["step": step.title, "reason": reason])
    case .checklistChecked(let item): text = words.tr("ui.event.checked", ["item": item.text])
    case .checklistUnchecked(let item): text = words.tr("ui.event.unchecked", ["item": item.text])
    case .note(let note, let pinned, let commander):
        text = "\(pinned ? "📌 " : "")\(commander ? "[IC] " : "")" + words.tr("ui.event.note", ["note": note])
    case .statusChanged(let status): text = words.tr("ui.event.status", ["status": statusName(status, words)])
    case .severityChanged(let severity): text = words.tr("ui.event.severity", ["severity": severity.rawValue])
    case .roleAssigned(let role, let person):
        text = words.tr("ui.event.role", ["person": person, "role": roleName(role, words)])
    case .escalated(let to): text = words.tr("ui.event.escalated", ["contact": to])
    case .commandCopied(let command, _): text = words.tr("ui.event.copied", ["command": command])
    case .commandRan(let run):
        let outcome = run.exitCode.map(String.init) ?? run.stoppedBecause ?? words.tr("ui.event.stopped")
        text = words.tr("ui.event.ran", ["command": run.command, "outcome": outcome])
    case .runbookFeedback(_, let step, let feedback):
        text =
            step.map { words.tr("ui.event.feedback_on_step", ["step": $0, "feedback": feedback]) }
            ?? words.tr("ui.event.feedback", ["feedback": feedback])
    case .milestone(let milestone): text = words.tr("ui.event.milestone", ["milestone": milestone.rawValue])
    case .pinChanged(let seq, let pinned):
        text = words.tr(pinned ? "ui.event.pinned" : "ui.event.unpinned", ["seq": String(seq)])
    case .exportWritten(let path, let format): text = words.tr("ui.event.exported", ["format": format, "path": path])
    case .incidentClosed: text = words.tr("ui.event.closed")
    case .reopened: text = words.tr("ui.event.reopened")
    }
    return sanitize(text)
}

/// A role as the screens name it; the journal keeps the English word.
func roleName(_ role: Role, _ words: Localizer) -> String {
    switch role {
    case .commander: words.tr("ui.role.commander")
    case .scribe: words.tr("ui.role.scribe")
    case .responder: words.tr("ui.role.responder")
    }
}
