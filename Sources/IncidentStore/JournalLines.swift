import FoundationEssentials
import Glibc
import IncidentModel

/// Decodes a run of complete journal lines, shared by `Journal.read` and `JournalFollower`.
struct JournalLines {
    /// The journal's path, for problem reports.
    let path: String
    /// The events decoded so far.
    var events: [Event] = []
    /// The lines set aside so far.
    var problems: [JournalProblem] = []
    /// Complete lines seen so far, empty ones included.
    var lineCount: Int
    /// The last valid event's seq, to notice lines out of order.
    var lastSeq: Int?
    /// The highest seq of any complete line whose version and seq can be read, a corrupt line's included: what the
    /// next append numbers after (`JournalTail`).
    var highestSeq = 0
    /// When set, only the lines holding these bytes are decoded: a reader that wants one kind of event (`respond
    /// list`'s feedback counts) skips the cost of decoding the others, and the seqs and problems it reports are
    /// then those of the lines decoded.
    var only: [UInt8]?
    /// One decoder for every line, so that its table of fields is made once.
    private var decoder: EventLineDecoder

    init(path: String, lineCount: Int, lastSeq: Int?, reading: EventReading = .whole) {
        self.path = path
        self.lineCount = lineCount
        self.lastSeq = lastSeq
        decoder = EventLineDecoder(reading: reading)
    }

    /// Decodes every complete line of `bytes` and returns how many bytes that was (up to and including the last
    /// newline). A line from a newer schema refuses everything.
    mutating func consume(_ bytes: ArraySlice<UInt8>) throws(JournalError) -> Int {
        var lineStart = bytes.startIndex
        // Each newline found by `memchr`, which reads many bytes at a time: looked for a byte at a time, the lines
        // of a home of a million events took a tenth of reading them.
        while let end = Self.newline(in: bytes, from: lineStart) {
            lineCount += 1
            try decodeLine(bytes[lineStart..<end])
            lineStart = end + 1
        }
        return lineStart - bytes.startIndex
    }

    /// The index of the first newline of `bytes` at or after `start`, nil when there is none.
    private static func newline(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        bytes.withUnsafeBytes { buffer -> Int? in
            let offset = start - bytes.startIndex
            guard let base = buffer.baseAddress, offset < buffer.count,
                let found = memchr(base + offset, 0x0A, buffer.count - offset)
            else { return nil }
            return bytes.startIndex + base.distance(to: UnsafeRawPointer(found))
        }
    }

    private mutating func decodeLine(_ line: ArraySlice<UInt8>) throws(JournalError) {
        guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
        if let only, !Self.holds(line, only) { return }
        let event: Event
        do {
            event = try line.withUnsafeBufferPointer { try decoder.event(from: $0) }
        } catch {
            if case EventDecodingError.newerSchema(let version) = error {
                throw JournalError.newerSchema(path: path, line: lineCount, version: version)
            }
            problems.append(
                JournalProblem(path: path, line: lineCount, kind: .corrupt(reason: CorruptLineReason(error))))
            noteHeader(of: line)
            return
        }
        highestSeq = max(highestSeq, event.seq)
        if let lastSeq, event.seq <= lastSeq {
            problems.append(
                JournalProblem(path: path, line: lineCount, kind: .outOfOrder(seq: event.seq, previous: lastSeq)))
        }
        lastSeq = max(lastSeq ?? event.seq, event.seq)
        events.append(event)
    }

    /// Whether `line` holds the bytes `needle`: `memchr` finds each place its first byte is, `memcmp` compares
    /// the rest.
    private static func holds(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        line.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { needle in
                guard let wanted = needle.baseAddress, let first = needle.first else { return true }
                guard var start = haystack.baseAddress, haystack.count >= needle.count else { return false }
                var left = haystack.count - needle.count + 1
                while left > 0, let found = memchr(start, Int32(first), left).map(UnsafeRawPointer.init) {
                    if memcmp(found, wanted, needle.count) == 0 { return true }
                    left -= start.distance(to: found) + 1
                    start = found + 1
                }
                return false
            }
        }
    }

    /// Counts the seq of a corrupt line whose version and seq can still be read, as an append does.
    private mutating func noteHeader(of line: ArraySlice<UInt8>) {
        guard let header = line.withUnsafeBufferPointer({ decoder.header(from: $0) }) else { return }
        highestSeq = max(highestSeq, header.seq)
    }
}
