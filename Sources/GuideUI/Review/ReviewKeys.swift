import FoundationEssentials
import IncidentModel
import Localization
import TerminalFrame
import TerminalText

/// The review's keys: a search or annotation being typed takes them first, else the review's table does. Only `a`
/// (annotate), `p` (pin) and `c` (a role) write to the journal.
func reviewKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    guard let review = model.review else { return back(model) }
    if let input = review.input { return reviewInputKey(model, input, key) }
    return reviewBindings.dispatch(model, key)
}

/// The review's key table, in the order the help overlay lists it.
let reviewBindings: [KeyBinding] = [
    KeyBinding(Move.lineKeys, "↑↓ j k", "ui.keys.select_an_event", moveInReview),
    KeyBinding(Move.pageKeys, "PgUp PgDn", "ui.keys.a_page", moveInReview),
    KeyBinding(Move.endKeys, "g G End", "ui.keys.oldest_newest_clears_n_new", moveInReview),
    KeyBinding(
        ["1", "2", "3", "4", "5"].map { Key.character($0) }, "1-5", "ui.keys.toggle_notes_steps_checks_status_command"
    ) { model, key in
        guard var review = model.review, case .character(let digit) = key,
            let category = digit.wholeNumberValue.flatMap(ReviewCategory.init(rawValue:))
        else { return (model, []) }
        if review.filter.categories.contains(category) {
            review.filter.categories.remove(category)
        } else {
            review.filter.categories.insert(category)
        }
        if review.filter.categories.isEmpty { review.filter.categories = Set(ReviewCategory.allCases) }
        return refiltered(model, review)
    },
    KeyBinding([.character("0")], "0", "ui.keys.show_every_kind_and_actor") { model, _ in
        guard var review = model.review else { return (model, []) }
        review.filter = ReviewFilter(showSystem: review.filter.showSystem)
        return refiltered(model, review)
    },
    KeyBinding([.character("u")], "u", "ui.keys.next_actor_then_everyone") { model, _ in
        guard var review = model.review else { return (model, []) }
        review.filter.actor = nextActor(after: review.filter.actor, in: model.incident?.events ?? [])
        return refiltered(model, review)
    },
    KeyBinding([.character("s")], "s", "ui.keys.show_or_hide_system_events") { model, _ in
        guard var review = model.review else { return (model, []) }
        review.filter.showSystem.toggle()
        return refiltered(model, review)
    },
    KeyBinding([.character("/"), .character("n"), .character("N")], "/  n N", "ui.keys.search_next_and_previous_match")
    {
        model, key in
        guard key == .character("/") else {
            return jumpToMatch(model, forward: key == .character("n"), includingCurrent: false)
        }
        var model = model
        let query = model.review?.query ?? ""
        model.review?.input = ReviewInput(purpose: .search, editor: LineEditor(query))
        return (model, [])
    },
    KeyBinding([.character("a")], "a", "ui.keys.annotate_a_commander_note_ic") { model, _ in
        var model = model
        guard model.incident != nil else { return (model, []) }
        model.review?.input = ReviewInput(purpose: .annotation, editor: LineEditor(keepsLineBreaks: true))
        return (model, [])
    },
    KeyBinding([.character("p")], "p", "ui.keys.pin_or_unpin_the_selected_event") { model, _ in
        var model = model
        guard let selected = selectedReviewEvent(model) else { return (model, []) }
        let pinned = model.progress?.pinned.contains(selected.ref) ?? false
        model.notice = Notice(
            text: model.tr(pinned ? "ui.notice.unpinning" : "ui.notice.pinning", ["seq": selected.ref.number]),
            isError: false)
        return record(model, [.pinChanged(seq: selected.seq, writer: selected.writer, pinned: !pinned)])
    },
    assignRole,
    KeyBinding([.tab, .character("v")], "Tab", "ui.keys.progress_and_adherence") { model, _ in
        var model = model
        model.review?.showProgress.toggle()
        model.review?.progressScroll = 0
        return (model, [])
    },
    KeyBinding([.character("R")], "R", "ui.keys.retry_unsaved") { model, _ in retryUnsaved(model) },
    .help,
    .back([.character("q"), .escape], "q", "ui.keys.quit"),
]

/// The hint line under the review.
let reviewHints: [KeyHint] = [
    KeyHint(.character("/"), "ui.hint.search"), KeyHint(.character("1"), "ui.hint.1_5_kinds"),
    KeyHint(.character("s"), "ui.hint.s_system"),
    KeyHint(.character("a"), "ui.hint.a_note"), KeyHint(.character("p"), "ui.hint.p_pin"),
    KeyHint(.tab, "ui.hint.tab_progress"),
    KeyHint(.character("?"), "ui.hint.question"), KeyHint(.character("q"), "ui.hint.q_quit"),
]

/// Moves the selection; while the progress pane covers the table (a narrow terminal), scrolls the pane instead.
private func moveInReview(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var review = model.review else { return (model, []) }
    let layout = ReviewLayout(model)
    if review.showProgress, !layout.isSplit, let move = Move(key, page: layout.paneRows.count) {
        let last = max(0, (review.pane?.rowCount ?? 0) - layout.paneRows.count)
        review.progressScroll = move.apply(to: review.progressScroll, count: last + 1)
        model.review = review
        return (model, [])
    }
    guard let move = Move(key, page: max(1, layout.table.count - 1)) else { return (model, []) }
    review.cursor = move.apply(to: review.cursor, count: review.rows.count)
    model.review = review
    settleScroll(&model)
    return (model, [])
}

/// The model with a changed filter applied, the selection kept on the same event where it is still shown.
private func refiltered(_ model: AppModel, _ review: ReviewState) -> (AppModel, [Effect]) {
    var model = model
    let selected = selectedReviewEvent(model)
    model.review = review
    refreshRows(&model, keeping: selected?.ref)
    return (model, [])
}

/// Everyone who acted in the incident, in order of first appearance, then back to everyone (nil).
private func nextActor(after current: String?, in events: [Event]) -> String? {
    var actors: [String] = []
    for event in events where !actors.contains(event.actor) { actors.append(event.actor) }
    guard let current, let index = actors.firstIndex(of: current) else { return actors.first }
    return index + 1 < actors.count ? actors[index + 1] : nil
}

/// Keys while a search or an annotation is typed: Enter searches or records it, Esc closes the field.
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
                model.notice = Notice(text: model.tr("ui.notice.type_text"), isError: true)
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
        model.notice = Notice(text: model.tr("ui.notice.no_search"), isError: false)
        return (model, [])
    }
    let events = model.incident?.events ?? []
    let count = review.rows.count
    guard count > 0 else { return (model, []) }
    let start = includingCurrent ? 0 : 1
    let offsets = Array(start..<(count + start))
    let phrases = EventPhrases(model.localizer)
    let found = offsets.lazy
        .map { offset in (review.cursor + (forward ? offset : -offset) % count + count) % count }
        .first { reviewRowMatches(events[review.rows[$0]], query, phrases) }
    guard let found else {
        model.notice = Notice(text: model.tr("ui.notice.no_match", ["query": query]), isError: true)
        return (model, [])
    }
    review.cursor = found
    model.review = review
    settleScroll(&model)
    return (model, [])
}

/// Whether an event's row contains the search text, ignoring case: its actor or what it says.
func reviewRowMatches(_ event: Event, _ query: String, _ words: EventPhrases) -> Bool {
    sanitize(event.actor).caseInsensitiveRange(of: query) != nil
        || ReviewSummary.text(event, words).caseInsensitiveRange(of: query) != nil
}
