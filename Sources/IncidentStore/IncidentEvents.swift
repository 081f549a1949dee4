import FoundationEssentials
import Glibc
import IncidentModel

/// An incident's events read from its journal files each time they are walked rather than held, for a reader of
/// a journal too long to hold (`respond export`): a first pass folds them as it reads, and `walk` reads them
/// again, in the same order, as often as it is called.
///
/// The order is `JournalOrder`'s. Files that are each in that order already (every seq after the one before it
/// and, when the incident has several files, no time before the one before it: every journal written under its
/// lock) are merged as they are read. When one is not, the files are read whole and ordered by
/// `JournalOrder.ordered`, as every other command reads them, and the events are held.
public final class IncidentEvents {
    /// The lines set aside in the files, the incident's own file first, then the others by writer id.
    public let problems: [JournalProblem]
    /// How many events were dropped for repeating a writer's seq.
    public let dropped: Int
    /// How many events each walk passes.
    public let count: Int
    private let files: [ReadFile]
    private let held: [Event]?

    /// A file the first pass read: walks read it again up to `end`, the end of the last complete line then.
    private struct ReadFile {
        var fd: Int32
        var path: String
        var writer: String?
        var end: Int
        /// The cursor's fingerprint of the lines the first pass read.
        var fingerprint: Int
    }

    /// How much of each file a cursor reads at a time. The events of a chunk are decoded together, so the chunk
    /// sets how many are held at once: a sixteenth of `Journal.readChunk` keeps that to a few hundred, and a line
    /// longer than it is still read whole.
    static let chunk = Journal.readChunk / 16

    /// Whether the events are held in memory, because a file was not in journal order by itself.
    public var holdsEvents: Bool { held != nil }

    private init(problems: [JournalProblem], dropped: Int, count: Int, files: [ReadFile], held: [Event]?) {
        self.problems = problems
        self.dropped = dropped
        self.count = count
        self.files = files
        self.held = held
    }

    deinit {
        for file in files { close(file.fd) }
    }

    /// Reads the journal at `journalPath` and, when it is an incident's own `timeline.jsonl`, every other
    /// writer's file beside it (as `IncidentContents.read` does), folding each event in journal order into
    /// `initial` with `fold`; returns the events, to walk again, and what the fold made of them.
    public static func read<State>(
        _ journalPath: String, into initial: State, _ fold: (inout State, Event) -> Void
    ) throws(JournalError) -> (events: IncidentEvents, state: State) {
        try IncidentContents.retryingWhileMissing { () throws(JournalError) in
            try readOnce(journalPath, into: initial, fold)
        }
    }

    /// Passes every event to `body` in journal order, read again from the files up to where the first pass
    /// stopped (decoded ahead on another core: `ReadAhead`); a file whose bytes are not those the first read found
    /// is a `JournalError.changedWhileRead`, thrown once the events read before it were passed.
    public func walk(_ body: (Event) throws -> Void) throws {
        if let held {
            for event in held { try body(event) }
            return
        }
        var merge = Merge(
            files.map { JournalCursor(fd: $0.fd, path: $0.path, writer: $0.writer, end: $0.end, chunk: Self.chunk) })
        // The files are decoded on another core while `body` works on the events before.
        try ReadAhead.pass(produce: { () throws(JournalError) in try merge.next()?.event }, consume: body)
        // The same files, but not the same bytes: rewritten in place or cut short between the two reads.
        for (cursor, file) in zip(merge.cursors, files)
        where cursor.consumed != file.end || cursor.fingerprint != file.fingerprint {
            throw JournalError.changedWhileRead(path: file.path)
        }
    }

