import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import Postmortem
import RunbookKit

/// Writes an incident's postmortem draft or JSON export to a file, whole or not at all, or to standard output,
/// then records the export in the incident's timeline: what `respond export` and the guide's `x` key both do.
enum PostmortemFile {
    /// The two export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json

        /// The file name used next to the journal when no path is given.
        var defaultFileName: String { self == .markdown ? "postmortem.md" : "postmortem.json" }
    }

    /// The export was written but its record could not be appended to the timeline.
    struct NotRecorded: Error, CustomStringConvertible {
        let path: String
        let reason: String

        var description: String { description(in: Localizer(.english)) }

        /// What was written and why it is not in the timeline, in the words of `localizer`.
        func description(in localizer: Localizer) -> String {
            localizer.tr("cli.export.not_recorded", ["path": path, "reason": reason])
        }
    }

    /// Renders `events` in `format` to `destination` (default: a file next to the journal), with the runbooks the
    /// incident refers to looked up in `runbook`, and appends an `exportWritten` event by `actor` (its path `-` for
    /// standard output); returns the path and the recorded events. The draft is in `localizer`'s language with
    /// times local to `clock`'s zone; the JSON export is always English and UTC. A failure to write leaves any
    /// earlier file in place and records nothing; a failure to record throws `NotRecorded` after the document is
    /// written.
    static func write(
        _ location: IncidentLocation, events: [Event], runbook: (String) -> Runbook?, format: Format,
        includeDiagram: Bool = true, destination: OutputDestination? = nil, actor: String, now: Date,
        localizer: Localizer, clock: ZoneClock
    ) throws -> (path: String, recorded: [Event]) {
        let state = IncidentState.fold(events)
        let runbooks = state.runbooks(lookup: runbook)
        let render = { (file: inout BufferedFile) throws in
            switch format {
            case .markdown:
                // Held already, the events are folded from memory; the draft's lists still wait in scratch files
                // rather than in a second copy of the draft.
                var fold = DraftFold { runbooks[$0] }
                for event in events { fold.add(event) }
                try renderMarkdown(
                    location, fold: fold, runbooks: runbooks, events: { body in try events.forEach(body) },
                    includeDiagram: includeDiagram, now: now, localizer: localizer, clock: clock, into: &file)
            case .json:
                do {
                    try PostmortemRenderer.writeJSON(
                        state: state, events: events, runbooks: runbooks, incidentID: location.id, generatedAt: now
                    ) { file.write(bytes: $0) }
                } catch {
                    throw CLIError(
                        localizer.tr("cli.export.json_failed", ["incident": location.id, "problem": "\(error)"]))
                }
            }
        }
        return try deliver(
            render, to: location, format: format, destination: destination, actor: actor, now: now)
    }

    /// Writes the JSON export of the incident whose events `events` reads from its files, folded into `fold` as
    /// they were read, a piece at a time: what it holds follows the incident's summary, not its number of events.
    /// The rest is as `write(_:events:…)` does it.
    static func writeJSON(
        _ location: IncidentLocation, events: IncidentEvents, fold: ExportFold, destination: OutputDestination? = nil,
        actor: String, now: Date, localizer: Localizer
    ) throws -> (path: String, recorded: [Event]) {
        let render = { (file: inout BufferedFile) throws in
            do {
                try fold.writeJSON(incidentID: location.id, generatedAt: now, events: events.walk) {
                    file.write(bytes: $0)
                }
            } catch let error as JournalError {
                // The journal could not be read again: what to do about it, not a failure to encode.
                throw CLIError(errorText(error, localizer))
            } catch {
                throw CLIError(
                    localizer.tr("cli.export.json_failed", ["incident": location.id, "problem": "\(error)"]))
            }
        }
        return try deliver(render, to: location, format: .json, destination: destination, actor: actor, now: now)
    }

    /// Writes the postmortem draft of the incident whose events `events` reads from its files, folded into `fold`
    /// as they were read: a second read writes the lists that grow with the journal into scratch files, so what is
    /// held follows the incident's summary, not its number of events. The rest is as `write(_:events:…)` does it.
    static func writeMarkdown(
        _ location: IncidentLocation, events: IncidentEvents, fold: DraftFold, runbook: (String) -> Runbook?,
        includeDiagram: Bool, destination: OutputDestination? = nil, actor: String, now: Date, localizer: Localizer,
        clock: ZoneClock
    ) throws -> (path: String, recorded: [Event]) {
        let runbooks = fold.replay.state.runbooks(lookup: runbook)
        let render = { (file: inout BufferedFile) throws in
            try renderMarkdown(
                location, fold: fold, runbooks: runbooks, events: events.walk, includeDiagram: includeDiagram,
                now: now, localizer: localizer, clock: clock, into: &file)
        }
        return try deliver(
            render, to: location, format: .markdown, destination: destination, actor: actor, now: now)
    }

    /// Writes the draft of the incident `fold` folded into `file`, `walk` passing its events again, the lists that
    /// grow with them kept in scratch files in `$TMPDIR` or the incident's directory (`ScratchSpools`) until they
    /// are written.
    private static func renderMarkdown(
        _ location: IncidentLocation, fold: DraftFold, runbooks: [String: Runbook],
        events walk: ((Event) throws -> Void) throws -> Void, includeDiagram: Bool, now: Date, localizer: Localizer,
        clock: ZoneClock, into file: inout BufferedFile
    ) throws {
        let spools = ScratchSpools(incidentDirectory: location.directory)
        do {
            try PostmortemRenderer.writeMarkdown(
                fold: fold, runbooks: runbooks, incidentID: location.id, generatedAt: now, localizer: localizer,
                clock: clock, options: PostmortemOptions(includeDiagram: includeDiagram),
                events: { body in
                    // `walk` only calls `body` while it runs.
                    try withoutActuallyEscaping(body) { try walk($0) }
                    // Nothing is written until every list is kept: a full scratch disk writes no half draft.
                    try spools.check()
                }, spool: spools.make, into: &file)
            try spools.check()
        } catch let error as JournalError {
            // The journal could not be read again: what to do about it.
            throw CLIError(errorText(error, localizer))
        }
    }

    /// Writes what `render` writes to `destination` (default: a file next to the journal) and appends the
    /// `exportWritten` event by `actor` for it.
    private static func deliver(
        _ render: (inout BufferedFile) throws -> Void, to location: IncidentLocation, format: Format,
        destination: OutputDestination?, actor: String, now: Date
    ) throws -> (path: String, recorded: [Event]) {
        let chosen: String
        switch destination {
        case .standardOutput:
            chosen = "-"
            try OutputDestination.writeToStandardOutput(render)
        case .file(let path):
            chosen = path
            try AtomicFile.write(to: path, render)
        case nil:
            chosen = FilePaths.appending(format.defaultFileName, to: location.directory)
            // The default file goes into the incident's own directory, which must not be a link out of the home.
            try AtomicFile.write(to: chosen, ownDirectory: true, render)
        }
        do {
            let recorded = try location.journal.append(
                [NewEvent(actor: actor, kind: .exportWritten(path: chosen, format: format.rawValue))], now: now
            )
            return (chosen, recorded)
        } catch {
            throw NotRecorded(path: chosen, reason: error.description)
        }
    }
}
