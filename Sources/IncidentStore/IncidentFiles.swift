import FoundationEssentials
import Glibc
import IncidentModel
import RunbookKit
import TerminalText

/// The journal files of one incident: its own `timeline.jsonl`, written by the machine that opened it, and beside
/// it `timeline@<writer>.jsonl` for each other machine that appended (`MachineWriter`). Each is an append-only
/// journal of its own, locked and numbered on its own; together they are the incident's one timeline.
public enum IncidentFiles {
    /// The file in an incident directory that names the writer of `timeline.jsonl` when the incident was opened in
    /// a home with a writer id: that machine keeps appending to `timeline.jsonl`, every other to its own file.
    public static let openerFileName = "timeline.writer"

    /// The name of `writer`'s journal file in an incident directory.
    public static func fileName(writer: String) -> String {
        "timeline@" + writer + ".jsonl"
    }

    /// The writer whose journal file `name` is, when it is one (`timeline@<valid writer id>.jsonl`).
    public static func writer(ofFileName name: String) -> String? {
        guard name.hasPrefix("timeline@"), name.hasSuffix(".jsonl") else { return nil }
        let writer = String(name.dropFirst("timeline@".count).dropLast(".jsonl".count))
        return MachineWriter.isValid(writer) ? writer : nil
    }

    /// The other writers' journal files beside `journalPath`, by writer id, when it is an incident's own
    /// `timeline.jsonl`; none for a journal under any other name (a copy given by its path is read alone).
    public static func writerFiles(beside journalPath: String) throws(JournalError) -> [(writer: String, path: String)]
    {
        guard FilePaths.lastComponent(of: journalPath) == Journal.fileName else { return [] }
        let directoryPath = FilePaths.deletingLastComponent(of: journalPath)
        let fd = try PrivateFiles.openDirectory(directoryPath.isEmpty ? "." : directoryPath, create: false)
        guard let directory = fdopendir(fd) else {
            let code = errno
            close(fd)
            throw JournalError.from(errno: code, path: directoryPath, operation: "read")
        }
        defer { closedir(directory) }
        var files: [(writer: String, path: String)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let writer = writer(ofFileName: name) { files.append((writer, directoryPath + "/" + name)) }
        }
        return files.sorted { $0.writer < $1.writer }
    }

    /// The writer id recorded as the opener of the incident in `directory`, when one is and it is valid.
    public static func opener(in directory: String) -> String? {
        guard let fd = try? PrivateFiles.openFile(atPath: directory + "/" + openerFileName, flags: O_RDONLY).fd
        else { return nil }
        defer { close(fd) }
        guard let bytes = try? FileIO.read(fd, offset: 0, count: 64, path: directory) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingScalars(in: .newlines)
        return MachineWriter.isValid(text) ? text : nil
    }

    /// Records `writer` as the opener of the incident in `directory`, written whole and synced.
    static func recordOpener(_ writer: String, in directory: String) throws(JournalError) {
        let path = directory + "/" + openerFileName
        let fd = try PrivateFiles.openFile(atPath: path, flags: O_WRONLY | O_CREAT).fd
        defer { close(fd) }
        try FileIO.writeAll(fd, Array((writer + "\n").utf8), path: path)
        try FileIO.sync(fd, path: path)
    }
}

/// One journal file of an incident as read: whose it is and what it held.
public struct IncidentJournalFile: Hashable, Sendable {
    /// The writer of the file: nil for the incident's own `timeline.jsonl`.
    public var writer: String?
    /// The file's path.
    public var path: String
    /// What was read of it, its events tagged with `writer`.
    public var contents: JournalContents
}

/// What reading every journal file of an incident found: their events together, and each file as read.
public struct IncidentContents: Hashable, Sendable {
    /// Every valid event of every file, the incident's own file first, then the others by writer id; each in its
    /// file's order. `JournalOrder.ordered` puts them in the incident's order.
    public var events: [Event]
    /// Lines set aside in any of the files, with their paths and line numbers.
    public var problems: [JournalProblem]
    /// Each file as read, the incident's own first.
    public var files: [IncidentJournalFile]

    /// Reads the journal at `journalPath` and, when it is an incident's own `timeline.jsonl`, every other
    /// writer's `timeline@<writer>.jsonl` beside it; each is read as `Journal.read` reads one journal, decoding
    /// only the lines holding `linesHolding` when it is given, each as far as `reading` asks.
    ///
    /// A sync's merge replaces the files other machines write (git removes one and writes the new one in its
    /// place), so one can be missing for a moment: a read that finds a file gone is tried again a few times, over
    /// a fifth of a second, before the file counts as missing.
    public static func read(
        _ journalPath: String, linesHolding needle: String? = nil, reading: EventReading = .whole
    ) throws(JournalError) -> IncidentContents {
        try retryingWhileMissing { () throws(JournalError) in
            try readOnce(journalPath, linesHolding: needle, reading: reading)
        }
    }

    /// What `read` returns, tried again while it finds a file missing, up to twenty times ten milliseconds apart:
    /// a sync's merge replaces another machine's file, so it can be missing for a moment.
    static func retryingWhileMissing<Value>(_ read: () throws(JournalError) -> Value) throws(JournalError) -> Value {
        var attempts = 1
        while true {
            do {
                return try read()
            } catch .notFound where attempts < 20 {
                attempts += 1
                usleep(10_000)
            }
        }
    }

    private static func readOnce(_ journalPath: String, linesHolding needle: String?, reading: EventReading)
        throws(JournalError) -> IncidentContents
    {
        let own = try Journal.read(journalPath, linesHolding: needle, reading: reading)
        var files = [IncidentJournalFile(writer: nil, path: journalPath, contents: own)]
        for (writer, path) in try IncidentFiles.writerFiles(beside: journalPath) {
            var contents = try Journal.read(path, linesHolding: needle, reading: reading)
            for index in contents.events.indices { contents.events[index].writer = writer }
            files.append(IncidentJournalFile(writer: writer, path: path, contents: contents))
        }
        // One file is the usual incident: its events are shared with it, not copied one by one.
        guard files.count > 1 else { return IncidentContents(events: own.events, problems: own.problems, files: files) }
        return IncidentContents(
            events: files.flatMap(\.contents.events), problems: files.flatMap(\.contents.problems), files: files)
    }
}
