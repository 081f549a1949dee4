import ArgumentParser
import Foundation
import IncidentKit

/// `respond timeline ID`: an incident's events, one line each, or the journal lines as stored.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Show an incident's timeline."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The incident: id, unique prefix, `last`, or a path to its timeline.jsonl.")
    var incident: String

    @Flag(help: "Print the journal's JSON lines as stored.")
    var json = false

    func run() throws {
        let location = try global.resolveIncident(incident)
        let contents = try global.readIncident(location)
        if json {
            try printStoredLines(location.journalPath, contents: contents)
            return
        }
        let start = contents.events.first?.occurredAt ?? Date()
        for event in contents.events {
            let time = JournalTime.string(from: event.occurredAt)
            let elapsed = elapsedText(event.occurredAt.timeIntervalSince(start))
            print("#\(event.seq)  \(time)  \(elapsed)  \(oneLine(event.actor))  \(oneLine(describe(event.kind)))")
        }
    }

    /// The journal's complete lines exactly as stored (fields a newer writer added included), without the lines
    /// that were set aside.
    private func printStoredLines(_ path: String, contents: JournalContents) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path)")
        }
        let setAside = Set(contents.problems.map(\.line))
        let lines = data.prefix(contents.endOffset).split(separator: 0x0A, omittingEmptySubsequences: false)
        var output = Data()
        for (index, line) in lines.enumerated() where index < contents.lineCount && !setAside.contains(index + 1) {
            guard !line.isEmpty else { continue }
            output.append(contentsOf: line)
            output.append(0x0A)
        }
        FileHandle.standardOutput.write(output)
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

    /// One line saying what happened.
    private func describe(_ kind: EventKind) -> String {
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, let roles):
            let people = roles.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            return "opened \(drill ? "drill " : "")\"\(title)\" \(severity.rawValue) on \(runbook)"
                + (people.isEmpty ? "" : " (" + people.joined(separator: ", ") + ")")
        case .runbookSwitched(let runbook): return "switched to runbook \(runbook)"
        case .stepDone(let step): return "step \(stepName(step)) done"
        case .stepSkipped(let step, let reason): return "step \(stepName(step)) skipped: \(reason)"
        case .checklistChecked(let item): return "checked \(checklistName(item))"
        case .checklistUnchecked(let item): return "unchecked \(checklistName(item))"
        case .note(let text, let pinned, let commander):
            return (pinned ? "📌 " : "") + (commander ? "commander note: " : "note: ") + text
        case .statusChanged(let status): return "status \(status.rawValue)"
        case .severityChanged(let severity): return "severity \(severity.rawValue)"
        case .roleAssigned(let role, let person): return "\(person) is \(role.rawValue)"
        case .escalated(let to): return "escalated to \(to)"
        case .commandCopied(let command, _): return "copied `\(command)`"
        case .commandRan(let run):
            let outcome = run.exitCode.map { "exit \($0)" } ?? (run.stoppedBecause ?? "stopped")
            return "ran `\(run.command)` (\(outcome), \(String(format: "%.1f", run.durationSeconds))s)"
        case .runbookFeedback(let runbook, let step, let text):
            return "feedback on \(runbook)\(step.map { " step \($0)" } ?? ""): \(text)"
        case .milestone(let milestone): return "milestone \(milestone.rawValue)"
        case .pinChanged(let seq, let pinned): return (pinned ? "pinned" : "unpinned") + " #\(seq)"
        case .exportWritten(let path, let format): return "exported \(format) to \(path)"
        case .incidentClosed: return "closed"
        case .reopened: return "reopened"
        }
    }

    private func stepName(_ step: StepRef) -> String {
        step.title.isEmpty ? step.step : "\(step.step) \"\(step.title)\""
    }

    private func checklistName(_ item: ChecklistRef) -> String {
        item.text.isEmpty ? "item \(item.item)" : "item \(item.item) \"\(item.text)\""
    }
}
