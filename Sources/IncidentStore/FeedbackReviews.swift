import FoundationEssentials
import Glibc
import IncidentModel
import RunbookKit

/// Which runbook feedback notes someone has marked reviewed: `<home>/feedback-reviewed.jsonl`, one JSON object per
/// line (`{"at":…,"by":…,"reference":"<incident>#<seq>[@<writer>]","runbook":…}`), appended under `flock` and `fsync`ed like a
/// journal, with the home's sharing.
///
/// Kept in the home rather than in each incident's journal: reviewing feedback is the library's maintenance, done in
/// the review meeting long after the incident closed, and an event in a closed incident's journal would make it the
/// most recently active incident, change its postmortem and export, and reopen a record its responders consider done.
public struct FeedbackReviews: Sendable {
    /// The file's name in the home.
    public static let fileName = "feedback-reviewed.jsonl"

    /// One feedback note marked reviewed.
    public struct Record: Codable, Hashable, Sendable {
        /// The note, as `Event.reference` names it: `<incident>#<seq>`, `@<writer>` after it for another machine's.
        public var reference: String
        /// The runbook it is about.
        public var runbook: String
        /// Who marked it.
        public var by: String
        /// When, in UTC (`JournalTime`).
        public var at: String

        /// Creates a record.
        public init(reference: String, runbook: String, by: String, at: String) {
            self.reference = reference
            self.runbook = runbook
            self.by = by
            self.at = at
        }
    }

    /// The file's path.
    public let path: String
    /// The store whose home holds it.
    private let store: IncidentStore

    /// The reviews kept in `store`'s home.
    public init(store: IncidentStore) {
        self.store = store
        path = store.home + "/" + Self.fileName
    }

    /// Opens the file with `flags` under the sharing the home itself declares, as `checkHome` reads it: a home
    /// shared by a group is group-writable, which a file opened through the home's parent would refuse.
    private func open(flags: Int32) throws(IncidentStoreError) -> (fd: Int32, created: Bool) {
        try store.checkHome()
        // The home may be a link, the user's own choice of where the state lives; `checkHome` checked its target.
        let home = Glibc.open(store.home, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard home >= 0 else { throw .journal(JournalError.from(errno: errno, path: store.home, operation: "open")) }
        defer { close(home) }
        do throws(JournalError) {
            return try PrivateFiles.openFile(Self.fileName, in: home, directoryPath: store.home, flags: flags)
        } catch {
            throw .journal(error)
        }
    }

    /// What the file holds: the references marked reviewed, and how many lines were not a record.
    public struct Contents: Hashable, Sendable {
        /// Every reference marked reviewed.
        public var references: Set<String> = []
        /// Lines that are not a record (a write cut short, a hand edit gone wrong): the notes they marked count as
        /// not reviewed, which the caller should say.
        public var damagedLines = 0
    }

    /// Every reference marked reviewed; none when the file does not exist yet. Lines that are not a record are
    /// skipped (`read` counts them): a note whose mark was lost shows as unreviewed, which asks for a second look
    /// rather than hiding one.
    public func reviewed() throws(IncidentStoreError) -> Set<String> {
        try read().references
    }

    /// The file's records, and how many of its lines were not one; empty when the file does not exist yet. The
    /// file is read a megabyte at a time (`ChunkedLines`), so a huge one costs its records, not its size, in memory.
    public func read() throws(IncidentStoreError) -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        let decoder = JSONDecoder()
        var contents = Contents()
        let fd = try open(flags: O_RDONLY).fd
        defer { close(fd) }
        do throws(JournalError) {
            func note(_ line: ArraySlice<UInt8>) {
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
                if let record = try? decoder.decode(Record.self, from: Data(line)) {
                    contents.references.insert(record.reference)
                } else {
                    contents.damagedLines += 1
                }
            }
            let size = try FileIO.size(fd, path: path)
            let rest = try ChunkedLines.read(fd, from: 0, to: size, chunk: 1 << 20, path: path) { bytes in
                var used = 0
                for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                    used += line.count + 1
                    note(line)
                }
                return used
            }
            note(rest.bytes)
        } catch {
            throw .journal(error)
        }
        return contents
    }

    /// Appends `records`, creating the file with the home's sharing when it is missing; when this returns they are
    /// on disk.
    public func append(_ records: [Record]) throws(IncidentStoreError) {
        guard !records.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for record in records {
            guard let line = try? encoder.encode(record) else { continue }
            bytes += line
            bytes.append(0x0A)
        }
        let (fd, created) = try open(flags: O_RDWR | O_APPEND | O_CREAT)
        defer { close(fd) }
        do throws(JournalError) {
            try FileIO.lockExclusive(fd, path: path, timeout: 10)
            defer { flock(fd, LOCK_UN) }
            // A line cut short by a crash is ended first, so the new record starts on a line of its own.
            let size = try FileIO.size(fd, path: path)
            let last = size > 0 ? try FileIO.read(fd, offset: size - 1, count: 1, path: path) : []
            try FileIO.writeAll(fd, (last.isEmpty || last == [0x0A] ? [] : [0x0A]) + bytes, path: path)
            try FileIO.sync(fd, path: path)
            if created { try FileIO.syncDirectory(FilePaths.deletingLastComponent(of: path)) }
        } catch {
            throw .journal(error)
        }
    }

}
