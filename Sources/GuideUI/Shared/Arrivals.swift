import FoundationEssentials
import IncidentModel
import Localization
import TerminalFrame
import TerminalText

/// What others recorded in the open incident while the guide shows it, said one line at a time under the screen
/// until `d` dismisses it or `shownFor` passes without another arriving. "Others" are the events the follower
/// delivers that this guide did not append: another person's, or the same person's from another process (a
/// `respond log` in another pane), which this guide did not see happen either.
public struct Arrivals: Hashable, Sendable {
    /// The events said and not yet dismissed, oldest first; the line shows the newest.
    public internal(set) var events: [Event] = []
    /// When the newest arrived, by the guide's clock.
    public internal(set) var since: Date?

    /// How long the line stays when nothing else arrives; a confirmation of the responder's own action stays as
    /// long.
    static let shownFor: TimeInterval = 8

    /// Whether there is a line to show.
    public var isEmpty: Bool { events.isEmpty }

    /// Adds the events worth telling the responder about, as arrived at `now`.
    mutating func add(_ arrived: [Event], at now: Date) {
        let told = arrived.filter(\.kind.isToldOnArrival)
        guard !told.isEmpty else { return }
        events += told
        since = now
    }

    /// Forgets every line once `shownFor` has passed since the newest arrived.
    mutating func expire(at now: Date) {
        guard let since, now.timeIntervalSince(since) >= Self.shownFor else { return }
        self = Arrivals()
    }
}

extension EventKind {
    /// Whether someone else recording this changes what the responder should know now: notes and annotations,
    /// status and severity, escalations, roles, pins, closing and reopening. Steps, checks and commands show in
    /// the walkthrough and the timeline already.
    var isToldOnArrival: Bool {
        switch self {
        case .note, .statusChanged, .severityChanged, .escalated, .roleAssigned, .pinChanged, .incidentClosed,
            .reopened:
            true
        default:
            false
        }
    }
}

/// Takes in events the follower delivered: those the session did not know and this guide is not appending
/// itself are told on the bottom line of the incident's screens, where `d` dismisses them. The review is left out:
/// its table is that news already, and it counts the rows that arrived while the commander reads further up. The
/// catalog and the open incidents, where a responder who left the incident open has gone, are left out too.
func noticeArrivals(_ model: inout AppModel, _ events: [Event]) {
    guard let session = model.incident, [.walkthrough, .timeline, .commandOutput].contains(model.screen) else {
        return
    }
    let known = Set(session.events.map(\.id))
    let ownInFlight = model.journal.pending.flatMap { $0 }
    let fresh = events.filter { event in
        !known.contains(event.id)
            && !ownInFlight.contains { $0.actor == event.actor && $0.kind == event.kind }
    }
    let before = model.arrivals
    model.arrivals.add(fresh, at: model.now)
    // What someone else recorded is newer news than a confirmation of the responder's own action, which would
    // hide it on the same line.
    if model.arrivals != before, model.notice?.confirmedAt != nil { model.notice = nil }
}

/// Who recorded an event as a notice names them: `IC amy` for the commander (an annotation from the review, or
/// whoever holds the role now), else the actor.
func arrivalActor(_ event: Event, _ state: IncidentState, _ words: Localizer) -> String {
    var annotation = false
    if case .note(_, _, true) = event.kind { annotation = true }
    return writerName(event.actor, annotation: annotation, state, words)
}

/// `IC amy` when `actor` wrote as the commander (an annotation) or holds the role now, else `actor`.
func writerName(_ actor: String, annotation: Bool, _ state: IncidentState, _ words: Localizer) -> String {
    annotation || state.roles[.commander] == actor ? words.tr("ui.arrival.commander", ["actor": actor]) : actor
}

/// Draws the bottom line for what others recorded: the newest, cut to fit, then how many more the timeline holds
/// with the keys for them, which stays whole however long the note is (said shortly when the long form would
/// leave the note less than half the line).
func drawArrivalLine(_ frame: inout Frame, _ model: AppModel, row: Int) {
    guard let newest = model.arrivals.events.last else { return }
    let state = model.progress ?? IncidentState()
    let words = model.localizer
    let what: String
    if case .note(let text, let pinned, _) = newest.kind {
        what = (pinned ? "📌 " : "") + text.split(whereSeparator: \.isNewline).joined(separator: " ")
    } else {
        what = describe(newest.kind, words)
    }
    let line = words.tr("ui.arrival.line", ["actor": arrivalActor(newest, state, words), "event": what])
    let count = model.arrivals.events.count - 1
    var more = count > 0 ? words.tr("ui.arrival.more", ["count": String(count)]) : ""
    if displayWidth(of: more) > frame.width / 2 { more = words.tr("ui.arrival.more_short", ["count": String(count)]) }
    let style = model.theme.warning
    let written = frame.put(line, column: 0, row: row, style: style, limit: frame.width - displayWidth(of: more))
    frame.put(more, column: written, row: row, style: style)
}

/// Whether a line says what others recorded, so that `d` dismisses it.
private func hasArrivals(_ model: AppModel) -> Bool {
    !model.arrivals.isEmpty
}

/// `d`: forgets the lines of what others recorded; the timeline still has every event.
let dismissArrivals = KeyBinding(
    [.character("d")], "d", "ui.keys.dismiss_what_others_recorded", when: hasArrivals
) { model, _ in
    var model = model
    model.arrivals = Arrivals()
    return (model, [])
}
