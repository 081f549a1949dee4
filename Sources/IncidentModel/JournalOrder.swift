import FoundationEssentials

/// The order of an incident's events wherever they are gathered in pieces (a whole journal, then what a follower
/// finds), from one journal file or from several machines' files.
///
/// An event is known by its writer and its seq (`seq` counts within one writer's file); of several events with the
/// same writer and seq, the first one gathered counts and the others are dropped. Events of one writer only (every
/// incident written on one machine) are in order of seq, as they always were. Events of several writers are in
/// order of `recordedAt`, then writer (the incident's own file first, then by id), then seq: the order in which
/// they were written, the same on every machine whatever order the files were read in. Merging events in any
/// number of pieces gives what ordering them all at once gives.
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
        let writer = events.first?.writer
        while index < events.count, events[index - 1].seq < events[index].seq, events[index].writer == writer {
            index += 1
        }
        if index >= events.count { return events }
        var ordered: [Event] = []
        _ = merge(events, into: &ordered)
        return ordered
    }

    /// Merges `arrived`, in the order they were read, into `events`, which are in journal order.
    public static func merge(_ arrived: [Event], into events: inout [Event]) -> Merged {
        let writer = events.first?.writer ?? arrived.first?.writer
        guard events.allSatisfy({ $0.writer == writer }), arrived.allSatisfy({ $0.writer == writer }) else {
            return mergeWriters(arrived, into: &events)
        }
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

    /// Whether `first` comes before `second` in the order of several writers' events.
    public static func precedes(_ first: Event, _ second: Event) -> Bool {
        let firstWriter = first.writer ?? ""
        let secondWriter = second.writer ?? ""
        if first.recordedAt != second.recordedAt { return first.recordedAt < second.recordedAt }
        if firstWriter != secondWriter { return firstWriter < secondWriter }
        return first.seq < second.seq
    }

    /// The merge when the events come from more than one writer: the events of one writer and seq already known
    /// are dropped, and the rest are placed by `precedes`. Once the known events are from one writer and arrivals
    /// from another, the known ones change order too (by seq until then), so that is a reorder unless the arrivals
    /// all come after them.
    private static func mergeWriters(_ arrived: [Event], into events: inout [Event]) -> Merged {
        struct Key: Hashable {
            var writer: String?
            var seq: Int
        }
        var known = Set(events.map { Key(writer: $0.writer, seq: $0.seq) })
        var fresh: [Event] = []
        for event in arrived where known.insert(Key(writer: event.writer, seq: event.seq)).inserted {
            fresh.append(event)
        }
        // Known events of several writers are already in this order; known events of one writer are in order of
        // seq, and arrivals from another writer always bring one (so `fresh` is empty only in the first case).
        guard !fresh.isEmpty else { return .nothing }
        fresh.sort(by: precedes)
        guard let last = events.last else {
            events = fresh
            return .appended(fresh)
        }
        if let first = fresh.first, precedes(last, first),
            zip(events, events.dropFirst()).allSatisfy({ precedes($0, $1) })
        {
            events += fresh
            return .appended(fresh)
        }
        events = (events + fresh).sorted(by: precedes)
        return .reordered
    }
}
