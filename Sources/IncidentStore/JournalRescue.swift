import FoundationEssentials
import Glibc
import IncidentModel
import RunbookKit

/// Events a guide could not get into its journal, written beside it when the guide quits so that none is lost:
/// `timeline.rescue-<UTC time>.jsonl` in the incident directory, in the journal's own line format, numbered after
/// the last event the guide had seen. The file is new (never an existing file, never through a symbolic link),
/// mode 0600 (0660 in a home shared by a group) whatever the umask, and synced with its directory before its path is returned. Its events are not
/// in the timeline: they are evidence to re-record, not a second journal.
public enum JournalRescue {
    /// The file name's prefix; the rest is the UTC time and, when that name is taken, `-2`, `-3` ….
    public static let prefix = "timeline.rescue-"
    /// How many names with the same second are tried before giving up.
    private static let attempts = 100

    /// Writes `events` to a new rescue file in `directory` and returns its path; when this throws, no file was
    /// left behind.
    public static func write(_ events: [NewEvent], afterSeq: Int, in directory: String, now: Date)
        throws(JournalError) -> String
    {
        let bytes = try lines(events, afterSeq: afterSeq, now: now, path: directory)
        let stamp = stamp(now)
        // A directory that cannot be opened is reported by the file's own open below, with the file's name.
        let sharing = (try? sharing(of: directory)) ?? .owner
        for attempt in 1...attempts {
            let name = prefix + stamp + (attempt == 1 ? "" : "-\(attempt)") + ".jsonl"
            let path = FilePaths.appending(name, to: directory)
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, sharing.fileMode)
            if fd < 0 {
                let code = errno
                if code == EEXIST || code == EINTR { continue }
                throw JournalError.from(errno: code, path: path, operation: "open")
            }
            do throws(JournalError) {
                // The umask may have taken bits away; the mode is set explicitly, as the journal's is.
                try PrivateFiles.apply(sharing, directory: false, to: fd, path: path)
                try FileIO.writeAll(fd, bytes, path: path)
                try FileIO.sync(fd, path: path)
                close(fd)
                try FileIO.syncDirectory(directory)
                return path
            } catch {
                close(fd)
                unlink(path)
                throw error
            }
        }
        throw JournalError.io(path: directory, operation: "create a rescue file in", code: EEXIST)
    }

    /// The events as journal lines: redacted, numbered from `afterSeq + 1`, recorded at `now`, each stamped with
    /// when it happened (`now` when the event does not say).
    public static func lines(_ events: [NewEvent], afterSeq: Int, now: Date, path: String) throws(JournalError)
        -> [UInt8]
    {
        let recordedAt = JournalTime.normalized(now)
        var bytes: [UInt8] = []
        for (offset, event) in events.enumerated() {
            let stored = Event(
                seq: afterSeq + offset + 1, recordedAt: recordedAt,
                occurredAt: JournalTime.normalized(event.occurredAt ?? now), actor: event.actor,
                kind: Redactor.redact(event.kind))
            do {
                try EventCodec.appendLine(for: stored, to: &bytes)
            } catch {
                throw JournalError.encodingFailed(path: path, reason: "\(error)")
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The sharing the incident directory declares, so that every member of a sharing group can read the rescue.
    private static func sharing(of directory: String) throws(JournalError) -> FileSharing {
        let fd = try PrivateFiles.openDirectory(directory, create: false)
        defer { close(fd) }
        return try PrivateFiles.sharing(of: fd, path: directory)
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    private static func stamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
