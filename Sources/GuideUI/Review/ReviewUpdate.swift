import Foundation
import IncidentKit
import RunbookKit
import TerminalText

/// Opens the review of the incident `reference` names: the review screen alone, and the journal to load.
func launchReview(_ model: AppModel, reference: String) -> (AppModel, [Effect]) {
    var model = model
    model.screens = [.review]
    model.review = ReviewState(reference: reference)
    return (model, [.loadIncident(id: reference)])
}

/// Takes in what an effect produced while the review is shown: the loaded journal, and new events (the
/// commander's own and those another process appended), which follow the bottom or count as new.
func reviewResult(_ model: AppModel, _ message: Message) -> (AppModel, [Effect]) {
    var model = model
    switch message {
    case .incidentLoaded(let id, let events):
        let session = IncidentSession(id: id, events: events)
        model.incident = session
        model.journal = JournalState()
        model.notice = nil
        guard var review = model.review else { return (model, []) }
        review.digest = ReviewDigest(session: session, library: model.library)
        review.following = true
        review.unseen = 0
        model.review = review
        refreshRows(&model, keeping: nil)
        return (model, [])
    case .journalAppended, .eventsArrived:
        let known = model.incident?.events.count ?? 0
        let lastSeq = model.incident?.state.lastSeq ?? 0
        let selected = selectedReviewEvent(model)?.seq
        let (merged, effects) = handleResult(model, message)
        model = merged
        absorb(&model, after: known, lastSeq: lastSeq, selected: selected)
        return (model, effects)
    default:
        return handleResult(model, message)
    }
}

/// Brings the review up to date with events merged into the session: the digest, the rows, and the reader's
/// place (the bottom when following, else the same event with the new rows counted).
private func absorb(_ model: inout AppModel, after known: Int, lastSeq: Int, selected: Int?) {
    guard var review = model.review, let session = model.incident, session.events.count > known else { return }
    review.digest.absorb(session, known: known, lastSeq: lastSeq, library: model.library)
    let before = review.rows.count
    model.review = review
    refreshRows(&model, keeping: selected)
    guard var after = model.review, !after.following else { return }
    after.unseen += max(0, after.rows.count - before)
    model.review = after
}

/// The event on the selected row, if any.
func selectedReviewEvent(_ model: AppModel) -> Event? {
    guard let review = model.review, let events = model.incident?.events,
          review.rows.indices.contains(review.cursor), events.indices.contains(review.rows[review.cursor]) else { return nil }
    return events[review.rows[review.cursor]]
}

/// Recomputes the rows the filter shows and puts the selection on the event with sequence number `seq`
/// (or the nearest earlier one still shown), or on the newest row when following.
func refreshRows(_ model: inout AppModel, keeping seq: Int?) {
    guard var review = model.review else { return }
    let events = model.incident?.events ?? []
    review.rows = review.filter.admitted(events)
    if review.following || seq == nil {
        review.cursor = max(0, review.rows.count - 1)
    } else if let seq {
        review.cursor = review.rows.lastIndex { events[$0].seq <= seq } ?? 0
    }
    model.review = review
    settleScroll(&model)
}

/// Keeps the selected row on screen and, when the selection is on the newest row, follows the bottom.
func settleScroll(_ model: inout AppModel) {
    guard var review = model.review else { return }
    let height = max(1, ReviewLayout(model).table.count)
    review.cursor = min(max(0, review.cursor), max(0, review.rows.count - 1))
    review.following = review.cursor >= review.rows.count - 1
    if review.following { review.unseen = 0 }
    review.top = visibleTop(top: review.top, cursor: review.cursor, count: review.rows.count, height: height)
    model.review = review
}

/// The first row to show so that `cursor` is visible, moving as little as possible from `top`.
func visibleTop(top: Int, cursor: Int, count: Int, height: Int) -> Int {
    var top = top
    if cursor < top { top = cursor }
    if cursor >= top + height { top = cursor - height + 1 }
    return min(max(0, top), max(0, count - height))
}

