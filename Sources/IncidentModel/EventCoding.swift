import Foundation
import RunbookKit

/// Why a journal line could not be turned into an event, beyond malformed JSON.
public enum EventDecodingError: Error, CustomStringConvertible, Equatable {
    /// The line was written by a newer schema than this code reads.
    case newerSchema(Int)
    /// The line names a kind this schema version does not have.
    case unknownKind(String)

    /// What is wrong, in one line.
    public var description: String {
        switch self {
        case .newerSchema(let version):
            "written by a newer respond (schema \(version)); upgrade respond to read it"
        case .unknownKind(let kind):
            "unknown event kind \"\(kind)\" for schema \(Event.schemaVersion)"
        }
    }
}

extension EventKind {
    /// The kind's name as the journal stores it, e.g. `step-done`.
    public var name: String {
        switch self {
        case .incidentOpened: "incident-opened"
        case .runbookSwitched: "runbook-switched"
        case .stepDone: "step-done"
        case .stepSkipped: "step-skipped"
        case .checklistChecked: "checklist-checked"
        case .checklistUnchecked: "checklist-unchecked"
        case .note: "note"
        case .statusChanged: "status-changed"
        case .severityChanged: "severity-changed"
        case .roleAssigned: "role-assigned"
        case .escalated: "escalated"
        case .commandCopied: "command-copied"
        case .commandRan: "command-ran"
        case .runbookFeedback: "runbook-feedback"
        case .milestone: "milestone"
        case .pinChanged: "pin-changed"
        case .exportWritten: "export-written"
        case .incidentClosed: "incident-closed"
        case .reopened: "reopened"
        }
    }

    /// Every kind name of the current schema, in declaration order.
    public static let allNames = [
        "incident-opened", "runbook-switched", "step-done", "step-skipped", "checklist-checked",
        "checklist-unchecked", "note", "status-changed", "severity-changed", "role-assigned", "escalated",
        "command-copied", "command-ran", "runbook-feedback", "milestone", "pin-changed", "export-written",
        "incident-closed", "reopened",
    ]
}

/// The keys of a journal line: the envelope, then every kind's fields, flat beside it.
enum EventKey: String, CodingKey, CaseIterable {
    case v, seq, id, recordedAt, occurredAt, actor, kind
    case title, severity, runbook, drill, roles
    case step, reason, item, text, pinned, commander, status, role, person, to
    case command, placeholders, exitCode, durationSeconds, outputExcerpt, outputFile, stoppedBecause
    case milestone, eventSeq, path, format
    case outputBytes, outputDroppedBytes
}

