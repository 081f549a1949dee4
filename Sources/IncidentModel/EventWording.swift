import FoundationEssentials
import Glibc
import Localization
import RunbookKit

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
    public let text: @Sendable (String) -> String
    /// How a command, an id or a path is written.
    public let code: @Sendable (String) -> String
    /// How a value the event changed to is written.
    public let strong: @Sendable (String) -> String
    /// The language of the words.
    public let localizer: Localizer
    /// The catalog's texts, looked up and split at their placeholders once: an export describes every event of
    /// a journal, and a lookup and a dictionary of arguments per event cost more than the rest of its row.
    private let phrases: EventWordingPhrases

    /// Creates a wording in `localizer`'s language that sets values off with these functions.
    public init(
        text: @escaping @Sendable (String) -> String, code: @escaping @Sendable (String) -> String,
        strong: @escaping @Sendable (String) -> String, localizer: Localizer
    ) {
        self.text = text
        self.code = code
        self.strong = strong
        self.localizer = localizer
        phrases = EventWordingPhrases(localizer)
    }

    /// Values as they are, for a terminal or a pipe (sanitizing them for a terminal is the caller's part).
    public static func plain(_ localizer: Localizer) -> EventWording {
        EventWording(text: { $0 }, code: { $0 }, strong: { $0 }, localizer: localizer)
    }

    /// What `kind` recorded, in one line unless a note or reason itself holds line breaks.
    public func describe(_ kind: EventKind) -> String {
        let words = phrases
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, _):
            return (drill ? words.drillOpened : words.incidentOpened).filled(
                text(title), severity.rawValue, code(runbook))
        case .alertAttached(let alert):
            let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return labels.isEmpty
                ? words.alertAttached.filled(code(alert.name))
                : words.alertAttachedLabels.filled(code(alert.name), text(labels))
        case .alertResolved(let name, _, _):
            return words.alertResolved.filled(code(name))
        case .runbookSwitched(let runbook):
            return words.runbookSwitched.filled(code(runbook))
        case .stepDone(let step):
            return words.stepDone.filled(stepName(step))
        case .stepSkipped(let step, let reason):
            return words.stepSkipped.filled(stepName(step), text(reason))
        case .checklistChecked(let item):
            return words.verified.filled(String(item.item), text(item.text))
        case .checklistUnchecked(let item):
            return words.unverified.filled(String(item.item), text(item.text))
        case .note(let note, _, let commander):
            return (commander ? words.commanderNote : words.note).filled(text(note))
        case .statusChanged(let status):
            return words.statusChanged.filled(strong(statusName(status)))
        case .severityChanged(let severity):
            return words.severityChanged.filled(strong(severity.rawValue))
        case .roleAssigned(let role, let person):
            return words.roleAssigned.filled(text(person), roleName(role))
        case .escalated(let to):
            return words.escalated.filled(text(to))
        case .commandCopied(let command, _):
            return words.commandCopied.filled(code(command))
        case .commandRan(let run):
            return words.commandRan.filled(code(run.command), outcome(run))
        case .runbookFeedback(let runbook, let step, let feedback):
            return words.feedback.filled(feedbackTarget(runbook: runbook, step: step), text(feedback))
        case .milestone(.impactStarted):
            return words.impactStarted
        case .milestone(.detected):
            return words.detected
        case .pinChanged(let seq, let writer, let pinned):
            return (pinned ? words.pinned : words.unpinned).filled(EventRef(seq: seq, writer: writer).number)
        case .noteAcknowledged(let seq, let writer):
            return words.acknowledged.filled(EventRef(seq: seq, writer: writer).number)
        case .exportWritten(let path, let format):
            return words.exported.filled(text(format), code(path))
        case .incidentClosed:
            return words.closed
        case .reopened:
            return words.reopened
        }
    }

    /// What marks an event that is pinned, before its words: `⭐ pinned `.
    public var pinnedMark: String {
        "⭐ \(strong(phrases.pinnedMark)) "
    }

    /// `exit 0 in 1.2s`, or why the command stopped.
    public func outcome(_ run: CommandRun) -> String {
        let seconds = Self.oneDecimal(run.durationSeconds)
        if let code = run.exitCode {
            return phrases.exited.filled(String(code), seconds)
        }
        return phrases.stoppedAfter.filled(run.stoppedBecause.map(text) ?? phrases.stopped, seconds)
    }

    /// A step by its key and the title it had: `diagnosis-1 “title”`.
    public func stepName(_ step: StepRef) -> String {
        phrases.stepName.filled(code(step.step), text(step.title))
    }

    /// The runbook, and the step when feedback names one, that feedback is about: `disk-full step diagnosis-2`.
    public func feedbackTarget(runbook: String, step: String?) -> String {
        guard let step else { return code(runbook) }
        return phrases.runbookStep.filled(code(runbook), code(step))
    }

    /// A status as the language names it: `mitigated`, `已緩解`.
    public func statusName(_ status: IncidentStatus) -> String {
        phrases.statusNames[status] ?? localizer.tr(Self.statusKey(status))
    }

    /// A role as the language names it: `commander`, `指揮官`.
    public func roleName(_ role: Role) -> String {
        phrases.roleNames[role] ?? localizer.tr(Self.roleKey(role))
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
    public static func oneDecimal(_ value: Double) -> String {
        // Long enough for the widest double, 1.8e308 written out in full.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, "%.1f", $0) }
            let written = UnsafeBufferPointer(rebasing: buffer[0..<max(0, min(Int(count), buffer.count - 1))])
            return written.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
        }
    }
}
