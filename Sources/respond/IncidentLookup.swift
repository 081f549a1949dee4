import ArgumentParser
import Foundation
import IncidentKit
import TerminalText

extension ArgumentHelp {
    /// The help of every incident argument: the ways `GlobalOptions.resolveIncident` accepts to name one.
    static var incident: ArgumentHelp {
        "The incident: its id, a unique prefix of it, `last`, or a path to its timeline.jsonl."
    }
}

extension GlobalOptions {
    /// The incident store under the home directory these options name.
    func incidentStore() -> IncidentStore {
        IncidentStore(home: homeDirectory())
    }

    /// The incident an ID argument names (exact id, unique prefix, `last`, or a journal path), or a one-line error.
    func resolveIncident(_ reference: String) throws -> IncidentLocation {
        do {
            return try incidentStore().resolve(reference)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The incident's events; lines set aside while reading are reported on stderr, a refused journal is an error.
    func readIncident(_ location: IncidentLocation) throws -> JournalContents {
        do {
            let contents = try Journal.read(location.journalPath)
            for problem in contents.problems { printWarning(problem.description) }
            return contents
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// Prints one line on stderr, prefixed so it reads as a warning rather than output.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// A duration as a responder reads it: `45s`, `12m`, `3h05m`, `2d04h`; negative durations get a `-`.
func shortDuration(_ seconds: TimeInterval) -> String {
    let sign = seconds < 0 ? "-" : ""
    let total = Int(abs(seconds).rounded(.down))
    let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60)
    if days > 0 { return sign + String(format: "%dd%02dh", days, hours) }
    if hours > 0 { return sign + String(format: "%dh%02dm", hours, minutes) }
    if minutes > 0 { return sign + "\(minutes)m" }
    return sign + "\(total)s"
}

/// Text from a journal made safe for one terminal line: escape sequences and controls removed, line breaks
/// shown as spaces.
func oneLine(_ text: String) -> String {
    sanitize(text, keepNewlines: false)
}
