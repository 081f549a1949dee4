import FoundationEssentials
import Glibc
import IncidentModel
import RunbookKit

/// Thin wrappers over the system calls the journal needs, retrying on EINTR and reporting failures as
/// `JournalError`s for one path.
enum FileIO {
    /// Opens `path`, retrying on EINTR.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws(JournalError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw JournalError.from(errno: errno, path: path, operation: "open") }
        }
    }

    /// The file's size in bytes.
    static func size(_ fd: Int32, path: String) throws(JournalError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw JournalError.from(errno: errno, path: path, operation: "stat") }
        return Int(info.st_size)
    }

    /// `count` bytes from `offset`, fewer only at the end of the file.
    static func read(_ fd: Int32, offset: Int, count: Int, path: String) throws(JournalError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(0, count))
        let filled = try read(fd, into: &buffer, at: 0, count: buffer.count, offset: offset, path: path)
        buffer.removeLast(buffer.count - filled)
        return buffer
    }

    /// Reads up to `count` bytes at file offset `offset` into `buffer` from index `start`, retrying on EINTR and
    /// short reads, and returns how many it read: fewer only at the end of the file. It never writes past the
    /// buffer's end: `count` is cut to the room after `start`, so an empty buffer reads nothing.
    static func read(
        _ fd: Int32, into buffer: inout [UInt8], at start: Int, count: Int, offset: Int, path: String
    ) throws(JournalError) -> Int {
        let wanted = max(0, min(count, buffer.count - start))
        var filled = 0
        while filled < wanted {
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(fd, base + start + filled, wanted - filled, off_t(offset + filled))
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw JournalError.from(errno: errno, path: path, operation: "read")
            }
            filled += got
        }
        return filled
    }

    /// Writes every byte, looping on partial writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(JournalError) {
        guard let code = bytes.withUnsafeBytes({ FileDescriptorWriting.writeAll(fd, $0) }) else { return }
        throw code == ENOSPC
            ? JournalError.diskFull(path: path) : JournalError.from(errno: code, path: path, operation: "write")
    }

    /// Flushes the file's data to the disk.
    static func sync(_ fd: Int32, path: String) throws(JournalError) {
        while fsync(fd) != 0 {
            if errno != EINTR { throw JournalError.from(errno: errno, path: path, operation: "fsync") }
        }
    }

    /// Flushes a directory, so that a file just created in it survives a power cut.
    static func syncDirectory(_ path: String) throws(JournalError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try sync(fd, path: path)
    }

    /// Takes the exclusive advisory lock, polling until `timeout` seconds have passed.
    static func lockExclusive(_ fd: Int32, path: String, timeout: Double) throws(JournalError) {
        let start = Date()
        var pause: useconds_t = 1_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            switch errno {
            case EINTR:
                continue
            case EWOULDBLOCK:
                let waited = Date().timeIntervalSince(start)
                if waited >= timeout { throw JournalError.locked(path: path, waitedSeconds: waited) }
                usleep(pause)
                pause = min(pause * 2, 50_000)
            default:
                throw JournalError.from(errno: errno, path: path, operation: "flock")
            }
        }
    }
}

