import FoundationEssentials
import Glibc
import IncidentModel
import RunbookKit

/// An incident's append-only timeline file (`timeline.jsonl`): one JSON event per line.
///
/// Appends are safe against other processes appending at the same time and against a crash mid-write: each
/// append takes an exclusive `flock`, numbers its events after the highest seq in the file, writes all its lines
/// in one `write` on an `O_APPEND` descriptor and `fsync`s before it returns. What an append has read of the file
/// is remembered (`JournalScans`), so the next one reads only the lines written since, by anyone.
public struct Journal: Sendable {
    /// The journal's file name inside an incident directory.
    public static let fileName = "timeline.jsonl"

    /// The journal file's path.
    public let path: String
    /// How long an append waits for another writer's lock before giving up, in seconds.
    public var lockTimeout: Double

    /// A journal at `path`; nothing is opened until it is used.
    public init(path: String, lockTimeout: Double = 10) {
        self.path = path
        self.lockTimeout = lockTimeout
    }

    /// Appends the events, redacted, numbered after the highest seq in the file and stamped with `now`, and
    /// returns them as stored. When this returns they are on disk; when it throws, nothing was written.
    public func append(_ new: [NewEvent], now: Date) throws(JournalError) -> [Event] {
        guard !new.isEmpty else { return [] }
        let (fd, created) = try openForAppend()
        defer { close(fd) }
        try FileIO.lockExclusive(fd, path: path, timeout: lockTimeout)
        defer { flock(fd, LOCK_UN) }

        let size = try FileIO.size(fd, path: path)
        let known = try JournalScans.shared.resume(fd, path: path, size: size)
        let tail = try JournalTail.read(fd, size: size, path: path, after: known)
        let firstSeq = try tail.firstSeq(of: new.count, path: path)
        let recordedAt = JournalTime.normalized(now)
        let writer = IncidentFiles.writer(ofFileName: FilePaths.lastComponent(of: path))
        let events = new.enumerated().map { offset, event in
            Event(
                seq: firstSeq + offset, recordedAt: recordedAt,
                occurredAt: JournalTime.normalized(event.occurredAt ?? now), actor: event.actor,
                kind: Redactor.redact(event.kind), writer: writer
            )
        }
        var bytes: [UInt8] = tail.torn ? [0x0A] : []
        for event in events {
            do {
                try EventCodec.appendLine(for: event, to: &bytes)
            } catch {
                throw JournalError.encodingFailed(path: path, reason: "\(error)")
            }
            bytes.append(0x0A)
        }
        do {
            try FileIO.writeAll(fd, bytes, path: path)
            try FileIO.sync(fd, path: path)
        } catch {
            // A partial line must not stay behind for the next writer to number after.
            _ = ftruncate(fd, off_t(size))
            throw error
        }
        if created { try FileIO.syncDirectory(FilePaths.deletingLastComponent(of: path)) }
        let appended = JournalScan(
            offset: size + bytes.count, lines: tail.scanned.lines + (tail.torn ? 1 : 0) + events.count,
            highestSeq: firstSeq + events.count - 1
        )
        try JournalScans.shared.remember(appended, of: fd, path: path, written: bytes)
        return events
    }

    /// Reads every event of the journal at `path`, setting aside a torn last line and corrupt lines as problems.
    /// A line from a newer schema refuses the whole journal. With `linesHolding`, only the lines that hold those
    /// bytes are decoded (`JournalLines.only`); each line is read as far as `reading` asks.
    public static func read(_ path: String, linesHolding needle: String? = nil, reading: EventReading = .whole)
        throws(JournalError) -> JournalContents
    {
        // Not through a link, nor from a FIFO or a device in the journal's place, nor a file someone outside the
        // incident's sharing could have edited: what is read here is written to, and it is the record.
        let fd = try PrivateFiles.openFile(atPath: path, flags: O_RDONLY).fd
        defer { close(fd) }
        let size = try FileIO.size(fd, path: path)
        var lines = JournalLines(path: path, lineCount: 0, lastSeq: nil, reading: reading)
        lines.only = needle.map { Array($0.utf8) }
        // Room for as many events as the file could hold (no event line is shorter than 128 bytes), so the array
        // is not copied as it grows; the pages of room left unused are never touched and take no memory.
        if needle == nil { lines.events.reserveCapacity(size / 128) }
        // A megabyte at a time, so that the file's bytes are not held in memory beside its events.
        let rest = try ChunkedLines.read(fd, from: 0, to: size, chunk: readChunk, path: path) {
            (bytes) throws(JournalError) in try lines.consume(bytes)
        }
        if !rest.bytes.isEmpty {
            lines.problems.append(JournalProblem(path: path, line: lines.lineCount + 1, kind: .tornTail))
        }
        // A read of some lines has not seen every seq, so it is no scan an append could number after.
        guard needle == nil else {
            return JournalContents(
                events: lines.events, problems: lines.problems, endOffset: rest.offset, lineCount: lines.lineCount)
        }
        // What was read here is what an append would read to number its events; remembered, an append by this
        // process (the export's record, the next `log`) reads only what came after it.
        try JournalScans.shared.rememberRead(
            JournalScan(offset: rest.offset, lines: lines.lineCount, highestSeq: lines.highestSeq), of: fd, path: path)
        return JournalContents(
            events: lines.events, problems: lines.problems, endOffset: rest.offset, lineCount: lines.lineCount
        )
    }

