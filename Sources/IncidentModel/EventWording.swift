import Foundation

/// What an event recorded, in the words `respond timeline` and the postmortem draft's timeline share. The words
/// are the same in every medium; only how values are set off differs: text that came from outside (titles, notes,
/// reasons, names), code (commands, runbook and step ids, paths) and emphasized values (a new status or
/// severity). Plain text leaves them as they are; markdown escapes text, writes code spans and bolds.
///
/// The guide does not use these words: its review table gives an event about 30 columns, so it has its own
/// shorter wording (GuideUI's `describe`).
public struct EventWording: Sendable {
    /// How untrusted prose is written.
    public var text: @Sendable (String) -> String
    /// How a command, an id or a path is written.
    public var code: @Sendable (String) -> String
    /// How a value the event changed to is written.
    public var strong: @Sendable (String) -> String

    /// Creates a wording that sets values off with these functions.
    public init(
        text: @escaping @Sendable (String) -> String, code: @escaping @Sendable (String) -> String,
        strong: @escaping @Sendable (String) -> String
    ) {
        self.text = text
        self.code = code
        self.strong = strong
    }

    /// Values as they are, for a terminal or a pipe (sanitizing them for a terminal is the caller's part).
    public static let plain = EventWording(text: { $0 }, code: { $0 }, strong: { $0 })

    /// What `kind` recorded, in one line unless a note or reason itself holds line breaks.
    public func describe(_ kind: EventKind) -> String {
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, _):
            return
                "Incident opened\(drill ? " (drill)" : ""): “\(text(title))”, \(severity.rawValue), runbook \(code(runbook))"
        case .alertAttached(let alert):
            let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return "Alert \(code(alert.name))" + (labels.isEmpty ? "" : " {\(text(labels))}")
        case .alertResolved(let name, _, _):
            return "Alert \(code(name)) stopped firing"
        case .runbookSwitched(let runbook):
            return "Switched to runbook \(code(runbook))"
        case .stepDone(let step):
            return "Step done: \(stepName(step))"
        case .stepSkipped(let step, let reason):
            return "Step skipped: \(stepName(step)) — reason: \(text(reason))"
        case .checklistChecked(let item):
            return "Verified: \(item.item). \(text(item.text))"
        case .checklistUnchecked(let item):
            return "Verification unchecked: \(item.item). \(text(item.text))"
        case .note(let note, _, let commander):
            return (commander ? "Commander note: " : "Note: ") + text(note)
        case .statusChanged(let status):
            return "Status → \(strong(status.rawValue))"
        case .severityChanged(let severity):
            return "Severity → \(strong(severity.rawValue))"
        case .roleAssigned(let role, let person):
            return "\(text(person)) is \(role.rawValue)"
        case .escalated(let to):
            return "Escalated to \(text(to))"
        case .commandCopied(let command, _):
            return "Copied \(code(command))"
        case .commandRan(let run):
            return "Ran \(code(run.command)) → \(outcome(run))"
        case .runbookFeedback(let runbook, let step, let feedback):
            return "Runbook feedback on \(feedbackTarget(runbook: runbook, step: step)): \(text(feedback))"
        case .milestone(.impactStarted):
            return "Impact started"
        case .milestone(.detected):
            return "Detected"
        case .pinChanged(let seq, let pinned):
            return "\(pinned ? "Pinned" : "Unpinned") event #\(seq)"
        case .exportWritten(let path, let format):
            return "Exported \(text(format)) to \(code(path))"
        case .incidentClosed:
            return "Incident closed"
        case .reopened:
            return "Incident reopened"
        }
    }

    /// What marks an event that is pinned, before its words: `⭐ pinned `.
    public var pinnedMark: String {
        "⭐ \(strong("pinned")) "
    }

    /// `exit 0 in 1.2s`, or why the command stopped.
    public func outcome(_ run: CommandRun) -> String {
        let duration = Self.oneDecimal(run.durationSeconds) + "s"
        if let code = run.exitCode { return "exit \(code) in \(duration)" }
        return "\(text(run.stoppedBecause ?? "stopped")) after \(duration)"
    }

    /// A step by its key and the title it had: `diagnosis-1 “title”`.
    public func stepName(_ step: StepRef) -> String {
        "\(code(step.step)) “\(text(step.title))”"
    }

    /// The runbook, and the step when feedback names one, that feedback is about: `disk-full step diagnosis-2`.
    public func feedbackTarget(runbook: String, step: String?) -> String {
        code(runbook) + (step.map { " step " + code($0) } ?? "")
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
}
