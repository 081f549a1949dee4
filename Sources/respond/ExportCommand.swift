import ArgumentParser
import Foundation
import IncidentKit
import Postmortem
import RunbookKit

/// `respond export ID`: writes the postmortem draft (or the JSON export) next to the incident's journal, or to
/// `-o FILE`, and records the export in the timeline.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an incident's postmortem draft (markdown) or its JSON export."
    )

    /// The two export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json

        var defaultFileName: String { self == .markdown ? "postmortem.md" : "postmortem.json" }
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The incident: id, unique prefix, `last`, or a path to its timeline.jsonl.")
    var incident: String

    @Option(name: .shortAndLong, help: "Where to write (default: postmortem.md or postmortem.json in the incident's directory).")
    var output: String?

    @Option(help: "markdown (the postmortem draft) or json (the whole incident for other tools).")
    var format: Format = .markdown

    @Flag(name: .customLong("no-diagram"), help: "Leave the Mermaid gantt chart out of the markdown draft.")
    var noDiagram = false

    func run() throws {
        let location = try global.resolveIncident(incident)
        let events = try global.readIncident(location).events
        let state = IncidentState.fold(events)
        let runbooks = loadRunbooks()
        let now = Date()
        let text: String
        switch format {
        case .markdown:
            text = PostmortemRenderer.markdown(
                state: state, events: events, runbooks: runbooks, incidentID: location.id, generatedAt: now,
                options: PostmortemOptions(includeDiagram: !noDiagram)
            )
        case .json:
            do {
                text = try PostmortemRenderer.json(
                    state: state, events: events, runbooks: runbooks, incidentID: location.id, generatedAt: now
                )
            } catch {
                throw CLIError("cannot encode incident \(location.id) as JSON: \(error)")
            }
        }
        let path = absolute(output ?? (location.directory as NSString).appendingPathComponent(format.defaultFileName))
        try AtomicFile.write(Data(text.utf8), to: path)
        do {
            _ = try location.journal.append(
                [NewEvent(actor: global.actorName(), kind: .exportWritten(path: path, format: format.rawValue))], now: now
            )
        } catch {
            throw CLIError("wrote \(path) but could not record the export in the timeline: \(error.description)")
        }
        print(path)
    }

    /// The runbooks by id; without a runbook directory the draft is still written, without the runbooks' text.
    private func loadRunbooks() -> [String: Runbook] {
        do {
            let catalog = try global.loadCatalog()
            return Dictionary(catalog.runbooks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            printWarning("\(error); the export leaves out what the runbooks say")
            return [:]
        }
    }

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/") else { return expanded }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
    }
}

/// Writes a file whole or not at all: a temporary file (mode 0600) in the same directory, synced, then renamed
/// over the target, so a reader never sees half an export and a failure leaves the old file in place.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
        )
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write", path) }
        var written = 0
        let result: Int32 = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return fsync(fd) == 0 ? 0 : errno }
            while written < buffer.count {
                let count = Glibc.write(fd, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return fsync(fd) == 0 ? 0 : errno
        }
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
