import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame
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
        model.arrivals = Arrivals()
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
        let selected = selectedReviewEvent(model)?.ref
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
private func absorb(_ model: inout AppModel, after known: Int, lastSeq: Int, selected: EventRef?) {
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
        review.rows.indices.contains(review.cursor), events.indices.contains(review.rows[review.cursor])
    else { return nil }
    return events[review.rows[review.cursor]]
}

/// Recomputes the rows the filter shows and puts the selection on the event `selected` (or the nearest earlier
/// one still shown), or on the newest row when following. The event is found by its writer and seq, and "earlier"
/// is its place in the journal's order: seqs count within one writer's file, so in an incident several machines
/// wrote a smaller seq can come later.
func refreshRows(_ model: inout AppModel, keeping selected: EventRef?) {
    guard var review = model.review else { return }
    let events = model.incident?.events ?? []
    review.rows = review.filter.admitted(events, tags: model.incident?.reviewTags ?? [])
    if review.following || selected == nil {
        review.cursor = max(0, review.rows.count - 1)
    } else if let selected {
        let place = events.lastIndex { $0.ref == selected } ?? 0
        review.cursor = review.rows.lastIndex { $0 <= place } ?? 0
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
