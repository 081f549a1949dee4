import FoundationEssentials
import RunbookKit

/// Who did something and when, taken from the event that recorded it.
public struct Stamp: Hashable, Codable, Sendable {
    /// The recording event's sequence number.
    public var seq: Int
    /// Who did it.
    public var actor: String
    /// When it happened (the event's `occurredAt`).
    public var at: Date
    /// The writer whose file holds the recording event; nil for the incident's own `timeline.jsonl`.
    public var writer: String?

    /// Creates a stamp.
    public init(seq: Int, actor: String, at: Date, writer: String? = nil) {
        self.seq = seq
        self.actor = actor
        self.at = at
        self.writer = writer
    }

    /// The stamp of `event`.
    public init(_ event: Event) {
        self.init(seq: event.seq, actor: event.actor, at: event.occurredAt, writer: event.writer)
    }

    /// How other events name the recording event.
    public var ref: EventRef { EventRef(seq: seq, writer: writer) }

    /// Whether this stamp's event comes before `other`'s in seq order, the writer settling two of the same seq
    /// (seqs count within one writer's file): records gathered from a dictionary sort the same on every fold.
    public func isBefore(_ other: Stamp) -> Bool {
        (seq, writer ?? "") < (other.seq, other.writer ?? "")
    }
}

/// A value that an event set (a status, a severity), with who set it and when.
public struct Change<Value: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    /// The value from this change on.
    public var value: Value
    /// Who changed it and when.
    public var stamp: Stamp

    /// Creates a change.
    public init(value: Value, stamp: Stamp) {
        self.value = value
        self.stamp = stamp
    }
}

/// What became of a runbook step: done, or skipped with the reason given.
public enum StepOutcome: Hashable, Codable, Sendable {
    case done
    case skipped(reason: String)
}

/// The latest record of one step: its outcome and who decided it when.
public struct StepRecord: Hashable, Codable, Sendable {
    /// The step as the journal named it.
    public var step: StepRef
    /// Done or skipped.
    public var outcome: StepOutcome
    /// Who did or skipped it and when.
    public var stamp: Stamp

    /// Creates a step record.
    public init(step: StepRef, outcome: StepOutcome, stamp: Stamp) {
        self.step = step
        self.outcome = outcome
        self.stamp = stamp
    }
}

/// A ticked verification item with who ticked it and when.
public struct ChecklistRecord: Hashable, Codable, Sendable {
    /// The item as the journal named it.
    public var item: ChecklistRef
    /// Who ticked it and when.
    public var stamp: Stamp

    /// Creates a checklist record.
    public init(item: ChecklistRef, stamp: Stamp) {
        self.item = item
        self.stamp = stamp
    }
}

/// How far the incident got through one runbook.
public struct RunbookProgress: Hashable, Codable, Sendable {
    /// The latest outcome of each step that was done or skipped, by step key.
    public var steps: [String: StepRecord]
    /// Ticked verification items, by 1-based item number; unticking removes the item.
    public var checked: [Int: ChecklistRecord]
    /// The key of the step done or skipped last in journal order: where a responder coming back left off. Kept by
    /// the fold because seqs count apart in each machine's file and times can be back-dated, so neither tells it.
    public var lastActedStep: String?

    /// Creates progress.
    public init(
        steps: [String: StepRecord] = [:], checked: [Int: ChecklistRecord] = [:], lastActedStep: String? = nil
    ) {
        self.steps = steps
        self.checked = checked
        self.lastActedStep = lastActedStep
    }

    /// Step keys that are currently done.
    public var doneKeys: Set<String> {
        Set(steps.filter { $0.value.outcome == .done }.keys)
    }

    /// Step keys that are currently skipped.
    public var skippedKeys: Set<String> {
        Set(steps.filter { $0.value.outcome != .done }.keys)
    }
}

