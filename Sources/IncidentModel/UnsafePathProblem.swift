import Foundation

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

    /// What was found, as the end of a sentence starting with the path.
    public var description: String {
        switch self {
        case .symbolicLink: "is a symbolic link, and respond never follows links for its own files"
        case .notARegularFile(let found): "is \(found), not a regular file"
        case .notADirectory(let found): "is \(found), not a directory"
        case .ownedByAnotherUser(let uid): "belongs to another user (uid \(uid)), not to uid \(geteuid())"
        }
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
