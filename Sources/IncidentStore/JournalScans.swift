import FoundationEssentials
import Glibc
import IncidentModel
import Synchronization

/// How far a journal's lines have been read for numbering appends: the end of the last complete line, how many
/// complete lines come before it and the highest seq they hold.
struct JournalScan: Equatable, Sendable {
    /// The byte offset just past the last complete line read.
    var offset: Int
    /// How many complete lines lie before `offset`.
    var lines: Int
    /// The highest seq of any line before `offset`; 0 when there is none.
    var highestSeq: Int

    /// Nothing read yet.
    static let start = JournalScan(offset: 0, lines: 0, highestSeq: 0)
}

/// What this process last learned of each journal it appended to, so that the next append reads only what was
/// written after it (by this process or any other) instead of the whole file again.
///
/// A journal only grows by whole appends, so the bytes before a remembered offset cannot hold a new seq. What is
/// remembered is trusted only while the file is the same file (device and inode), at least as long, and still
/// holds the same last bytes before that offset; a journal replaced, truncated or rewritten at its end is read
/// from its start again.
final class JournalScans: Sendable {
    /// The scans of the journals this process appended to.
    static let shared = JournalScans()

    /// How many bytes before a remembered offset must be unchanged for the scan to be trusted.
    static let witnessLength = 4_096

    private struct Entry {
        let device: UInt64
        let inode: UInt64
        let scan: JournalScan
        let witness: [UInt8]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Where reading `fd` (the journal at `path`, `size` bytes long) can resume: the remembered scan when it still
    /// holds, else the start.
    func resume(_ fd: Int32, path: String, size: Int) throws(JournalError) -> JournalScan {
        guard let entry = entries.withLock({ $0[path] }) else { return .start }
        let identity = try Self.identity(fd, path: path)
        guard identity.device == entry.device, identity.inode == entry.inode, size >= entry.scan.offset else {
            return .start
        }
        let witnessStart = entry.scan.offset - entry.witness.count
        let bytes = try FileIO.read(fd, offset: witnessStart, count: entry.witness.count, path: path)
        return bytes == entry.witness ? entry.scan : .start
    }

    /// Remembers what a reader found in `fd` (the journal at `path`): `scan.lines` whole lines up to `scan.offset`,
    /// the bytes before that offset read back from the file as the witness.
    func rememberRead(_ scan: JournalScan, of fd: Int32, path: String) throws(JournalError) {
        let witness = try FileIO.read(
            fd, offset: max(0, scan.offset - Self.witnessLength), count: min(scan.offset, Self.witnessLength),
            path: path)
        try remember(scan, of: fd, path: path, written: witness)
    }

    /// Remembers that `fd` (the journal at `path`) holds `scan.lines` whole lines up to `scan.offset`, the last of
    /// them ending with `written`.
    func remember(_ scan: JournalScan, of fd: Int32, path: String, written: [UInt8]) throws(JournalError) {
        let identity = try Self.identity(fd, path: path)
        let witness = Array(written.suffix(Self.witnessLength))
        let entry = Entry(device: identity.device, inode: identity.inode, scan: scan, witness: witness)
        entries.withLock { $0[path] = entry }
    }

    /// Forgets every journal, so the next append reads from the start.
    func forgetAll() {
        entries.withLock { $0.removeAll() }
    }

    private static func identity(_ fd: Int32, path: String) throws(JournalError) -> (device: UInt64, inode: UInt64) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw JournalError.from(errno: errno, path: path, operation: "stat") }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}
