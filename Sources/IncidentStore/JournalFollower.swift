import FoundationEssentials
import Glibc
import IncidentModel

/// Follows a journal that another process appends to: each `poll()` returns only the complete lines written
/// since the last one. Cheap when nothing changed: it compares the file's size before reading anything.
public struct JournalFollower: Sendable {
    /// What a poll found.
    public struct Update: Hashable, Sendable {
        /// New valid events, in file order.
        public var events: [Event]
        /// New lines that were set aside.
        public var problems: [JournalProblem]
    }

    /// The journal's path.
    public let path: String
    /// The byte offset just past the last complete line returned.
    public private(set) var offset: Int
    private var lines: JournalLines

    /// A follower that starts at `offset` (0: the beginning), with `lineCount` lines and `lastSeq` already seen.
    public init(path: String, offset: Int = 0, lineCount: Int = 0, lastSeq: Int? = nil) {
        self.path = path
        self.offset = offset
        self.lines = JournalLines(path: path, lineCount: lineCount, lastSeq: lastSeq)
    }

    /// A follower that continues where `Journal.read` stopped.
    public init(path: String, after contents: JournalContents) {
        self.init(
            path: path, offset: contents.endOffset, lineCount: contents.lineCount,
            lastSeq: contents.events.map(\.seq).max()
        )
    }

    /// The complete lines appended since the last poll; an incomplete last line waits for the next poll.
    public mutating func poll() throws(JournalError) -> Update {
        var info = stat()
        guard stat(path, &info) == 0 else { throw JournalError.from(errno: errno, path: path, operation: "stat") }
        let size = Int(info.st_size)
        if size == offset { return Update(events: [], problems: []) }
        if size < offset { throw JournalError.truncated(path: path) }

        let fd = try PrivateFiles.openFile(atPath: path, flags: O_RDONLY).fd
        defer { close(fd) }
        let bytes = try FileIO.read(fd, offset: offset, count: size - offset, path: path)
        lines.events = []
        lines.problems = []
        offset += try lines.consume(bytes[...])
        return Update(events: lines.events, problems: lines.problems)
    }
}
