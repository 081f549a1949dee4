import FoundationEssentials
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
        ?? TimelineRowCounts(session.events, width: frame.width, opened: opened, words: EventPhrases(model.localizer))
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
            event, opened: opened, width: frame.width, theme: theme, words: counts.words, clock: model.clock)
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
    _ event: Event, opened: Date, width: Int, theme: Theme, words: EventPhrases, clock: ZoneClock
) -> [StyledLine] {
    let narrow = width < timelineClockWidth
    let elapsed = timelineElapsed(event, opened: opened)
    let prefix = narrow ? "\(elapsed) " : "\(elapsed)  \(clock.wallClock(event.occurredAt))  "
    let indentWidth = displayWidth(of: prefix)
    let text = timelineEntryText(event, actor: timelineActor(event.actor), narrow: narrow, words: words)
    let style: Style = {
        if case .note(_, _, true) = event.kind { return theme.commander }
        if case .note(_, true, _) = event.kind { return theme.strong }
        return theme.plain
    }()
    return wrapRuns([Run(text, style)], width: width - 2 - indentWidth).enumerated().map { index, line in
        [Run(index == 0 ? prefix : String(repeating: " ", count: indentWidth), theme.dim)] + line
    }
}

/// The rows `timelineEntry` gives the event, counted without laying the entry out. `actor` is the event's actor
/// as the entry shows it (`timelineActor`), which a caller counting many events keeps per actor; `known` holds the
/// counts found so far in a pass, by what an entry's text is made of: a journal says the same thing many times (a
/// step done, a command run, a status set), and wrapping the same text again would find the same count.
///
/// The prefix is not made: it is ASCII, the elapsed time and, when there is room, a time of day, which every
/// clock writes in 8 columns (`14:05:09`, `--:--:--`), so its width needs neither the clock nor the zone.
func timelineEntryRowCount(
    _ event: Event, opened: Date, width: Int, words: EventPhrases, actor: String, known: inout [EntryWords: Int]
) -> Int {
    let narrow = width < timelineClockWidth
    let textWidth = width - 2 - timelineElapsed(event, opened: opened).utf8.count - (narrow ? 1 : 12)
    let said = unsanitizedDescription(event.kind, words)
    let key = EntryWords(actor: narrow ? "" : actor, said: said, width: textWidth)
    if let count = known[key] { return count }
    let text = narrow ? sanitize(said) : "\(actor): \(sanitize(said))"
    let count = wrappedLineCount(text, width: textWidth)
    known[key] = count
    return count
}

/// What a timeline entry's text is made of, and the columns it wraps in.
struct EntryWords: Hashable {
    /// The actor as the entry shows it; empty when the entry has no room for it.
    var actor: String
    /// What the event says, before it is sanitized.
    var said: String
    var width: Int
}

/// `+0:12:30`: the time from the opening to the event.
private func timelineElapsed(_ event: Event, opened: Date) -> String {
    "+" + DurationFormat.clock(event.occurredAt.timeIntervalSince(opened))
}

/// An actor as an entry shows it: sanitized, cut to 12 columns.
func timelineActor(_ actor: String) -> String {
    truncate(sanitize(actor), toWidth: 12)
}

/// An entry's text: what the event says, after its actor when there is room.
private func timelineEntryText(_ event: Event, actor: String, narrow: Bool, words: EventPhrases) -> String {
    let said = describe(event.kind, words)
    return narrow ? said : "\(actor): \(said)"
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
    describe(kind, EventPhrases(words))
}

/// `describe(_:_:)` with the language's phrases prepared, for callers that describe many events.
func describe(_ kind: EventKind, _ words: EventPhrases) -> String {
    sanitize(unsanitizedDescription(kind, words))
}

/// `describe`'s words before they are sanitized.
private func unsanitizedDescription(_ kind: EventKind, _ words: EventPhrases) -> String {
    let text: String
    switch kind {
    case .incidentOpened(let title, let severity, let runbook, let drill, _):
        text = (drill ? words.openedDrill : words.opened).filled(title, severity.rawValue, runbook)
    case .alertAttached(let alert): text = words.alertAttached.filled(alert.name)
    case .alertResolved(let name, _, _): text = words.alertResolved.filled(name)
    case .runbookSwitched(let runbook): text = words.runbookSwitched.filled(runbook)
    case .stepDone(let step): text = words.stepDone.filled(step.title)
    case .stepSkipped(let step, let reason): text = words.stepSkipped.filled(step.title, reason)
    case .checklistChecked(let item): text = words.checked.filled(item.text)
    case .checklistUnchecked(let item): text = words.unchecked.filled(item.text)
    case .note(let note, let pinned, let commander):
        text = "\(pinned ? "📌 " : "")\(commander ? "[IC] " : "")" + words.note.filled(note)
    case .statusChanged(let status): text = words.status.filled(words.statusNames[status] ?? status.rawValue)
    case .severityChanged(let severity): text = words.severity.filled(severity.rawValue)
    case .roleAssigned(let role, let person): text = words.role.filled(person, words.roleNames[role] ?? role.rawValue)
    case .escalated(let to): text = words.escalated.filled(to)
    case .commandCopied(let command, _): text = words.copied.filled(command)
    case .commandRan(let run):
        let outcome = run.exitCode.map(String.init) ?? run.stoppedBecause ?? words.stopped
        text = words.ran.filled(run.command, outcome)
    case .runbookFeedback(_, let step, let feedback):
        text = step.map { words.feedbackOnStep.filled($0, feedback) } ?? words.feedback.filled(feedback)
    case .milestone(let milestone): text = words.milestone.filled(milestone.rawValue)
    case .pinChanged(let seq, let writer, let pinned):
        text = (pinned ? words.pinned : words.unpinned).filled(EventRef(seq: seq, writer: writer).number)
    case .noteAcknowledged(let seq, let writer):
        text = words.acknowledged.filled(EventRef(seq: seq, writer: writer).number)
    case .exportWritten(let path, let format): text = words.exported.filled(format, path)
    case .incidentClosed: text = words.closed
    case .reopened: text = words.reopened
    }
    return text
}

/// A role as the screens name it; the journal keeps the English word.
func roleName(_ role: Role, _ words: Localizer) -> String {
    switch role {
    case .commander: words.tr("ui.role.commander")
    case .scribe: words.tr("ui.role.scribe")
    case .responder: words.tr("ui.role.responder")
    }
}
