import TerminalFrame

/// The timeline's keys; without an incident any key goes back.
func timelineKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    guard model.incident != nil else { return back(model) }
    return timelineBindings.dispatch(model, key)
}

/// The timeline's key table, in the order the help overlay lists it.
let timelineBindings: [KeyBinding] = [
    KeyBinding(Move.lineKeys, "↑↓ j k", "ui.keys.scroll", scrollTimeline),
    KeyBinding(Move.pageKeys, "PgUp PgDn", "ui.keys.scroll_a_page", scrollTimeline),
    KeyBinding(Move.endKeys, "g G", "ui.keys.oldest_newest", scrollTimeline),
    dismissArrivals,
    .help,
    .back([.character("q"), .escape, .character("t"), .left, .character("h")], "q t", "ui.keys.back"),
]

/// The hint line under the timeline.
let timelineHints: [KeyHint] = [
    KeyHint(.down, "ui.hint.jk_scroll"), KeyHint(.character("g"), "ui.hint.g_oldest"),
    KeyHint(.character("G"), "ui.hint.g_newest"), .help,
    .back,
]

private func scrollTimeline(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    guard var session = model.incident, let move = Move(key, page: model.height / 2) else { return (model, []) }
    // The scroll counts rows up from the newest; moving down goes toward the newest. It stops where the oldest
    // entry is at the top, which the row counts kept in the session tell (before they exist, the events bound it).
    let visible = max(0, model.height - 3)
    let top = session.timelineRows.map { max(0, $0.total - visible) } ?? max(0, session.events.count - 1)
    switch move {
    case .by(let delta): session.timelineScroll = min(top, max(0, session.timelineScroll - delta))
    case .first: session.timelineScroll = top
    case .last: session.timelineScroll = 0
    }
    model.incident = session
    return (model, [])
}
