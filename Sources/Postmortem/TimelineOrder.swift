import FoundationEssentials
import IncidentModel

/// The order of the draft's timeline, learned in the first read of the journal so that the second can write the
/// rows as the events pass: by when things happened, then by seq.
///
/// Journal order is nearly always that order already. The exceptions are events recorded after the fact with an
/// earlier time (the impact's start, the moment of detection) and machines whose clocks differ: each event that
/// happened before one already passed is held here, to be written in its place, so what is held grows with those
/// late events alone.
struct TimelineOrder {
    /// The key of the latest event in order so far.
    private var latest: (at: Date, seq: Int)?
    /// How many events the first read passed.
    private var position = 0
    /// The events out of journal order, by their position in the journal; sorted by `sorted()`.
    private(set) var late: [(position: Int, event: Event)] = []

    /// Takes the next event of the first read, in journal order.
    mutating func add(_ event: Event) {
        defer { position += 1 }
        guard !event.kind.isBookkeeping else { return }
        let key = (at: event.occurredAt, seq: event.seq)
        if let latest, key < latest {
            late.append((position, event))
        } else {
            latest = key
        }
    }

    /// The late events with their journal positions, in timeline order.
    func sorted() -> [(position: Int, event: Event)] {
        late.sorted { precedes($0, $1) }
    }
}

/// Whether the event at journal position `first.position` comes before the one at `second.position` in the
/// timeline: by when it happened, then by seq, then in journal order.
func precedes(_ first: (position: Int, event: Event), _ second: (position: Int, event: Event)) -> Bool {
    (first.event.occurredAt, first.event.seq, first.position)
        < (second.event.occurredAt, second.event.seq, second.position)
}
