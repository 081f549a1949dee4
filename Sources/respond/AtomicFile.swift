import Foundation

/// Writes a file whole or not at all: a temporary file (mode 0600) in the same directory, synced, then renamed
/// over the target, so a reader never sees half an export and a failure leaves the old file in place.
enum AtomicFile {
    /// Writes to `path` atomically whatever `body` writes into the file it is handed, so that a large document
    /// can be written as it is produced instead of being built whole in memory first.
    static func write(to path: String, _ body: (inout BufferedFile) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
        )
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write", path) }
        var file = BufferedFile(fd: fd)
        do {
            try body(&file)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        file.flush()
        let result = file.failure ?? (fsync(fd) == 0 ? 0 : errno)
        close(fd)
        guard result == 0 else {
            unlink(temporary)
            throw failure("cannot write", path, errno: result)
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            throw failure("cannot move the export into place at", path, errno: error)
        }
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    private static func failure(_ what: String, _ path: String, errno code: Int32 = errno) -> CLIError {
        CLIError("\(what) \(path): \(String(cString: strerror(code)))")
    }
}

/// An open file written through a 64 KB buffer. The first failed write is kept in `failure` and everything
/// after it is dropped, so that a writer (a `TextOutputStream`, which cannot throw) learns of it at the end.
struct BufferedFile: TextOutputStream {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16
    /// The errno of the first write that failed, if one did.
    private(set) var failure: Int32?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.capacity)
    }

    /// Appends `string`'s UTF-8.
    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends `bytes`.
    mutating func write(bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }

    /// Appends `bytes`.
    mutating func write(bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if buffer.count + bytes.count > Self.capacity { flush() }
        if bytes.count >= Self.capacity {
            writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out whatever is buffered.
    mutating func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count, failure == nil {
            let count = Glibc.write(fd, base + written, bytes.count - written)
            if count < 0 {
                if errno != EINTR { failure = errno }
                continue
            }
            // A write that takes nothing and reports no error would loop for ever; the disk is as good as full.
            if count == 0 {
                failure = ENOSPC
                continue
            }
            written += count
        }
    }
}
