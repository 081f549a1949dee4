import Foundation

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
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError.from(errno: errno, path: path, operation: "write")
            }
            if count == 0 { throw JournalError.diskFull(path: path) }
            written += count
        }
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
