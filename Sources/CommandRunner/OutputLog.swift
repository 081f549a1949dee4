import FoundationEssentials
import Glibc
import IncidentModel
import IncidentStore
import TerminalText

/// The file in the incident directory that keeps a command's output: `commands/<time>-<runbook>-<step>.log`,
/// created 0600 in a 0700 directory (0660 in a 2770 one in a home shared by a group), never overwriting another run's file nor following a link planted in its
/// place. Its name says where the command came from and when, never what the command says: a command line can
/// hold a secret, and the name reaches the journal and the postmortem.
///
/// The file keeps at most `cap` bytes; past them the output is counted, not kept (a command printing `yes` fills
/// a disk in minutes, and then the journal cannot be appended to).
struct OutputLog {
    /// The path relative to the incident directory, as the journal records it.
    let relativePath: String
    /// The absolute path.
    let path: String
    /// The most bytes the file keeps, notes aside.
    let cap: Int
    private let descriptor: Int32
    /// The first write failure (a full disk), after which the rest of the output is not written.
    private(set) var failure: String?
    /// Bytes written so far.
    private(set) var bytesWritten = 0
    /// Whether the last byte written ended a line (or nothing was written yet).
    private(set) var endsLine = true

    /// Creates the file for a command of `step` (nil for one from no step) started at `startedAt`.
    init(incidentDirectory: String, step: StepRef?, startedAt: Date, cap: Int) throws(CommandRunnerError) {
        let directory = incidentDirectory + "/commands"
        // Neither the incident directory nor `commands/` may be a link out of the home or another user's; the
        // log is created relative to the checked directory, never through a link, with the directory's sharing's mode
        // whatever the umask.
        let directoryFD: Int32
        let sharing: FileSharing
        do throws(JournalError) {
            Glibc.close(try PrivateFiles.openDirectory(incidentDirectory, create: false))
            directoryFD = try PrivateFiles.openDirectory(directory, create: true)
            sharing = try PrivateFiles.sharing(of: directoryFD, path: directory)
        } catch {
            throw .cannotCreateOutputFile(path: directory, reason: error.description)
        }
        defer { Glibc.close(directoryFD) }
        let stem = Self.timestamp(startedAt) + "-" + Self.origin(of: step)
        self.cap = max(0, cap)
        var attempt = 1
        while true {
            let name = stem + (attempt == 1 ? "" : "-\(attempt)") + ".log"
            let fd = openat(
                directoryFD, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, sharing.fileMode)
            if fd >= 0 {
                do throws(JournalError) {
                    try PrivateFiles.apply(sharing, directory: false, to: fd, path: directory + "/" + name)
                } catch {
                    Glibc.close(fd)
                    unlinkat(directoryFD, name, 0)
                    throw .cannotCreateOutputFile(path: directory + "/" + name, reason: error.description)
                }
                descriptor = fd
                relativePath = "commands/" + name
                path = directory + "/" + name
                return
            }
            if errno != EEXIST || attempt >= 1000 {
                throw .cannotCreateOutputFile(path: directory + "/" + name, reason: CommandRunnerError.reason(errno))
            }
            attempt += 1
        }
    }

    /// Whether the file has reached its cap, so that further output is only counted.
    var isFull: Bool { bytesWritten >= cap }

    /// Appends bytes up to the cap and returns how many of them did not fit; after a failure nothing more is
    /// written.
    mutating func write(_ bytes: ArraySlice<UInt8>) -> Int {
        let room = max(0, cap - bytesWritten)
        writeWhole(bytes.prefix(room))
        return max(0, bytes.count - room)
    }

    /// Appends a note about the cap on a line of its own whatever the cap, so the file says what became of the
    /// output it does not keep.
    mutating func note(_ text: String) {
        writeWhole(ArraySlice(((endsLine ? "" : "\n") + text + "\n").utf8))
    }

    /// Writes all of `bytes`; after a failure the rest is dropped and the failure kept for the result.
    private mutating func writeWhole(_ bytes: ArraySlice<UInt8>) {
        guard failure == nil, !bytes.isEmpty else { return }
        var remaining = bytes
        while !remaining.isEmpty {
            let count = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            // A write that takes nothing without an error would loop for ever: treat it as a full disk.
            if count <= 0 {
                let reason = CommandRunnerError.reason(count < 0 ? errno : ENOSPC)
                failure = "writing \(path) failed: \(reason); the output after \(bytesWritten) bytes is missing"
                return
            }
            remaining = remaining.dropFirst(count)
            bytesWritten += count
        }
        endsLine = bytes.last == UInt8(ascii: "\n")
    }

    /// Flushes the file to disk and closes it.
    mutating func close() {
        if fsync(descriptor) != 0, failure == nil {
            failure = "flushing \(path) failed: \(CommandRunnerError.reason(errno))"
        }
        Glibc.close(descriptor)
    }

    /// `20250102T031500.123Z`: UTC, sortable, no characters a file name should avoid.
    static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis / 1000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String { FixedWidthNumber.padded(value, width: width) }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "." + pad(Int32(millis % 1000), 3)
            + "Z"
    }

    /// `<runbook>-<step>` from the step's ids, each cut to lower-case ASCII letters, digits and single `-`s of
    /// at most 40 characters (the ids come from runbook files), or `command` for a command of no step.
    static func origin(of step: StepRef?) -> String {
        guard let step else { return "command" }
        let parts = [slug(step.runbook), slug(step.step)].filter { !$0.isEmpty }
        return parts.isEmpty ? "command" : parts.joined(separator: "-")
    }

    /// An id's ASCII letters and digits, lower-cased, with each run of other characters as one `-`, at most 40
    /// characters.
    static func slug(_ id: String) -> String {
        var words: [String] = []
        var word = ""
        for character in id.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return String(words.joined(separator: "-").prefix(40))
    }
}