/// A note from the timeline.
public struct NoteRecord: Hashable, Codable, Sendable {
    /// The note's text.
    public var text: String
    /// Whether the commander wrote it as an annotation in the review.
    public var commander: Bool
    /// Who wrote it and when. Whether it is pinned now is `IncidentState.isPinned`, after every pin change.
    public var stamp: Stamp

    /// Creates a note record.
    public init(text: String, commander: Bool, stamp: Stamp) {
        self.text = text
        self.commander = commander
        self.stamp = stamp
    }
}

/// Someone who was contacted for help.
public struct EscalationRecord: Hashable, Codable, Sendable {
    /// Who was contacted.
    public var to: String
    /// Who escalated and when.
    public var stamp: Stamp

    /// Creates an escalation record.
    public init(to: String, stamp: Stamp) {
        self.to = to
        self.stamp = stamp
    }
}

/// A command copied to the clipboard.
public struct CopiedCommandRecord: Hashable, Codable, Sendable {
    /// The command text.
    public var command: String
    /// The step it came from, if any.
    public var step: StepRef?
    /// Who copied it and when.
    public var stamp: Stamp

    /// Creates a copied-command record.
    public init(command: String, step: StepRef?, stamp: Stamp) {
        self.command = command
        self.step = step
        self.stamp = stamp
    }
}

/// A command that was run, with its result.
public struct CommandRunRecord: Hashable, Codable, Sendable {
    /// The run and what came of it.
    public var run: CommandRun
    /// Who ran it and when.
    public var stamp: Stamp

    /// Creates a command-run record.
    public init(run: CommandRun, stamp: Stamp) {
        self.run = run
        self.stamp = stamp
    }
}

/// Feedback on a runbook: a step that was wrong or something missing.
public struct FeedbackRecord: Hashable, Codable, Sendable {
    /// The runbook's id.
    public var runbook: String
    /// The step key it is about, if any.
    public var step: String?
    /// What was wrong or missing.
    public var text: String
    /// Who gave it and when.
    public var stamp: Stamp

    /// Creates a feedback record.
    public init(runbook: String, step: String?, text: String, stamp: Stamp) {
        self.runbook = runbook
        self.step = step
        self.text = text
        self.stamp = stamp
    }
}

/// An export that was written.
public struct ExportRecord: Hashable, Codable, Sendable {
    /// Where it was written.
    public var path: String
    /// `markdown` or `json`.
    public var format: String
    /// Who wrote it and when.
    public var stamp: Stamp

    /// Creates an export record.
    public init(path: String, format: String, stamp: Stamp) {
        self.path = path
        self.format = format
        self.stamp = stamp
    }
}

/// The moments the metrics measure between, all taken from events' `occurredAt`.
public struct Milestones: Hashable, Codable, Sendable {
    /// When impact started, from the latest `impact-started` milestone event.
    public var impactStarted: Date?
    /// When the problem was detected according to a `detected` milestone event (the latest one), if any.
    public var detectedRecorded: Date?
    /// When the incident was opened.
    public var acknowledged: Date?
    /// When the status first reached mitigated (or resolved, which implies it).
    public var mitigated: Date?
    /// When the status first reached resolved since the incident was last reopened.
    public var resolved: Date?

    /// Creates milestones.
    public init(
        impactStarted: Date? = nil, detectedRecorded: Date? = nil, acknowledged: Date? = nil,
        mitigated: Date? = nil, resolved: Date? = nil
    ) {
        self.impactStarted = impactStarted
        self.detectedRecorded = detectedRecorded
        self.acknowledged = acknowledged
        self.mitigated = mitigated
        self.resolved = resolved
    }

    /// When the problem was detected: the `detected` milestone, else the moment the incident was opened.
    public var detected: Date? {
        detectedRecorded ?? acknowledged
    }

    /// The incident's start for elapsed times: impact start, else detection, else opening.
    public var start: Date? {
        impactStarted ?? detected
    }
}
