import Foundation

/// An incident's append-only timeline file (`timeline.jsonl`): one JSON event per line.
///
/// Appends are safe against other processes appending at the same time and against a crash mid-write: each
/// append takes an exclusive `flock`, numbers its events after the last complete line, writes all its lines in
/// one `write` on an `O_APPEND` descriptor and `fsync`s before it returns.
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

    /// Appends the events, redacted, numbered after the last complete line and stamped with `now`, and returns
    /// them as stored. When this returns they are on disk; when it throws, nothing was written.
    public func append(_ new: [NewEvent], now: Date) throws(JournalError) -> [Event] {
        guard !new.isEmpty else { return [] }
        let (fd, created) = try openForAppend()
        defer { close(fd) }
        try FileIO.lockExclusive(fd, path: path, timeout: lockTimeout)
        defer { flock(fd, LOCK_UN) }

        let size = try FileIO.size(fd, path: path)
        let tail = try JournalTail.read(fd, size: size, path: path)
        let recordedAt = JournalTime.normalized(now)
        let events = new.enumerated().map { offset, event in
            Event(
                seq: tail.lastSeq + offset + 1, recordedAt: recordedAt,
                occurredAt: JournalTime.normalized(event.occurredAt ?? now), actor: event.actor,
                kind: Redactor.redact(event.kind)
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
        if created { try FileIO.syncDirectory((path as NSString).deletingLastPathComponent) }
        return events
    }

    /// Reads every event of the journal at `path`, setting aside a torn last line and corrupt lines as problems.
    /// A line from a newer schema refuses the whole journal.
    public static func read(_ path: String) throws(JournalError) -> JournalContents {
        // Not through a link, nor from a FIFO or a device in the journal's place: what is read here is written to.
        let fd = try PrivateFiles.openFile(atPath: path, flags: O_RDONLY, owned: false).fd
        defer { close(fd) }
        let size = try FileIO.size(fd, path: path)
        var lines = JournalLines(path: path, lineCount: 0, lastSeq: nil)
        // Room for as many events as the file could hold (no event line is shorter than 128 bytes), so the array
        // is not copied as it grows; the pages of room left unused are never touched and take no memory.
        lines.events.reserveCapacity(size / 128)
        // Read a megabyte at a time into one buffer, so that the file's bytes are not held in memory beside its
        // events; the start of a line that a read cut off moves to the front of the buffer for the next read.
        var buffer = [UInt8](repeating: 0, count: min(readChunk, max(size, 1)))
        var held = 0
        var offset = 0
        var consumed = 0
        while offset < size {
            if held == buffer.count { buffer += repeatElement(0, count: buffer.count) }
            let got = try FileIO.read(
                fd, into: &buffer, at: held, count: min(buffer.count - held, size - offset), offset: offset, path: path)
            guard got > 0 else { break }
            offset += got
            let end = held + got
            // A line longer than a read is decoded once its newline has arrived, not rescanned with every read.
            guard buffer[held..<end].contains(0x0A) else {
                held = end
                continue
            }
            let used = try lines.consume(buffer[0..<end])
            buffer.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                base.update(from: base + used, count: end - used)
            }
            held = end - used
            consumed += used
        }
        if held > 0 {
            lines.problems.append(JournalProblem(path: path, line: lines.lineCount + 1, kind: .tornTail))
        }
        return JournalContents(
            events: lines.events, problems: lines.problems, endOffset: consumed, lineCount: lines.lineCount
        )
    }

    /// How many bytes `read` reads at a time.
    private static let readChunk = 1 << 20

    /// Opens the journal for appending and reading, creating it 0600 when absent; a link, a file of another kind
    /// or another user's file in its place, or an incident directory that is a link or another user's, is refused.
    private func openForAppend() throws(JournalError) -> (fd: Int32, created: Bool) {
        try PrivateFiles.openFile(atPath: path, flags: O_RDWR | O_APPEND | O_CREAT, mode: 0o600, owned: true)
    }
}

/// What the end of a journal says: the last complete line's seq, and whether a torn fragment follows it.
struct JournalTail {
    /// The seq of the last complete, valid line; 0 when there is none.
    var lastSeq: Int
    /// Whether the file ends without a newline.
    var torn: Bool

    private static let chunk = 4096
    /// How many unreadable lines at the end are stepped over looking for the last seq.
    private static let maxLinesBack = 1000

    /// Reads backwards from the end of the file, never the whole file.
    static func read(_ fd: Int32, size: Int, path: String) throws(JournalError) -> JournalTail {
        guard size > 0 else { return JournalTail(lastSeq: 0, torn: false) }
        let torn = try FileIO.read(fd, offset: size - 1, count: 1, path: path) != [0x0A]
        var lineEnd: Int
        if torn {
            guard let newline = try previousNewline(fd, before: size - 1, path: path) else {
                return JournalTail(lastSeq: 0, torn: true)
            }
            lineEnd = newline
        } else {
            lineEnd = size - 1
        }
        for _ in 0..<maxLinesBack {
            let start = (try previousNewline(fd, before: lineEnd, path: path)).map { $0 + 1 } ?? 0
            if start < lineEnd {
                let line = try FileIO.read(fd, offset: start, count: lineEnd - start, path: path)
                var decoder = EventLineDecoder()
                if let header = line.withUnsafeBufferPointer({ decoder.header(from: $0) }) {
                    guard header.version <= Event.schemaVersion else {
                        throw JournalError.newerSchema(path: path, line: nil, version: header.version)
                    }
                    return JournalTail(lastSeq: header.seq, torn: torn)
                }
            }
            guard start > 0 else { break }
            lineEnd = start - 1
        }
        return JournalTail(lastSeq: 0, torn: torn)
    }

    /// The offset of the last newline before `offset`, reading backwards a chunk at a time.
    private static func previousNewline(_ fd: Int32, before offset: Int, path: String) throws(JournalError) -> Int? {
        var end = offset
        while end > 0 {
            let start = max(0, end - chunk)
            let bytes = try FileIO.read(fd, offset: start, count: end - start, path: path)
            if let index = bytes.lastIndex(of: 0x0A) { return start + index }
            end = start
        }
        return nil
    }
}
