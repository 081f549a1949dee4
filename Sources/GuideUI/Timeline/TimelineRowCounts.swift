import FoundationEssentials
import IncidentModel
import Localization

/// How many rows each event's timeline entry takes at one frame width, kept in the session as events arrive so
/// that a frame of the timeline lays out only the entries it shows and still knows how many rows are above them.
struct TimelineRowCounts: Sendable {
    /// The frame width the entries were wrapped to.
    let width: Int
    /// The moment elapsed times were counted from; the width of an entry's prefix depends on it.
    let opened: Date
    /// The language the entries are written in, its phrases prepared.
    let words: EventPhrases
    /// The rows of each event's entry, in the session's event order.
    private(set) var rows: [Int] = []
    /// The sum of `rows`.
    private(set) var total = 0

    /// The row counts of `events` at `width`.
    init(_ events: some Collection<Event>, width: Int, opened: Date, words: EventPhrases) {
        self.width = width
        self.opened = opened
        self.words = words
        append(events)
    }

    /// Whether the counts are those of `events` wrapped at `width` from `opened`.
    func matches(width: Int, opened: Date, events: [Event]) -> Bool {
        self.width == width && self.opened == opened && rows.count == events.count
    }

    /// Counts the entries of events that extend the journal.
    mutating func append(_ events: some Collection<Event>) {
        rows.reserveCapacity(rows.count + events.count)
        // A journal has a few actors and thousands of events: each actor is cut to its column once.
        var actors: [String: String] = [:]
        var known: [EntryWords: Int] = [:]
        for event in events {
            let actor =
                actors[event.actor]
                ?? {
                    let shown = timelineActor(event.actor)
                    actors[event.actor] = shown
                    return shown
                }()
            let count = timelineEntryRowCount(
                event, opened: opened, width: width, words: words, actor: actor, known: &known)
            rows.append(count)
            total += count
        }
    }
}

extension AppModel {
    /// Brings the session's timeline row counts up to date with its events, the terminal's width and the
    /// incident's opening: only the new events are counted when the journal grew, everything when the width or
    /// the opening changed or an event arrived out of order.
    ///
    /// Away from the timeline a resize recounts nothing: a long journal is counted again at the new width when
    /// the timeline opens, so resizing the walkthrough costs nothing however long the journal is. The review,
    /// which has no timeline, keeps none.
    mutating func refreshTimelineRows() {
        guard incident != nil, !screens.contains(.review) else { return }
        if !screens.contains(.timeline), let counts = incident?.timelineRows, counts.width != width { return }
        let opened = timelineOrigin(self)
        let width = self.width
        incident?.refreshTimelineRows(width: width, opened: opened, words: localizer)
    }
}

extension IncidentSession {
    /// See `AppModel.refreshTimelineRows()`.
    mutating func refreshTimelineRows(width: Int, opened: Date, words: Localizer) {
        if let counts = timelineRows, counts.width == width, counts.opened == opened, counts.rows.count <= events.count
        {
            guard counts.rows.count < events.count else { return }
            timelineRows?.append(events[counts.rows.count...])
        } else {
            timelineRows = TimelineRowCounts(events, width: width, opened: opened, words: EventPhrases(words))
        }
    }
}
