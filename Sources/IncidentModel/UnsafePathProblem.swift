import FoundationEssentials
import Glibc
import TerminalText

/// Why `respond` refuses to read or write through a path: what it found there instead of a file or directory of
/// its own.
public enum UnsafePathProblem: Hashable, Sendable, CustomStringConvertible {
    /// The path is a symbolic link, which could point anywhere outside the home.
    case symbolicLink
    /// A file was expected and something else is there (a directory, a FIFO, a device, a socket).
    case notARegularFile(found: String)
    /// A directory was expected and something else is there.
    case notADirectory(found: String)
    /// It belongs to another user, who could change it under this one.
    case ownedByAnotherUser(uid: UInt32)
    /// Everyone may write it (`mode` has the bit for others), so anyone on the host could change the incident.
    case writableByEveryone(mode: UInt32)
    /// Its group may write it, and it is not in a home that group shares.
    case writableByGroup(mode: UInt32)
    /// Its group, `group`, may write it, in a home shared by another group, `shared`.
    case foreignGroup(group: String, shared: String)
    /// It is in a home shared by `group`, which the account `user` is not a member of.
    case notInGroup(group: String, user: String)

    /// What was found, as the end of a sentence starting with the path.
    public var description: String {
        switch self {
        case .symbolicLink: "is a symbolic link, and respond never follows links for its own files"
        case .notARegularFile(let found): "is \(found), not a regular file"
        case .notADirectory(let found): "is \(found), not a directory"
        case .ownedByAnotherUser(let uid): "belongs to another user (uid \(uid)), not to uid \(geteuid())"
        case .writableByEveryone(let mode): "can be written by everyone (mode \(Self.octal(mode)))"
        case .writableByGroup(let mode):
            "can be written by its group (mode \(Self.octal(mode))) outside a home shared by that group"
        case .foreignGroup(let group, let shared):
            "can be written by group \(group), in a home shared by group \(shared)"
        case .notInGroup(let group, let user): "is shared by group \(group), which \(user) is not a member of"
        }
    }

    /// Whether the problem is the file's permissions, which `chmod`, `chgrp` or a group membership fix, rather
    /// than what is at the path, which has to be moved aside.
    public var isPermission: Bool {
        switch self {
        case .symbolicLink, .notARegularFile, .notADirectory, .ownedByAnotherUser: false
        case .writableByEveryone, .writableByGroup, .foreignGroup, .notInGroup: true
        }
    }

    /// The command that fixes a permission problem at `path`, for the end of a message; nil for the other problems.
    public func fix(for path: String) -> String? {
        switch self {
        case .symbolicLink, .notARegularFile, .notADirectory, .ownedByAnotherUser: nil
        case .writableByEveryone: "chmod o-w '\(path)'"
        case .writableByGroup: "chmod g-w '\(path)'"
        case .foreignGroup(_, let shared): "chgrp \(shared) '\(path)'"
        case .notInGroup(let group, let user): "usermod -aG \(group) \(user)"
        }
    }

    /// A mode as `chmod` reads it: four octal digits.
    package static func octal(_ mode: UInt32) -> String {
        FixedWidthNumber.padded(mode, width: 4, radix: 8)
    }

    /// A name for the kind of file `mode` describes, for an error message.
    package static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symbolic link"
        default: "an unknown kind of file"
        }
    }
}
