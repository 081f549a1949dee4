import Foundation
import IncidentKit
import RunbookKit

/// One line of markdown saying what an event was, for the postmortem's timeline.
public enum EventDescription {
    /// What `event` recorded, with untrusted text escaped and commands as code spans.
    public static func markdown(_ event: Event) -> String {
        let e = MarkdownEscape.inline
        switch event.kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, _):
            return "Incident opened\(drill ? " (drill)" : ""): “\(e(title))”, \(severity.rawValue), runbook \(MarkdownEscape.codeSpan(runbook))"
        case .runbookSwitched(let runbook):
            return "Switched to runbook \(MarkdownEscape.codeSpan(runbook))"
        case .stepDone(let step):
            return "Step done: \(stepName(step))"
        case .stepSkipped(let step, let reason):
            return "Step skipped: \(stepName(step)) — reason: \(e(reason))"
        case .checklistChecked(let item):
            return "Verified: \(item.item). \(e(item.text))"
        case .checklistUnchecked(let item):
            return "Verification unchecked: \(item.item). \(e(item.text))"
        case .note(let text, _, let commander):
            return (commander ? "Commander note: " : "Note: ") + e(text)
        case .statusChanged(let status):
            return "Status → **\(status.rawValue)**"
        case .severityChanged(let severity):
            return "Severity → **\(severity.rawValue)**"
        case .roleAssigned(let role, let person):
            return "\(e(person)) is \(role.rawValue)"
        case .escalated(let to):
            return "Escalated to \(e(to))"
        case .commandCopied(let command, _):
            return "Copied \(MarkdownEscape.codeSpan(command))"
        case .commandRan(let run):
            return "Ran \(MarkdownEscape.codeSpan(run.command)) → \(outcome(run))"
        case .runbookFeedback(let runbook, let step, let text):
            return "Runbook feedback on \(feedbackTarget(runbook: runbook, step: step)): \(e(text))"
        case .milestone(.impactStarted):
            return "Impact started"
        case .milestone(.detected):
            return "Detected"
        case .pinChanged(let seq, let pinned):
            return "\(pinned ? "Pinned" : "Unpinned") event #\(seq)"
        case .exportWritten(let path, let format):
            return "Exported \(e(format)) to \(MarkdownEscape.codeSpan(path))"
        case .incidentClosed:
            return "Incident closed"
        case .reopened:
            return "Incident reopened"
        }
    }

    /// `exit 0 in 1.2s`, or why the command stopped.
    static func outcome(_ run: CommandRun) -> String {
        let duration = oneDecimal(run.durationSeconds) + "s"
        if let code = run.exitCode { return "exit \(code) in \(duration)" }
        return "\(MarkdownEscape.inline(run.stoppedBecause ?? "stopped")) after \(duration)"
    }

    /// `` `diagnosis-1` “title” ``.
    static func stepName(_ step: StepRef) -> String {
        "\(MarkdownEscape.codeSpan(step.step)) “\(MarkdownEscape.inline(step.title))”"
    }

    /// `value` as `printf("%.1f")` writes it, without `String(format:)`'s Foundation formatter, which cost more
    /// than the rest of a command's timeline row.
    static func oneDecimal(_ value: Double) -> String {
        // Long enough for the widest double, 1.8e308 written out in full.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, "%.1f", $0) }
            let written = UnsafeBufferPointer(rebasing: buffer[0..<max(0, min(Int(count), buffer.count - 1))])
            return written.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The runbook, and the step when feedback names one, that feedback is about: `` `disk-full` step `diagnosis-2` ``.
    static func feedbackTarget(runbook: String, step: String?) -> String {
        MarkdownEscape.codeSpan(runbook) + (step.map { " step " + MarkdownEscape.codeSpan($0) } ?? "")
    }
}
