import Foundation
import Localization

/// What an event recorded, in the words `respond timeline` and the postmortem draft's timeline share, in the
/// language of a `Localizer`. The words are the same in every medium; only how values are set off differs: text
/// that came from outside (titles, notes, reasons, names), code (commands, runbook and step ids, paths) and
/// emphasized values (a new status or severity). Plain text leaves them as they are; markdown escapes text, writes
/// code spans and bolds. Values are set off before they are put into the catalog's words, so they are escaped the
/// same way in every language.
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
    /// The language of the words.
    public var localizer: Localizer

    /// Creates a wording in `localizer`'s language that sets values off with these functions.
    public init(
        text: @escaping @Sendable (String) -> String, code: @escaping @Sendable (String) -> String,
        strong: @escaping @Sendable (String) -> String, localizer: Localizer
    ) {
        self.text = text
        self.code = code
        self.strong = strong
        self.localizer = localizer
    }

    /// Values as they are, for a terminal or a pipe (sanitizing them for a terminal is the caller's part).
    public static func plain(_ localizer: Localizer) -> EventWording {
        EventWording(text: { $0 }, code: { $0 }, strong: { $0 }, localizer: localizer)
    }

    /// What `kind` recorded, in one line unless a note or reason itself holds line breaks.
    public func describe(_ kind: EventKind) -> String {
        func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
            localizer.tr(key, arguments)
        }
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, _):
            let values = ["title": text(title), "severity": severity.rawValue, "runbook": code(runbook)]
            return drill ? tr("pm.event.drill_opened", values) : tr("pm.event.incident_opened", values)
        case .alertAttached(let alert):
            let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return labels.isEmpty
                ? tr("pm.event.alert_attached", ["alert": code(alert.name)])
                : tr("pm.event.alert_attached_labels", ["alert": code(alert.name), "labels": text(labels)])
        case .alertResolved(let name, _, _):
            return tr("pm.event.alert_resolved", ["alert": code(name)])
        case .runbookSwitched(let runbook):
            return tr("pm.event.runbook_switched", ["runbook": code(runbook)])
        case .stepDone(let step):
            return tr("pm.event.step_done", ["step": stepName(step)])
        case .stepSkipped(let step, let reason):
            return tr("pm.event.step_skipped", ["step": stepName(step), "reason": text(reason)])
        case .checklistChecked(let item):
            return tr("pm.event.verified", ["item": String(item.item), "text": text(item.text)])
        case .checklistUnchecked(let item):
            return tr("pm.event.unverified", ["item": String(item.item), "text": text(item.text)])
        case .note(let note, _, let commander):
            return commander
                ? tr("pm.event.commander_note", ["text": text(note)]) : tr("pm.event.note", ["text": text(note)])
        case .statusChanged(let status):
            return tr("pm.event.status_changed", ["status": strong(statusName(status))])
        case .severityChanged(let severity):
            return tr("pm.event.severity_changed", ["severity": strong(severity.rawValue)])
        case .roleAssigned(let role, let person):
            return tr("pm.event.role_assigned", ["person": text(person), "role": roleName(role)])
        case .escalated(let to):
            return tr("pm.event.escalated", ["to": text(to)])
        case .commandCopied(let command, _):
            return tr("pm.event.command_copied", ["command": code(command)])
        case .commandRan(let run):
            return tr("pm.event.command_ran", ["command": code(run.command), "outcome": outcome(run)])
        case .runbookFeedback(let runbook, let step, let feedback):
            return tr(
                "pm.event.feedback", ["target": feedbackTarget(runbook: runbook, step: step), "text": text(feedback)])
        case .milestone(.impactStarted):
            return tr("pm.event.impact_started")
        case .milestone(.detected):
            return tr("pm.event.detected")
        case .pinChanged(let seq, let pinned):
            return pinned ? tr("pm.event.pinned", ["seq": String(seq)]) : tr("pm.event.unpinned", ["seq": String(seq)])
        case .noteAcknowledged(let seq):
            return tr("pm.event.acknowledged", ["seq": String(seq)])
        case .exportWritten(let path, let format):
            return tr("pm.event.exported", ["format": text(format), "path": code(path)])
        case .incidentClosed:
            return tr("pm.event.closed")
        case .reopened:
            return tr("pm.event.reopened")
        }
    }

    /// What marks an event that is pinned, before its words: `⭐ pinned `.
    public var pinnedMark: String {
        "⭐ \(strong(localizer.tr("pm.event.pinned_mark"))) "
    }

    /// `exit 0 in 1.2s`, or why the command stopped.
    public func outcome(_ run: CommandRun) -> String {
        let seconds = Self.oneDecimal(run.durationSeconds)
        if let code = run.exitCode {
            return localizer.tr("pm.event.exited", ["code": String(code), "seconds": seconds])
        }
        let reason = run.stoppedBecause.map(text) ?? localizer.tr("pm.event.stopped")
        return localizer.tr("pm.event.stopped_after", ["reason": reason, "seconds": seconds])
    }

    /// A step by its key and the title it had: `diagnosis-1 “title”`.
    public func stepName(_ step: StepRef) -> String {
        localizer.tr("pm.event.step_name", ["step": code(step.step), "title": text(step.title)])
    }

    /// The runbook, and the step when feedback names one, that feedback is about: `disk-full step diagnosis-2`.
    public func feedbackTarget(runbook: String, step: String?) -> String {
        guard let step else { return code(runbook) }
        return localizer.tr("pm.event.runbook_step", ["runbook": code(runbook), "step": code(step)])
    }

    /// A status as the language names it: `mitigated`, `已緩解`.
    public func statusName(_ status: IncidentStatus) -> String {
        localizer.tr(Self.statusKey(status))
    }

    /// A role as the language names it: `commander`, `指揮官`.
    public func roleName(_ role: Role) -> String {
        localizer.tr(Self.roleKey(role))
    }

    /// The catalog key of a status's name.
    public static func statusKey(_ status: IncidentStatus) -> String {
        "pm.status." + status.rawValue
    }

    /// The catalog key of a role's name.
    public static func roleKey(_ role: Role) -> String {
        "pm.role." + role.rawValue
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
