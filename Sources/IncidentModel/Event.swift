import FoundationEssentials
import RunbookKit

/// Where an incident stands, in the order incidents move through.
public enum IncidentStatus: String, Codable, Sendable, CaseIterable {
    case investigating, identified, mitigated, resolved
}

/// A role someone plays in an incident.
public enum Role: String, Codable, Sendable, CaseIterable {
    case commander, scribe, responder
}

/// A moment of the incident's life that the metrics measure from or to, other than those implied by
/// `incidentOpened` (acknowledged) and status changes (mitigated, resolved).
public enum Milestone: String, Codable, Sendable, CaseIterable {
    case impactStarted = "impact-started"
    case detected
}

/// A step of a runbook, as the journal refers to it: by runbook id and step key, with the title kept so the
/// record reads well even after the runbook is edited.
public struct StepRef: Hashable, Codable, Sendable {
    /// The runbook's id.
    public var runbook: String
    /// The step's key in that runbook, e.g. `diagnosis-2`.
    public var step: String
    /// The step's title when it was recorded.
    public var title: String

    /// Creates a step reference.
    public init(runbook: String, step: String, title: String) {
        self.runbook = runbook
        self.step = step
        self.title = title
    }
}

/// A verification item, as the journal refers to it.
public struct ChecklistRef: Hashable, Codable, Sendable {
    /// The runbook's id.
    public var runbook: String
    /// The item's 1-based number in the runbook's checklist.
    public var item: Int
    /// The item's text when it was recorded.
    public var text: String

    /// Creates a checklist reference.
    public init(runbook: String, item: Int, text: String) {
        self.runbook = runbook
        self.item = item
        self.text = text
    }
}

/// A command that was run from a runbook, with what came of it. Text and output are redacted before they are
/// stored.
public struct CommandRun: Hashable, Codable, Sendable {
    /// The command line exactly as run, after placeholders were filled.
    public var command: String
    /// The runbook step it came from, when it came from one.
    public var step: StepRef?
    /// Placeholder values given for this run, by placeholder name.
    public var placeholders: [String: String]
    /// The exit status; nil when the command was stopped before it exited.
    public var exitCode: Int32?
    /// How long it ran, in seconds.
    public var durationSeconds: Double
    /// The first and last lines of its output, bounded in size.
    public var outputExcerpt: String
    /// The full output's file, relative to the incident directory.
    public var outputFile: String?
    /// Why it stopped, when it did not exit on its own (`cancelled`, `timed out`).
    public var stoppedBecause: String?
    /// How many bytes of output it wrote; nil in records written before this was recorded.
    public var outputBytes: Int?
    /// How many of them the output file did not keep because it had reached its cap; nil when it kept them all.
    public var outputDroppedBytes: Int?

    /// Creates a command record.
    public init(
        command: String, step: StepRef? = nil, placeholders: [String: String] = [:], exitCode: Int32?,
        durationSeconds: Double, outputExcerpt: String, outputFile: String? = nil, stoppedBecause: String? = nil,
        outputBytes: Int? = nil, outputDroppedBytes: Int? = nil
    ) {
        self.command = command
        self.step = step
        self.placeholders = placeholders
        self.exitCode = exitCode
        self.durationSeconds = durationSeconds
        self.outputExcerpt = outputExcerpt
        self.outputFile = outputFile
        self.stoppedBecause = stoppedBecause
        self.outputBytes = outputBytes
        self.outputDroppedBytes = outputDroppedBytes
    }
}

