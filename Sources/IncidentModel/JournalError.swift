import FoundationEssentials
import Glibc

/// Why a journal could not be read or appended to, with what the user should do about it.
public enum JournalError: Error, CustomStringConvertible, Equatable {
    /// The disk (or the user's quota) is full; nothing was written.
    case diskFull(path: String)
    /// The file or its directory does not allow this user to read or write it.
    case permissionDenied(path: String)
    /// The file system is mounted read-only.
    case readOnly(path: String)
    /// Another writer held the lock for longer than the wait allows.
    case locked(path: String, waitedSeconds: Double)
    /// The journal does not exist.
    case notFound(path: String)
    /// A line (its number, when known) was written by a newer schema; the journal is refused whole.
    case newerSchema(path: String, line: Int?, version: Int)
    /// The journal shrank under a follower, so it was replaced or truncated.
    case truncated(path: String)
    /// A file read twice (an export's second read) was no longer what the first read found: rewritten in place or
    /// cut short; what was written from it is incomplete.
    case changedWhileRead(path: String)
    /// An event could not be encoded.
    case encodingFailed(path: String, reason: String)
    /// A line holds a seq so high that the events after it cannot be numbered.
    case seqExhausted(path: String, seq: Int)
    /// Any other system call failure.
    case io(path: String, operation: String, code: Int32)
    /// The path is a link, the wrong kind of file or another user's, so it is neither read nor written.
    case unsafePath(path: String, problem: UnsafePathProblem)

    /// What went wrong and what to do, in one line.
    public var description: String {
        switch self {
        case .diskFull(let path):
            "disk full writing \(path): free space and retry; nothing was written"
        case .permissionDenied(let path):
            "permission denied on \(path): check its owner and mode (files 0600, directories 0700); nothing was written"
        case .readOnly(let path):
            "read-only file system at \(path): remount it read-write or use --home elsewhere; nothing was written"
        case .locked(let path, let waited):
            "\(path) is locked by another writer (waited \(Int(waited.rounded()))s): retry, or find the stuck process with `fuser \(path)`; nothing was written"
        case .notFound(let path):
            "no journal at \(path)"
        case .newerSchema(let path, let line, let version):
            "\(path)\(line.map { ":\($0)" } ?? ""): written by a newer respond (schema \(version)); upgrade respond to read it"
        case .truncated(let path):
            "\(path) became shorter while it was followed: it was replaced or truncated; reopen the incident"
        case .changedWhileRead(let path):
            "\(path) changed while it was read: it was rewritten or cut short; what was written from it is incomplete,"
                + " export again"
        case .encodingFailed(let path, let reason):
            "could not encode an event for \(path): \(reason); nothing was written"
        case .seqExhausted(let path, let seq):
            "\(path) holds seq \(seq), too high to number anything after it: no respond wrote that line; remove it and"
                + " retry; nothing was written"
        case .io(let path, let operation, let code):
            "\(operation) failed on \(path): \(String(cString: strerror(code)))"
                + (["read", "stat"].contains(operation) ? "" : "; nothing was written")
        case .unsafePath(let path, let problem) where problem.isPermission:
            "refusing \(path): it \(problem); fix it with `\(problem.fix(for: path) ?? "")` and retry; nothing was written"
        case .unsafePath(let path, let problem):
            "refusing \(path): it \(problem); move it aside and put the incident's own file or directory there"
                + " (files 0600, directories 0700, owned by the user who runs respond); nothing was written"
        }
    }

    /// The error a failed system call on `path` stands for.
    package static func from(errno code: Int32, path: String, operation: String) -> JournalError {
        switch code {
        case ENOSPC, EDQUOT: .diskFull(path: path)
        case EACCES, EPERM: .permissionDenied(path: path)
        case EROFS: .readOnly(path: path)
        case ENOENT: .notFound(path: path)
        default: .io(path: path, operation: operation, code: code)
        }
    }
}
