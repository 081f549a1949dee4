import IncidentModel

/// One journal file's events in file order, read a chunk at a time as they are asked for, so that what is held
/// follows one chunk of the file, not the file: the pull-based counterpart of `Journal.read`, which a merge of
/// several files reads one event at a time.
struct JournalCursor {
    /// The file, open for reading; its owner closes it.
    let fd: Int32
    /// The file's path, for problem reports and errors.
    let path: String
    /// The writer of the file, given to each of its events; nil for the incident's own `timeline.jsonl`.
    let writer: String?
    /// Where reading stops: the file's size when it was opened, or the end of the lines an earlier pass read.
    let end: Int
    private let chunk: Int
    private var offset = 0
    private var buffer: [UInt8] = []
    private var held = 0
    private var lines: JournalLines
    private var position = 0
    /// The offset just past the last complete line read.
    private(set) var consumed = 0
    /// A hash of the bytes of the complete lines read, for a second read to tell that it read the same bytes.
    private var hasher = Hasher()

    /// A cursor at the start of the file `fd` (at `path`, written by `writer`) that reads up to `end`.
    init(fd: Int32, path: String, writer: String?, end: Int, chunk: Int = Journal.readChunk) {
        self.fd = fd
        self.path = path
        self.writer = writer
        self.end = end
        self.chunk = chunk
        lines = JournalLines(path: path, lineCount: 0, lastSeq: nil)
    }

    /// Lines set aside so far, as `Journal.read` reports them.
    var problems: [JournalProblem] { lines.problems }
    /// How far the complete lines read so far go, for an append to number after them.
    var scan: JournalScan { JournalScan(offset: consumed, lines: lines.lineCount, highestSeq: lines.highestSeq) }
    /// Whether bytes after the last newline were left over at the end: a line cut short.
    var tornTail: Bool { held > 0 }
    /// The hash of the complete lines read so far (within one process: `Hasher` is seeded per process).
    var fingerprint: Int {
        var copy = hasher
        return copy.finalize()
    }

    /// The next valid event of the file, nil after the last one. A line from a newer schema refuses the file.
    mutating func next() throws(JournalError) -> Event? {
        while position == lines.events.count {
            lines.events.removeAll(keepingCapacity: true)
            position = 0
            guard try readLines() else { return nil }
        }
        var event = lines.events[position]
        position += 1
        if let writer { event.writer = writer }
        return event
    }

    /// Reads until a read brings a newline and decodes the complete lines held; false at the end of the file.
    private mutating func readLines() throws(JournalError) -> Bool {
        if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: min(chunk, max(end - offset, 1))) }
        while offset < end {
            if held == buffer.count { buffer += repeatElement(0, count: buffer.count) }
            let got = try FileIO.read(
                fd, into: &buffer, at: held, count: min(buffer.count - held, end - offset), offset: offset, path: path)
            guard got > 0 else { return false }
            offset += got
            let stop = held + got
            guard buffer[held..<stop].contains(0x0A) else {
                held = stop
                continue
            }
            let used = try lines.consume(buffer[0..<stop])
            buffer.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<used])) }
            buffer.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                base.update(from: base + used, count: stop - used)
            }
            held = stop - used
            consumed += used
            return true
        }
        return false
    }
}
