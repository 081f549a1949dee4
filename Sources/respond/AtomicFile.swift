import FoundationEssentials
import Glibc
import IncidentStore
import RunbookKit

/// Writes a file whole or not at all: a temporary file in the same directory, synced, then renamed over the
/// target, so a reader never sees half an export and a failure leaves the old file in place.
///
/// The temporary file has a random name and is created with `O_CREAT | O_EXCL | O_NOFOLLOW` relative to a
/// descriptor of the directory: someone who can write the directory cannot guess the name ahead, and a link or
/// file planted at any name is never opened, so the write cannot be redirected to another file.
enum AtomicFile {

    /// Writes to `path` atomically whatever `body` writes into the file it is handed, so that a large document
    /// can be written as it is produced instead of being built whole in memory first. The file is 0600, set with
    /// `fchmod` whatever the umask: an export holds the notes, which can hold customer data. With `ownDirectory`
    /// (the incident's own directory) the directory must not be a link and its sharing must allow it, and the file
    /// gets that sharing's mode and group (0660 in a home shared by a group, so every member can read it).
    static func write(to path: String, ownDirectory: Bool = false, _ body: (inout BufferedFile) throws -> Void) throws {
        let parent = FilePaths.deletingLastComponent(of: path)
        let directoryPath = parent.isEmpty ? "." : parent
        let name = FilePaths.lastComponent(of: path)
        let directory: Int32
        var sharing = FileSharing.owner
        if ownDirectory {
            directory = try PrivateFiles.openDirectory(directoryPath, create: false)
            do {
                sharing = try PrivateFiles.sharing(of: directory, path: directoryPath)
            } catch {
                close(directory)
                throw error
            }
        } else {
            directory = open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard directory >= 0 else { throw failure(.write, path) }
        }
        defer { close(directory) }
        let (fd, temporary) = try createTemporary(in: directory, for: path, sharing: sharing)
        var file = BufferedFile(fd: fd)
        do {
            try body(&file)
        } catch {
            close(fd)
            unlinkat(directory, temporary, 0)
            throw error
        }
        file.flush()
        let result = file.failure ?? (fsync(fd) == 0 ? 0 : errno)
        close(fd)
        guard result == 0 else {
            unlinkat(directory, temporary, 0)
            throw failure(.write, path, errno: result)
        }
        guard renameat(directory, temporary, directory, name) == 0 else {
            let error = errno
            unlinkat(directory, temporary, 0)
            throw failure(.move, path, errno: error)
        }
        guard fsync(directory) == 0 else { throw failure(.flushDirectory, path) }
    }

    /// Creates a new temporary file with a random name in `directory`, with the mode and group of `sharing`, and
    /// returns it open for writing with its name. A name already taken, by a file or a link, is never opened:
    /// another is drawn.
    private static func createTemporary(
        in directory: Int32, for path: String, sharing: FileSharing
    ) throws -> (fd: Int32, name: String) {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let random = String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
            let name = ".respond-" + random + ".tmp"
            let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, sharing.fileMode)
            if fd < 0 {
                if errno == EEXIST || errno == EINTR { continue }
                throw failure(.write, path)
            }
            do {
                try PrivateFiles.apply(sharing, directory: false, to: fd, path: path)
            } catch {
                let code = errno
                close(fd)
                unlinkat(directory, name, 0)
                throw failure(.write, path, errno: code)
            }
            return (fd, name)
        }
        throw failure(.write, path, errno: EEXIST)
    }

    private static func failure(_ step: OutputFailure.Step, _ path: String, errno code: Int32 = errno) -> OutputFailure
    {
        OutputFailure(step: step, path: path, code: code)
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
        guard failure == nil else { return }
        failure = FileDescriptorWriting.writeAll(fd, bytes)
    }
}