/// The review's keys. Only `a` (annotate) and `p` (pin) write to the journal.
func reviewKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var review = model.review else { return back(model) }
    if let input = review.input { return reviewInputKey(model, input, key) }
    let events = model.incident?.events ?? []
    let layout = ReviewLayout(model)
    if review.showProgress, !layout.isSplit, let move = Move(key, page: layout.paneRows.count) {
        let last = max(0, (review.pane?.rowCount ?? 0) - layout.paneRows.count)
        review.progressScroll = move.apply(to: review.progressScroll, count: last + 1)
        model.review = review
        return (model, [])
    }
    if let move = Move(key, page: max(1, layout.table.count - 1)) {
        review.cursor = move.apply(to: review.cursor, count: review.rows.count)
        model.review = review
        settleScroll(&model)
        return (model, [])
    }
    let selected = selectedReviewEvent(model)
    switch key {
    case .character(let digit) where ("1"..."5").contains(digit):
        guard let category = digit.wholeNumberValue.flatMap(ReviewCategory.init(rawValue:)) else { break }
        if review.filter.categories.contains(category) {
            review.filter.categories.remove(category)
        } else {
            review.filter.categories.insert(category)
        }
        if review.filter.categories.isEmpty { review.filter.categories = Set(ReviewCategory.allCases) }
        return refiltered(model, review, selected)
    case .character("0"):
        review.filter = ReviewFilter(showSystem: review.filter.showSystem)
        return refiltered(model, review, selected)
    case .character("u"):
        review.filter.actor = nextActor(after: review.filter.actor, in: events)
        return refiltered(model, review, selected)
    case .character("s"):
        review.filter.showSystem.toggle()
        return refiltered(model, review, selected)
    case .character("/"):
        review.input = ReviewInput(purpose: .search, editor: LineEditor(review.query ?? ""))
    case .character("n"), .character("N"):
        model.review = review
        return jumpToMatch(model, forward: key == .character("n"), includingCurrent: false)
    case .character("a"):
        guard model.incident != nil else { return (model, []) }
        review.input = ReviewInput(purpose: .annotation, editor: LineEditor(keepsLineBreaks: true))
    case .character("p"):
        guard let selected else { return (model, []) }
        let pinned = model.progress?.pinnedSeqs.contains(selected.seq) ?? false
        model.notice = Notice(text: "\(pinned ? "unpinning" : "pinning") #\(selected.seq)", isError: false)
        return record(model, [.pinChanged(seq: selected.seq, pinned: !pinned)])
    case .tab, .character("v"):
        review.showProgress.toggle()
        review.progressScroll = 0
    case .character("R"):
        return retryUnsaved(model)
    default:
        return helpOrBack(model, key) ?? (model, [])
    }
    model.review = review
    return (model, [])
}

/// The model with a changed filter applied, the selection kept on the same event where it is still shown.
private func refiltered(_ model: AppModel, _ review: ReviewState, _ selected: Event?) -> (AppModel, [Effect]) {
    var model = model
    model.review = review
    refreshRows(&model, keeping: selected?.seq)
    return (model, [])
}

/// Everyone who acted in the incident, in order of first appearance, then back to everyone (nil).
private func nextActor(after current: String?, in events: [Event]) -> String? {
    var actors: [String] = []
    for event in events where !actors.contains(event.actor) { actors.append(event.actor) }
    guard let current, let index = actors.firstIndex(of: current) else { return actors.first }
    return index + 1 < actors.count ? actors[index + 1] : nil
}

private func reviewInputKey(_ model: AppModel, _ input: ReviewInput, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var review = model.review else { return (model, []) }
    var input = input
    switch key {
    case .escape:
        review.input = nil
        model.review = review
        return (model, [])
    case .enter:
        let text = input.editor.submitted
        review.input = nil
        switch input.purpose {
        case .search:
            review.query = text.isEmpty ? nil : text
            model.review = review
            return text.isEmpty ? (model, []) : jumpToMatch(model, forward: true, includingCurrent: true)
        case .annotation:
            guard !text.isEmpty else {
                model.notice = Notice(text: "type some text, or Esc to cancel", isError: true)
                return (model, [])
            }
            model.review = review
            return record(model, [.note(text: text, pinned: false, commander: true)])
        }
    default:
        _ = input.editor.handle(key)
        review.input = input
        model.review = review
        return (model, [])
    }
}

/// Moves the selection to the next (or previous) row whose text matches the search, wrapping around.
private func jumpToMatch(_ model: AppModel, forward: Bool, includingCurrent: Bool) -> (AppModel, [Effect]) {
    var model = model
    guard var review = model.review, let query = review.query else {
        model.notice = Notice(text: "no search yet: / searches", isError: false)
        return (model, [])
    }
    let events = model.incident?.events ?? []
    let count = review.rows.count
    guard count > 0 else { return (model, []) }
    let start = includingCurrent ? 0 : 1
    let offsets = Array(start..<(count + start))
    let found = offsets.lazy
        .map { offset in (review.cursor + (forward ? offset : -offset) % count + count) % count }
        .first { reviewRowMatches(events[review.rows[$0]], query) }
    guard let found else {
        model.notice = Notice(text: "no match for “\(query)”", isError: true)
        return (model, [])
    }
    review.cursor = found
    model.review = review
    settleScroll(&model)
    return (model, [])
}

/// Whether an event's row contains the search text, ignoring case: its actor or what it says.
func reviewRowMatches(_ event: Event, _ query: String) -> Bool {
    sanitize(event.actor).range(of: query, options: .caseInsensitive) != nil
        || ReviewSummary.text(event).range(of: query, options: .caseInsensitive) != nil
}
