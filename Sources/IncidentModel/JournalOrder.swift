/// The order of an incident's events wherever they are gathered in pieces (a whole journal, then what a follower
/// finds): by `seq`; of several events with the same seq, the first one gathered counts and the others are
/// dropped. Merging events in any number of pieces gives what ordering them all at once gives.
public enum JournalOrder {
    /// What merging did to the events already gathered.
    public enum Merged: Hashable, Sendable {
        /// Every arrival was already known.
        case nothing
        /// The new events, in order, all came after the last one known: a fold can apply just these.
        case appended([Event])
        /// Some new event went among the known ones: a fold must start again.
        case reordered
    }

    /// `events` in journal order.
    public static func ordered(_ events: [Event]) -> [Event] {
        // A journal written only under the lock is already in order: one pass says so, and nothing is sorted. The
        // pass reads seqs in place; pairs of events (as `zip` makes) would copy every event twice.
        var index = 1
        while index < events.count, events[index - 1].seq < events[index].seq { index += 1 }
        if index >= events.count { return events }
        var ordered: [Event] = []
        _ = merge(events, into: &ordered)
        return ordered
    }

    /// Merges `arrived`, in the order they were read, into `events`, which are in journal order.
    public static func merge(_ arrived: [Event], into events: inout [Event]) -> Merged {
        // Sorted by seq, then by arrival, so the first of a repeated seq stays first and is the one kept.
        let sorted = arrived.indices.sorted { (arrived[$0].seq, $0) < (arrived[$1].seq, $1) }.map { arrived[$0] }
        var fresh: [Event] = []
        fresh.reserveCapacity(sorted.count)
        for event in sorted where fresh.last?.seq != event.seq { fresh.append(event) }
        guard let last = events.last?.seq else {
            events = fresh
            return fresh.isEmpty ? .nothing : .appended(fresh)
        }
        // Arrivals after the newest known event (the usual case) cannot repeat one, so only the others are looked up.
        if let first = fresh.first, first.seq > last {
            events += fresh
            return .appended(fresh)
        }
        let known = Set(events.map(\.seq))
        fresh.removeAll { known.contains($0.seq) }
        guard !fresh.isEmpty else { return .nothing }
        events = (events + fresh).sorted { $0.seq < $1.seq }
        return .reordered
    }
}
