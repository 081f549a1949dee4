import Foundation

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
        case .encodingFailed(let path, let reason):
            "could not encode an event for \(path): \(reason); nothing was written"
        case .seqExhausted(let path, let seq):
            "\(path) holds seq \(seq), too high to number anything after it: no respond wrote that line; remove it and"
                + " retry; nothing was written"
        case .io(let path, let operation, let code):
            "\(operation) failed on \(path): \(String(cString: strerror(code)))"
                + (["read", "stat"].contains(operation) ? "" : "; nothing was written")
        case .unsafePath(let path, let problem):
            "refusing \(path): it \(problem); move it aside and put the incident's own file or directory there"
                + " (files 0600, directories 0700, owned by the user who runs respond); nothing was written"
        }
    }

    /// The error a failed system call on `path` stands for.
    static func from(errno code: Int32, path: String, operation: String) -> JournalError {
        switch code {
        case ENOSPC, EDQUOT: .diskFull(path: path)
        case EACCES, EPERM: .permissionDenied(path: path)
        case EROFS: .readOnly(path: path)
        case ENOENT: .notFound(path: path)
        default: .io(path: path, operation: operation, code: code)
        }
    }
}

/// Something in a journal that was set aside while reading it.
public struct JournalProblem: Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Hashable, Sendable {
        /// The last line has no newline: a write was cut short. Its bytes are set aside.
        case tornTail
        /// A complete line that is not a valid event.
        case corrupt(reason: String)
        /// A valid event whose seq does not follow the one before it.
        case outOfOrder(seq: Int, previous: Int)
    }

    /// The journal's path.
    public var path: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong with it.
    public var kind: Kind

    /// Creates a problem report.
    public init(path: String, line: Int, kind: Kind) {
        self.path = path
        self.line = line
        self.kind = kind
    }

    /// `path:line: what`, one line.
    public var description: String { "\(Self.visible(path)):\(line): \(message)" }

    /// What is wrong and what was done about it, without where. A reason quotes fields of the line (an unknown
    /// kind, an invalid severity) with their control characters shown as escapes, so that printing it cannot drive
    /// the terminal and the responder sees what the file holds.
    public var message: String {
        switch kind {
        case .tornTail:
            "incomplete last line (a write was cut short); set aside, every complete event loaded"
        case .corrupt(let reason):
            "corrupt line set aside: \(Self.visible(reason))"
        case .outOfOrder(let seq, let previous):
            "seq \(seq) does not follow seq \(previous); kept in file order"
        }
    }
}

extension JournalProblem {
    /// `text` with each C0 and C1 control, DEL and bidirectional override or isolate written as `\u{…}`: one
    /// line, nothing a terminal acts on, and every character of the file still accounted for.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// What reading a journal found: the events in file order and what was set aside.
public struct JournalContents: Hashable, Sendable {
    /// Every valid event, in file order.
    public var events: [Event]
    /// Lines that were set aside, with their line numbers.
    public var problems: [JournalProblem]
    /// The byte offset just past the last complete line, where a `JournalFollower` continues.
    public var endOffset: Int
    /// How many complete lines were read, for line numbers of what follows.
    public var lineCount: Int

    /// Creates journal contents.
    public init(events: [Event], problems: [JournalProblem], endOffset: Int, lineCount: Int) {
        self.events = events
        self.problems = problems
        self.endOffset = endOffset
        self.lineCount = lineCount
    }
}