    /// The first event of the journal at `path`, from its first line alone; nil when that line is not an event
    /// (cut short, damaged, from a newer schema, or longer than `readChunk`), and the caller then reads the whole
    /// journal, which says what is wrong.
    public static func firstEvent(_ path: String) throws(JournalError) -> Event? {
        let fd = try PrivateFiles.openFile(atPath: path, flags: O_RDONLY).fd
        defer { close(fd) }
        let size = try FileIO.size(fd, path: path)
        // An opening line is a few hundred bytes: reading a whole journal of a home of thousands to find it would
        // cost more than the rest of a filter that passes most of them over.
        var head = try FileIO.read(fd, offset: 0, count: min(size, firstLineGuess), path: path)
        if !head.contains(0x0A), head.count < min(size, readChunk) {
            head = try FileIO.read(fd, offset: 0, count: min(size, readChunk), path: path)
        }
        guard let end = head.firstIndex(of: 0x0A) else { return nil }
        var decoder = EventLineDecoder()
        return try? head[..<end].withUnsafeBufferPointer { try decoder.event(from: $0) }
    }

    /// How many bytes `read` reads at a time.
    static let readChunk = 1 << 20

    /// How many bytes `firstEvent` reads first; a longer first line is read again up to `readChunk`.
    private static let firstLineGuess = 1 << 12

    /// Opens the journal for appending and reading, creating it 0600 (0660 in a home shared by a group) when
    /// absent; a link or a file of another kind in its place, or a journal or an incident directory that someone
    /// outside the incident's sharing could change, is refused. The lock is taken on this descriptor, so every
    /// account that may append may lock.
    private func openForAppend() throws(JournalError) -> (fd: Int32, created: Bool) {
        try PrivateFiles.openFile(atPath: path, flags: O_RDWR | O_APPEND | O_CREAT)
    }
}

/// What the journal's lines say about the next append: the highest seq any line holds, and whether the file ends
/// without a newline.
struct JournalTail {
    /// The highest seq of any line whose version and seq can be read, the torn fragment's included; 0 when there is
    /// none.
    var highestSeq: Int
    /// Whether the file ends without a newline.
    var torn: Bool
    /// The complete lines read, the ones an earlier scan had read included.
    var scanned: JournalScan

    /// How many bytes are read at a time.
    private static let chunk = 1 << 16

    /// Reads every line after `known` (a scan of the file's start that still holds), a chunk at a time
    /// (`ChunkedLines`).
    ///
    /// Every line is read, not only the last readable one: a duplicated, reordered or foreign line can hold a seq
    /// higher than the lines after it, and any unreadable run of lines can follow it, so only the whole file says
    /// which seq is free. The torn fragment counts too: the next append ends it with a newline, and a fragment that
    /// is a whole event without its newline becomes a line the readers load.
    static func read(_ fd: Int32, size: Int, path: String, after known: JournalScan = .start) throws(JournalError)
        -> JournalTail
    {
        guard size > known.offset else {
            return JournalTail(highestSeq: known.highestSeq, torn: false, scanned: known)
        }
        var decoder = EventLineDecoder()
        var highest = known.highestSeq
        var lineNumber = known.lines
        func note(_ line: ArraySlice<UInt8>) throws(JournalError) {
            guard let header = line.withUnsafeBufferPointer({ decoder.header(from: $0) }) else { return }
            guard header.version <= Event.schemaVersion else {
                throw JournalError.newerSchema(path: path, line: lineNumber, version: header.version)
            }
            highest = max(highest, header.seq)
        }
        let rest = try ChunkedLines.read(fd, from: known.offset, to: size, chunk: chunk, path: path) {
            (bytes) throws(JournalError) in
            var lineStart = bytes.startIndex
            for index in bytes.indices where bytes[index] == 0x0A {
                lineNumber += 1
                try note(bytes[lineStart..<index])
                lineStart = index + 1
            }
            return lineStart - bytes.startIndex
        }
        let scanned = JournalScan(offset: rest.offset, lines: lineNumber, highestSeq: highest)
        if !rest.bytes.isEmpty {
            lineNumber += 1
            try note(rest.bytes)
        }
        return JournalTail(highestSeq: highest, torn: !rest.bytes.isEmpty, scanned: scanned)
    }

    /// The seq of the first of `count` events appended after this tail, or an error when the journal's seqs are
    /// so high that they would overflow.
    func firstSeq(of count: Int, path: String) throws(JournalError) -> Int {
        guard highestSeq <= Int.max - count else { throw JournalError.seqExhausted(path: path, seq: highestSeq) }
        return highestSeq + 1
    }
}
