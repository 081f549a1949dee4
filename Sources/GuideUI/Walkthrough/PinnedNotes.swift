import FoundationEssentials
import IncidentModel
import Localization
import TerminalFrame
import TerminalText

/// The pinned notes someone else wrote that this responder has not acknowledged, oldest first: each waits above
/// the step until `a` records that the responder read it. A note is pinned when it was written pinned (`N`,
/// `respond log … note --pin`) or pinned later and not unpinned since; the responder's own pinned notes do not wait.
func waitingPinnedNotes(_ model: AppModel) -> [NoteRecord] {
    guard let session = model.incident else { return [] }
    let state = session.state
    return session.pinnedNotes.filter { note in
        note.stamp.actor != model.actor
            && !state.isAcknowledged(note.stamp.ref, by: model.actor)
    }
}

/// The rows the pinned-note line takes above the step: one while a note waits, else none.
func pinnedNoteRows(_ model: AppModel) -> Int {
    model.screen == .walkthrough && !waitingPinnedNotes(model).isEmpty ? 1 : 0
}

/// The line above the step: the oldest waiting pinned note with who wrote it and when (not on a narrow terminal),
/// how many wait, and the key that acknowledges it. The key and the count stay; the note's text is cut to fit.
func drawPinnedNote(_ frame: inout Frame, _ model: AppModel, row: Int) {
    let waiting = waitingPinnedNotes(model)
    guard let note = waiting.first, let state = model.progress else { return }
    let theme = model.theme
    let words = model.localizer
    frame.fill(row: row, style: theme.warning)
    let who = writerName(note.stamp.actor, annotation: note.commander, state, words)
    let count = waiting.count > 1 ? words.tr("ui.pinned.count", ["count": String(waiting.count)]) : ""
    let key = count + words.tr("ui.pinned.acknowledge_hint")
    let keyWidth = displayWidth(of: key)
    // Below 60 columns the time would leave the note too little room; the timeline has it.
    let text = words.tr(
        frame.width < 60 ? "ui.pinned.line_narrow" : "ui.pinned.line",
        [
            "actor": who, "time": model.clock.wallClock(note.stamp.at),
            "note": note.text.split(whereSeparator: \.isNewline).joined(separator: " "),
        ])
    frame.put(" " + text, column: 0, row: row, style: theme.warning, limit: max(0, frame.width - keyWidth - 2))
    frame.put(key, column: max(0, frame.width - keyWidth - 1), row: row, style: theme.warning)
}

/// Whether a pinned note waits above the step, so that `a` acknowledges it.
private func hasWaitingPinnedNote(_ model: AppModel) -> Bool {
    !waitingPinnedNotes(model).isEmpty
}

/// `a`: records that the responder read the oldest waiting pinned note; it leaves the line once the journal holds
/// the acknowledgement. A second `a` before then does not record it twice.
let acknowledgePinnedNote = KeyBinding(
    [.character("a")], "a", "ui.keys.acknowledge_pinned_note", when: hasWaitingPinnedNote
) { model, _ in
    let inFlight = model.journal.notSaved.compactMap { event -> EventRef? in
        if case .noteAcknowledged(let seq, let writer) = event.kind { return EventRef(seq: seq, writer: writer) }
        return nil
    }
    guard let note = waitingPinnedNotes(model).first(where: { !inFlight.contains($0.stamp.ref) }) else {
        return (model, [])
    }
    return record(model, [.noteAcknowledged(seq: note.stamp.seq, writer: note.stamp.writer)])
}
