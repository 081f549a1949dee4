import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import RunbookKit
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
        let store = incidentStore()
        do {
            return try store.resolve(reference)
        } catch {
            throw CLIError(Self.explained(error, in: store, localizer()))
        }
    }

    /// The store's error as the user reads it, in the words of `localizer`: an incident id that matches nothing is
    /// answered with the ids closest to it (a typo), or, when none is close, with the store's own list of recent
    /// ones.
    static func explained(_ error: IncidentStoreError, in store: IncidentStore, _ localizer: Localizer) -> String {
        guard case .notFound(let reference, let recent) = error, !recent.isEmpty,
            let ids = try? store.list().incidents.map(\.id)
        else { return error.description(in: localizer) }
        let closest = closestMatches(to: reference, among: ids)
        guard !closest.isEmpty else { return error.description(in: localizer) }
        return localizer.tr(
            "cli.incident.not_found_suggest", ["reference": reference, "ids": closest.joined(separator: ", ")])
    }

    /// The incident's events, from every machine's journal file (`IncidentContents`); lines set aside while reading
    /// are reported on stderr, a refused journal is an error.
    func readIncident(_ location: IncidentLocation) throws -> IncidentContents {
        let localizer = localizer()
        do {
            var contents = try location.read()
            // Every command folds the journal in the one order the guide and the review use (`JournalOrder`).
            let ordered = JournalOrder.ordered(contents.events)
            warn(contents.problems, dropped: contents.events.count - ordered.count, in: location, localizer)
            contents.events = ordered
            return contents
        } catch {
            throw CLIError(errorText(error, localizer))
        }
    }

    /// Warns on stderr about the lines set aside while reading the incident at `location` and the events dropped
    /// for repeating a writer's seq.
    private func warn(
        _ problems: [JournalProblem], dropped: Int, in location: IncidentLocation, _ localizer: Localizer
    ) {
        for problem in problems { printWarning(problem.description(in: localizer), localizer) }
        guard dropped > 0 else { return }
        printWarning(
            localizer.tr("cli.journal.repeated_seq", ["path": location.journalPath, "count": String(dropped)]),
            localizer)
    }

    /// The events of the incident at `location`, read from its files rather than held (`IncidentEvents`), each
    /// folded into `initial` with `fold` as it is read; warns on stderr about what `readIncident` warns about.
    func readIncidentEvents<State>(
        _ location: IncidentLocation, into initial: State, _ fold: (inout State, Event) -> Void
    ) throws -> (events: IncidentEvents, state: State) {
        let localizer = localizer()
        do {
            let read = try IncidentEvents.read(location.journalPath, into: initial, fold)
            warn(read.events.problems, dropped: read.events.dropped, in: location, localizer)
            return read
        } catch {
            throw CLIError(errorText(error, localizer))
        }
    }
}

/// Prints one line on stderr, prefixed so it reads as a warning rather than output, sanitized: warnings quote
/// journals, runbooks and arguments, and nothing in them may drive the terminal. The prefix is in the words of
/// `localizer`, as the message is.
func printWarning(_ message: String, _ localizer: Localizer) {
    StandardStream.writeError((localizer.tr("cli.warning", ["message": oneLine(message)]) + "\n"))
}

/// Text from a journal made safe for one terminal line: escape sequences and controls removed, line breaks
/// shown as spaces.
func oneLine(_ text: String) -> String {
    sanitize(text, keepNewlines: false)
}

/// JSON text made safe to print on a terminal without changing the values it holds: inside strings, every control
/// character, DEL, C1 control and bidirectional override or isolate becomes a `\uXXXX` escape; between tokens, a
/// control character other than a line feed becomes a space. Journal lines as stored may carry these raw (JSON
/// allows C1 controls and bidi characters in strings), and a terminal would act on them.
func terminalSafeJSON(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isTerminalControl) else { return text }
    var output = String.UnicodeScalarView()
    var inString = false
    var escaped = false
    for scalar in text.unicodeScalars {
        if isTerminalControl(scalar) {
            if inString {
                let hex = FixedWidthNumber.padded(scalar.value, width: 4, radix: 16, uppercase: true)
                output.append(contentsOf: ("\\u" + hex).unicodeScalars)
            } else {
                output.append(scalar == "\n" ? scalar : " ")
            }
            escaped = false
            continue
        }
        if inString {
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                inString = false
            }
        } else if scalar == "\"" {
            inString = true
        }
        output.append(scalar)
    }
    return String(output)
}

/// Whether a terminal acts on the scalar or it reorders text: C0 and C1 controls, DEL, bidi overrides and isolates.
private func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
