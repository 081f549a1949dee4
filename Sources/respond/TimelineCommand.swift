import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import TerminalText

/// `respond timeline ID`: an incident's events, one line each at local time, or the journal lines as stored.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Show an incident's timeline."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .incident, completion: .incidentID)
    var incident: String

    @Flag(help: "Print the journal's JSON lines as stored.")
    var json = false

    func run() throws {
        let location = try global.resolveIncident(incident)
        let contents = try global.readIncident(location)
        if json {
            for file in contents.files { try printStoredLines(file.path, contents: file.contents) }
            return
        }
        let start = contents.events.first?.occurredAt ?? Date()
        let pinned = IncidentState.fold(contents.events).pinned
        let wording = EventWording.plain(global.localizer())
        // Local wall time with its offset (`TZ`, else the machine's zone), so that a responder reads the clock on
        // the wall and a reader elsewhere still knows the instant; `--json` keeps the journal's UTC.
        let clock = ZoneClock(zone: .current)
        for event in contents.events {
            let time = clock.timestamp(event.occurredAt)
            let elapsed = elapsedText(event.occurredAt.timeIntervalSince(start))
            let mark = pinned.contains(event.ref) ? wording.pinnedMark : ""
            let text = shown(wording.describe(event.kind))
            // Another machine's file numbers its own seqs, so its events carry its writer id beside the seq.
            print("\(event.ref.label)  \(time)  \(elapsed)  \(shown(event.actor))  \(mark)\(text)")
        }
    }

    /// Journal text on one line with nothing hidden: every character a terminal would act on or not show (an
    /// escape sequence, a bidirectional override, a zero-width space in a recorded command) in its visible form,
    /// line breaks as spaces.
    private func shown(_ text: String) -> String {
        let visible = sanitizeCommand(text)
        return visible.unicodeScalars.contains("\n") ? visible.replacingScalars(of: "\n", with: " ") : visible
    }

    /// The journal's complete lines as stored (fields a newer writer added included), without the lines that were
    /// set aside, and with `terminalSafeJSON`'s escapes for what a terminal would act on.
    private func printStoredLines(_ path: String, contents: JournalContents) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(global.localizer().tr("cli.timeline.unreadable", ["path": path]))
        }
        let setAside = Set(contents.problems.map(\.line))
        let lines = data.prefix(contents.endOffset).split(separator: 0x0A, omittingEmptySubsequences: false)
        var output = ""
        for (index, line) in lines.enumerated() where index < contents.lineCount && !setAside.contains(index + 1) {
            guard !line.isEmpty else { continue }
            output += terminalSafeJSON(String(decoding: line, as: UTF8.self))
            output += "\n"
        }
        StandardStream.writeOutput(output)
    }

    /// `+HH:MM:SS` since the incident opened.
    private func elapsedText(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded(.down))
        return (seconds < 0 ? "-" : "+") + twoDigits(total / 3600) + ":" + twoDigits(total % 3600 / 60) + ":"
            + twoDigits(total % 60)
    }

    /// `value` with at least two digits, as `%02d` writes it (cheaper than `String(format:)` on every line).
    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
