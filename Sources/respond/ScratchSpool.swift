import Glibc
import Postmortem

/// A draft's list kept in a scratch file until it is written: `respond export` of a long incident holds its
/// timeline and command lists here rather than in memory. The file is created 0600 under an unguessable name and
/// unlinked at once, so nothing is left behind and no one else can open it.
final class ScratchSpool: DraftSpool {
    private var file: BufferedFile?
    private let fd: Int32
    /// The errno of the first failure to create, write or read the file, if one did.
    private(set) var failure: Int32?
    /// How many lines were added.
    private(set) var lineCount = 0

    /// A new spool in `directory`; one that cannot be created keeps the reason in `failure`.
    init(in directory: String) {
        var template = Array((directory + "/.respond-draft-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            failure = errno
            return
        }
        // No program is started while a draft is written; closed on exec all the same, as every file here is.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        file = BufferedFile(fd: fd)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Adds `line`.
    func append(line: String) {
        lineCount += 1
        file?.write(line)
        file?.write("\n")
        if let problem = file?.failure, failure == nil { failure = problem }
    }

    /// Passes back everything added, in pieces of about 64 KB that end at a line's end; a failure to read stops
    /// the pieces and is kept in `failure`.
    func replay(_ piece: (String) throws -> Void) rethrows {
        file?.flush()
        if let problem = file?.failure, failure == nil { failure = problem }
        guard failure == nil, fd >= 0 else { return }
        var offset: off_t = 0
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            if count == 0 { break }
            offset += off_t(count)
            pending.append(contentsOf: chunk[..<count])
            // Lines end with a line feed, and a line feed is never inside a UTF-8 sequence.
            guard let end = pending.lastIndex(of: 0x0A) else { continue }
            try piece(String(decoding: pending[...end], as: UTF8.self))
            pending.removeSubrange(...end)
        }
        if !pending.isEmpty { try piece(String(decoding: pending, as: UTF8.self)) }
    }
}

/// The scratch files of one draft, made in `$TMPDIR` when it is set, else in the incident's own directory, and the
/// first failure any of them met.
///
/// The incident's directory rather than `/tmp`: an export must be able to write there anyway, it is private to its
/// owner or its group, and `/tmp` is not writable by every account on every host.
final class ScratchSpools {
    /// The directory the files are made in.
    let directory: String
    private var made: [ScratchSpool] = []

    /// Spools in `$TMPDIR`, or in `incidentDirectory` when it is unset or empty.
    init(incidentDirectory: String) {
        let chosen = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        directory = chosen.isEmpty ? incidentDirectory : chosen
    }

    /// A new spool.
    func make() -> ScratchSpool {
        let spool = ScratchSpool(in: directory)
        made.append(spool)
        return spool
    }

    /// Throws the first failure of any spool made, naming the directory.
    func check() throws(OutputFailure) {
        if let code = made.lazy.compactMap(\.failure).first {
            throw OutputFailure(step: .scratch, path: directory, code: code)
        }
    }
}