/// What happened, with the fields that kind of event carries.
public enum EventKind: Hashable, Sendable {
    /// The incident was opened (acknowledged) on a runbook.
    case incidentOpened(title: String, severity: Severity, runbook: String, drill: Bool, roles: [Role: String])
    /// The alert the incident was opened from, recorded right after the opening.
    case alertAttached(AlertRecord)
    /// The alert the incident was opened from stopped firing, as Alertmanager told the guide (evidence for
    /// verification, not a change of status); `endedAt` is when Alertmanager says it ended, when it says.
    case alertResolved(name: String, fingerprint: String?, endedAt: Date?)
    /// The responder moved to another runbook within the same incident.
    case runbookSwitched(runbook: String)
    /// A step was carried out.
    case stepDone(StepRef)
    /// A step was deliberately not carried out; the reason is required.
    case stepSkipped(StepRef, reason: String)
    /// A verification item was ticked.
    case checklistChecked(ChecklistRef)
    /// A verification item was unticked.
    case checklistUnchecked(ChecklistRef)
    /// Free text; pinned notes are the important ones; commander notes are annotations from the review.
    case note(text: String, pinned: Bool, commander: Bool)
    /// The incident's status moved.
    case statusChanged(IncidentStatus)
    /// The incident's severity changed.
    case severityChanged(Severity)
    /// Someone took a role.
    case roleAssigned(Role, person: String)
    /// Someone was contacted for help.
    case escalated(to: String)
    /// A runbook command was copied to the clipboard.
    case commandCopied(command: String, step: StepRef?)
    /// A runbook command was run.
    case commandRan(CommandRun)
    /// A step was wrong or something was missing from the runbook.
    case runbookFeedback(runbook: String, step: String?, text: String)
    /// A milestone that the metrics need, usually with an earlier `occurredAt`.
    case milestone(Milestone)
    /// An event was pinned or unpinned: the one with sequence number `seq` in `writer`'s file (nil: the
    /// incident's own `timeline.jsonl`, which is also how lines written before writers existed read).
    case pinChanged(seq: Int, writer: String? = nil, pinned: Bool)
    /// The actor read the pinned note with sequence number `seq` in `writer`'s file: it no longer waits above their
    /// step. Others still see it; the pin itself does not change.
    case noteAcknowledged(seq: Int, writer: String? = nil)
    /// A postmortem or JSON export was written.
    case exportWritten(path: String, format: String)
    /// The incident was closed; it no longer appears among open incidents.
    case incidentClosed
    /// A closed incident was reopened.
    case reopened
}

/// One entry of an incident's timeline, as stored in its journal.
public struct Event: Hashable, Sendable {
    /// The schema version this code writes; a journal with a newer one is refused.
    public static let schemaVersion = 1

    /// The position in the journal, strictly increasing from 1.
    public var seq: Int
    /// A unique id, so that copies of an event can be told apart from repeats.
    public var id: UUID
    /// When the event was written.
    public var recordedAt: Date
    /// When the thing happened; the same as `recordedAt` unless it was back-dated.
    public var occurredAt: Date
    /// Who did it.
    public var actor: String
    /// What happened.
    public var kind: EventKind
    /// The machine whose journal file holds the event: nil for the incident's own `timeline.jsonl`, the writer's
    /// id for `timeline@<writer>.jsonl`. Taken from the file's name, never from the line, so a line cannot claim
    /// another machine's seqs; `seq` counts within one writer's file.
    public var writer: String?

    /// Creates an event.
    public init(
        seq: Int, id: UUID = UUID(), recordedAt: Date, occurredAt: Date? = nil, actor: String, kind: EventKind,
        writer: String? = nil
    ) {
        self.seq = seq
        self.id = id
        self.recordedAt = recordedAt
        self.occurredAt = occurredAt ?? recordedAt
        self.actor = actor
        self.kind = kind
        self.writer = writer
    }

    /// How other events name this one: its seq within its writer's file.
    public var ref: EventRef { EventRef(seq: seq, writer: writer) }
}

/// An event as another event names it (a pin, an acknowledgement): seqs count within one writer's file, so the seq
/// alone would name a different event on every file of a several-machine incident.
public struct EventRef: Hashable, Codable, Sendable, Comparable {
    /// The event's sequence number within its writer's file.
    public var seq: Int
    /// The writer whose file holds it; nil for the incident's own `timeline.jsonl`.
    public var writer: String?

    /// Creates a reference.
    public init(seq: Int, writer: String? = nil) {
        self.seq = seq
        self.writer = writer
    }

    /// The event's number as `respond timeline` shows it after `#`: `SEQ`, or `SEQ@WRITER` for another machine's
    /// file.
    public var number: String {
        writer.map { "\(seq)@\($0)" } ?? String(seq)
    }

    /// The event as `respond timeline` numbers it: `#SEQ`, or `#SEQ@WRITER`.
    public var label: String { "#" + number }

    /// The incident's own file first, then writers by name, and by seq within a file.
    public static func < (first: EventRef, second: EventRef) -> Bool {
        (first.writer ?? "", first.seq) < (second.writer ?? "", second.seq)
    }
}

/// An event before the journal gives it a sequence number, id and recording time: what callers ask to append.
public struct NewEvent: Hashable, Sendable {
    /// Who did it.
    public var actor: String
    /// What happened.
    public var kind: EventKind
    /// When it happened, when that is earlier than the moment it is written.
    public var occurredAt: Date?

    /// Creates a new event.
    public init(actor: String, kind: EventKind, occurredAt: Date? = nil) {
        self.actor = actor
        self.kind = kind
        self.occurredAt = occurredAt
    }
}