    private static func readOnce<State>(
        _ journalPath: String, into initial: State, _ fold: (inout State, Event) -> Void
    ) throws(JournalError) -> (events: IncidentEvents, state: State) {
        var fds: [Int32] = []
        // Closed here on every way out but the one that hands them to the events.
        var handedOver = false
        defer { if !handedOver { for fd in fds { close(fd) } } }
        let others = try IncidentFiles.writerFiles(beside: journalPath).map { (Optional($0.writer), $0.path) }
        var sized: [(fd: Int32, writer: String?, path: String, size: Int)] = []
        for (writer, path) in [(nil, journalPath)] + others {
            let fd = try PrivateFiles.openFile(atPath: path, flags: O_RDONLY).fd
            fds.append(fd)
            sized.append((fd, writer, path, try FileIO.size(fd, path: path)))
        }
        var cursors = sized.map {
            JournalCursor(fd: $0.fd, path: $0.path, writer: $0.writer, end: $0.size, chunk: Self.chunk)
        }
        var state = initial
        var count = 0
        let several = cursors.count > 1
        var last: [(seq: Int, recordedAt: Date)?] = Array(repeating: nil, count: cursors.count)
        var merge = Merge(cursors)
        do {
            // The files are decoded on another core while the fold takes the events before.
            try ReadAhead.pass(
                produce: { () throws(JournalError) in try merge.next() },
                consume: { merged in
                    let (event, file) = (merged.event, merged.file)
                    if let previous = last[file],
                        event.seq <= previous.seq || (several && event.recordedAt < previous.recordedAt)
                    {
                        throw OutOfOrder()
                    }
                    last[file] = (event.seq, event.recordedAt)
                    fold(&state, event)
                    count += 1
                })
        } catch let error as JournalError {
            throw error
        } catch {
            // `OutOfOrder`, the only other error thrown here.
            return try held(journalPath, into: initial, fold)
        }
        cursors = merge.cursors
        var problems: [JournalProblem] = []
        for cursor in cursors {
            problems += cursor.problems
            if cursor.tornTail {
                problems.append(JournalProblem(path: cursor.path, line: cursor.scan.lines + 1, kind: .tornTail))
            }
            // As `Journal.read` does: the export's own record is appended after these lines without reading them
            // again.
            try JournalScans.shared.rememberRead(cursor.scan, of: cursor.fd, path: cursor.path)
        }
        handedOver = true
        // The cursors' buffers go with them: a walk reads with buffers of its own.
        let files = cursors.map {
            ReadFile(fd: $0.fd, path: $0.path, writer: $0.writer, end: $0.consumed, fingerprint: $0.fingerprint)
        }
        let events = IncidentEvents(problems: problems, dropped: 0, count: count, files: files, held: nil)
        return (events, state)
    }

    /// A file's events are not in journal order by themselves: the first read stops, and the files are held.
    private struct OutOfOrder: Error {}

    /// The files read whole and ordered as every other command orders them, for files not each in order.
    private static func held<State>(
        _ journalPath: String, into initial: State, _ fold: (inout State, Event) -> Void
    ) throws(JournalError) -> (events: IncidentEvents, state: State) {
        let contents = try IncidentContents.read(journalPath)
        let ordered = JournalOrder.ordered(contents.events)
        var state = initial
        for event in ordered { fold(&state, event) }
        let events = IncidentEvents(
            problems: contents.problems, dropped: contents.events.count - ordered.count, count: ordered.count,
            files: [], held: ordered)
        return (events, state)
    }

    /// The cursors' events merged in journal order (by `JournalOrder.precedes` when there are several files),
    /// each with the index of its file; each file's events are taken to be in that order already.
    private struct Merge {
        /// An event and the index of its file.
        struct Merged: Sendable {
            let event: Event
            let file: Int
        }

        var cursors: [JournalCursor]
        private var heads: [Event?] = []

        init(_ cursors: [JournalCursor]) {
            self.cursors = cursors
        }

        mutating func next() throws(JournalError) -> Merged? {
            if heads.isEmpty {
                for index in cursors.indices { heads.append(try cursors[index].next()) }
            }
            // Incidents are worked from a few machines: finding the earliest head by looking at each is cheaper
            // than keeping a heap.
            var earliest: Int?
            for index in heads.indices {
                guard let head = heads[index] else { continue }
                if let best = earliest, let current = heads[best], !JournalOrder.precedes(head, current) { continue }
                earliest = index
            }
            guard let chosen = earliest, let event = heads[chosen] else { return nil }
            heads[chosen] = try cursors[chosen].next()
            return Merged(event: event, file: chosen)
        }
    }
}