/// One flat JSON object per event: `v`, `seq`, `id`, `recordedAt`, `occurredAt`, `actor`, `kind`, and the
/// kind's own fields beside them. Dates are `JournalTime` strings. Lines are read back by `EventLineDecoder`.
extension Event: Encodable {
    /// Encodes the event as one flat object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EventKey.self)
        try container.encode(Event.schemaVersion, forKey: .v)
        try container.encode(seq, forKey: .seq)
        try container.encode(id, forKey: .id)
        try container.encode(JournalTime.string(from: recordedAt), forKey: .recordedAt)
        try container.encode(JournalTime.string(from: occurredAt), forKey: .occurredAt)
        try container.encode(actor, forKey: .actor)
        try container.encode(kind.name, forKey: .kind)
        try Self.encodeFields(of: kind, into: &container)
    }

    private static func encodeStep(_ step: StepRef, into container: inout KeyedEncodingContainer<EventKey>) throws {
        try container.encode(step.runbook, forKey: .runbook)
        try container.encode(step.step, forKey: .step)
        try container.encode(step.title, forKey: .title)
    }

    private static func encodeChecklist(
        _ item: ChecklistRef, into container: inout KeyedEncodingContainer<EventKey>
    ) throws {
        try container.encode(item.runbook, forKey: .runbook)
        try container.encode(item.item, forKey: .item)
        try container.encode(item.text, forKey: .text)
    }

    private static func encodeFields(of kind: EventKind, into container: inout KeyedEncodingContainer<EventKey>) throws {
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, let roles):
            try container.encode(title, forKey: .title)
            try container.encode(severity, forKey: .severity)
            try container.encode(runbook, forKey: .runbook)
            try container.encode(drill, forKey: .drill)
            try container.encode(
                Dictionary(uniqueKeysWithValues: roles.map { ($0.key.rawValue, $0.value) }), forKey: .roles
            )
        case .runbookSwitched(let runbook):
            try container.encode(runbook, forKey: .runbook)
        case .stepDone(let step):
            try encodeStep(step, into: &container)
        case .stepSkipped(let step, let reason):
            try encodeStep(step, into: &container)
            try container.encode(reason, forKey: .reason)
        case .checklistChecked(let item), .checklistUnchecked(let item):
            try encodeChecklist(item, into: &container)
        case .note(let text, let pinned, let commander):
            try container.encode(text, forKey: .text)
            try container.encode(pinned, forKey: .pinned)
            try container.encode(commander, forKey: .commander)
        case .statusChanged(let status):
            try container.encode(status, forKey: .status)
        case .severityChanged(let severity):
            try container.encode(severity, forKey: .severity)
        case .roleAssigned(let role, let person):
            try container.encode(role, forKey: .role)
            try container.encode(person, forKey: .person)
        case .escalated(let to):
            try container.encode(to, forKey: .to)
        case .commandCopied(let command, let step):
            try container.encode(command, forKey: .command)
            if let step { try encodeStep(step, into: &container) }
        case .commandRan(let run):
            try container.encode(run.command, forKey: .command)
            if let step = run.step { try encodeStep(step, into: &container) }
            try container.encode(run.placeholders, forKey: .placeholders)
            try container.encodeIfPresent(run.exitCode, forKey: .exitCode)
            try container.encode(run.durationSeconds, forKey: .durationSeconds)
            try container.encode(run.outputExcerpt, forKey: .outputExcerpt)
            try container.encodeIfPresent(run.outputFile, forKey: .outputFile)
            try container.encodeIfPresent(run.stoppedBecause, forKey: .stoppedBecause)
            try container.encodeIfPresent(run.outputBytes, forKey: .outputBytes)
            try container.encodeIfPresent(run.outputDroppedBytes, forKey: .outputDroppedBytes)
        case .runbookFeedback(let runbook, let step, let text):
            try container.encode(runbook, forKey: .runbook)
            try container.encodeIfPresent(step, forKey: .step)
            try container.encode(text, forKey: .text)
        case .milestone(let milestone):
            try container.encode(milestone, forKey: .milestone)
        case .pinChanged(let seq, let pinned):
            try container.encode(seq, forKey: .eventSeq)
            try container.encode(pinned, forKey: .pinned)
        case .exportWritten(let path, let format):
            try container.encode(path, forKey: .path)
            try container.encode(format, forKey: .format)
        case .incidentClosed, .reopened:
            break
        }
    }
}

/// Turns events into journal lines and back.
public enum EventCodec {
    /// The event as one line of JSON with sorted keys, without the trailing newline.
    public static func line(for event: Event) throws -> Data {
        var bytes: [UInt8] = []
        try EventLineWriter.append(event, to: &bytes)
        return Data(bytes)
    }

    /// Appends the event's line, without the trailing newline, to `bytes`.
    public static func appendLine(for event: Event, to bytes: inout [UInt8]) throws {
        try EventLineWriter.append(event, to: &bytes)
    }

    /// Appends the event's object laid out as `JSONEncoder` with `.prettyPrinted` lays out a value nested `depth`
    /// levels deep (its first line not indented), for documents that embed events.
    public static func appendPretty(for event: Event, depth: Int, to bytes: inout [UInt8]) throws {
        try EventLineWriter.append(event, layout: .pretty(depth: depth), to: &bytes)
    }

    /// The event a journal line holds.
    public static func event(from line: Data) throws -> Event {
        var decoder = EventLineDecoder()
        return try line.withUnsafeBytes { try decoder.event(from: $0.bindMemory(to: UInt8.self)) }
    }
}