/// Opens the files and directories `respond` keeps, never through a symbolic link and never one that someone
/// outside its sharing could have changed, so that a link or a file planted in a shared directory cannot redirect a
/// write out of the home, and a journal anyone could edit is not taken as the record.
///
/// Each file or directory is checked against the sharing its parent declares (`FileSharing`): under a private
/// parent it must be this user's and writable by nobody else; under a parent shared by a group it may be any
/// member's, and only that group may write it. What is created gets the parent's modes and group whatever the
/// umask. Each open is made relative to a descriptor of the directory it was checked on (`openat`), so the
/// directory cannot be swapped for a link between the check and the open.
public enum PrivateFiles {
    /// Opens the directory at `path` (creating it with its parent's sharing, set whatever the umask, when `create`
    /// is true and it is missing) and checks that it is a directory, not a link, that its parent's sharing allows.
    /// The caller closes the descriptor.
    public static func openDirectory(_ path: String, create: Bool) throws(JournalError) -> Int32 {
        if create, let fd = try createDirectory(path) { return fd }
        let fd = try openNoFollow(path, O_RDONLY | O_DIRECTORY)
        do throws(JournalError) {
            try check(fd, path: path, directory: true, in: sharing(ofParentOf: path))
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// Creates the directory at `path` with the modes and group its parent's sharing gives, set whatever the
    /// umask, and returns it open; nil when something is already there. `mkdir`'s atomicity makes concurrent
    /// creators pick distinct names. The caller closes the descriptor.
    public static func createDirectory(_ path: String) throws(JournalError) -> Int32? {
        let sharing = try sharing(ofParentOf: path)
        guard mkdir(path, sharing.directoryMode) == 0 else {
            if errno == EEXIST { return nil }
            throw JournalError.from(errno: errno, path: path, operation: "mkdir")
        }
        // Opened without following a link and checked before its mode is set with fchmod, which, unlike chmod,
        // cannot be sent elsewhere by a link swapped in after mkdir.
        let fd = try openNoFollow(path, O_RDONLY | O_DIRECTORY)
        do throws(JournalError) {
            try check(fd, path: path, directory: true, in: sharing)
            try apply(sharing, directory: true, to: fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// Opens the regular file `name` in the directory open as `directory` (whose path is `directoryPath`) with
    /// `flags`, never through a link and never blocking on a FIFO, and checks it against the directory's
    /// sharing. With `O_CREAT` a new file gets the mode and group of that sharing whatever the umask, and
    /// `created` says whether it was made. The caller closes the descriptor.
    public static func openFile(
        _ name: String, in directory: Int32, directoryPath: String, flags: Int32
    ) throws(JournalError) -> (fd: Int32, created: Bool) {
        let path = directoryPath + "/" + name
        let sharing = try sharing(of: directory, path: directoryPath)
        var created = false
        var fd: Int32 = -1
        while fd < 0 {
            // O_NONBLOCK: opening a FIFO planted in place of the file must not wait for a writer.
            let base = flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
            if flags & O_CREAT != 0 {
                fd = openat(directory, name, base | O_EXCL, sharing.fileMode)
                if fd >= 0 {
                    created = true
                    break
                }
                if errno == EINTR { continue }
                if errno != EEXIST { throw failure(errno, path: path, at: directory, name, directory: false) }
            }
            fd = openat(directory, name, base & ~(O_CREAT | O_EXCL), sharing.fileMode)
            if fd < 0, errno != EINTR { throw failure(errno, path: path, at: directory, name, directory: false) }
        }
        do throws(JournalError) {
            try check(fd, path: path, directory: false, in: sharing)
            if created { try apply(sharing, directory: false, to: fd, path: path) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        } catch {
            close(fd)
            if created { unlinkat(directory, name, 0) }
            throw error
        }
        return (fd, created)
    }

    /// Opens the regular file at `path` as `openFile` does, through its directory opened without following a
    /// link and checked against its own parent's sharing.
    public static func openFile(atPath path: String, flags: Int32) throws(JournalError) -> (fd: Int32, created: Bool) {
        let parent = FilePaths.deletingLastComponent(of: path)
        let directoryPath = parent.isEmpty ? "." : parent
        let directory = try openDirectory(directoryPath, create: false)
        defer { close(directory) }
        return try openFile(
            FilePaths.lastComponent(of: path), in: directory, directoryPath: directoryPath, flags: flags)
    }

    /// The sharing the directory open as `fd` declares for what it holds.
    public static func sharing(of fd: Int32, path: String) throws(JournalError) -> FileSharing {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw JournalError.from(errno: errno, path: path, operation: "stat") }
        return FileSharing.declared(mode: info.st_mode, gid: info.st_gid)
    }

    /// Gives a file or directory just created, open as `fd`, the group and mode of `sharing`: the group first, as
    /// changing it may clear the setgid bit.
    public static func apply(
        _ sharing: FileSharing, directory: Bool, to fd: Int32, path: String
    ) throws(JournalError) {
        if case .group(let gid) = sharing, fchown(fd, uid_t.max, gid) != 0 {
            throw JournalError.from(errno: errno, path: path, operation: "chgrp")
        }
        let mode = directory ? sharing.directoryMode : sharing.fileMode
        if fchmod(fd, mode) != 0 { throw JournalError.from(errno: errno, path: path, operation: "chmod") }
    }

    /// The sharing the directory holding `path` declares; a directory that cannot be looked at declares none, and
    /// what is in it is then held to the owner's rules.
    private static func sharing(ofParentOf path: String) throws(JournalError) -> FileSharing {
        let parent = FilePaths.deletingLastComponent(of: path)
        var info = stat()
        guard stat(parent.isEmpty ? "." : parent, &info) == 0 else { return .owner }
        return FileSharing.declared(mode: info.st_mode, gid: info.st_gid)
    }

    /// Opens `path` without following a link at its last component, retrying on EINTR.
    private static func openNoFollow(_ path: String, _ flags: Int32) throws(JournalError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw failure(errno, path: path, at: AT_FDCWD, path, directory: flags & O_DIRECTORY != 0)
        }
    }

    /// Checks what an open descriptor is: a directory or a regular file as asked, that `sharing` (its parent's)
    /// allows for this account.
    private static func check(
        _ fd: Int32, path: String, directory: Bool, in sharing: FileSharing
    ) throws(JournalError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw JournalError.from(errno: errno, path: path, operation: "stat") }
        let type = info.st_mode & S_IFMT
        if directory, type != S_IFDIR {
            throw .unsafePath(path: path, problem: .notADirectory(found: UnsafePathProblem.kind(of: info.st_mode)))
        }
        if !directory, type != S_IFREG {
            throw .unsafePath(path: path, problem: .notARegularFile(found: UnsafePathProblem.kind(of: info.st_mode)))
        }
        if let problem = sharing.problem(
            mode: info.st_mode, owner: info.st_uid, group: info.st_gid, for: Account.current)
        {
            throw .unsafePath(path: path, problem: problem)
        }
    }
    /// The error for a failed open: a link or the wrong kind of file found there (`ELOOP` for a link under
    /// `O_NOFOLLOW`, `ENOTDIR`, `EISDIR` or `ENXIO` for the wrong kind) is named as such, anything else as the
    /// system says.
    private static func failure(
        _ code: Int32, path: String, at base: Int32, _ name: String, directory: Bool
    ) -> JournalError {
        var info = stat()
        guard [ELOOP, ENOTDIR, EISDIR, ENXIO].contains(code), fstatat(base, name, &info, AT_SYMLINK_NOFOLLOW) == 0
        else { return .from(errno: code, path: path, operation: "open") }
        let type = info.st_mode & S_IFMT
        let found = UnsafePathProblem.kind(of: info.st_mode)
        if type == S_IFLNK { return .unsafePath(path: path, problem: .symbolicLink) }
        if directory, type != S_IFDIR { return .unsafePath(path: path, problem: .notADirectory(found: found)) }
        if !directory, type != S_IFREG { return .unsafePath(path: path, problem: .notARegularFile(found: found)) }
        return .from(errno: code, path: path, operation: "open")
    }
}
