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
private enum EventKey: String, CodingKey {
    case v, seq, id, recordedAt, occurredAt, actor, kind
    case title, severity, runbook, drill, roles
    case step, reason, item, text, pinned, commander, status, role, person, to
    case command, placeholders, exitCode, durationSeconds, outputExcerpt, outputFile, stoppedBecause
    case milestone, eventSeq, path, format
}

/// One flat JSON object per event: `v`, `seq`, `id`, `recordedAt`, `occurredAt`, `actor`, `kind`, and the
/// kind's own fields beside them. Dates are `JournalTime` strings.
extension Event: Codable {
    /// Decodes an event, refusing a newer schema before reading anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: EventKey.self)
        let version = try container.decode(Int.self, forKey: .v)
        guard version <= Event.schemaVersion else { throw EventDecodingError.newerSchema(version) }
        let kindName = try container.decode(String.self, forKey: .kind)
        self.init(
            seq: try container.decode(Int.self, forKey: .seq),
            id: try container.decode(UUID.self, forKey: .id),
            recordedAt: try Self.decodeDate(container, .recordedAt),
            occurredAt: try Self.decodeDate(container, .occurredAt),
            actor: try container.decode(String.self, forKey: .actor),
            kind: try Self.decodeKind(kindName, container)
        )
    }

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

    private static func decodeDate(_ container: KeyedDecodingContainer<EventKey>, _ key: EventKey) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = JournalTime.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 time"
            )
        }
        return date
    }

    private static func decodeStep(_ container: KeyedDecodingContainer<EventKey>) throws -> StepRef {
        StepRef(
            runbook: try container.decode(String.self, forKey: .runbook),
            step: try container.decode(String.self, forKey: .step),
            title: try container.decode(String.self, forKey: .title)
        )
    }

    private static func decodeOptionalStep(_ container: KeyedDecodingContainer<EventKey>) throws -> StepRef? {
        container.contains(.step) ? try decodeStep(container) : nil
    }

    private static func decodeChecklist(_ container: KeyedDecodingContainer<EventKey>) throws -> ChecklistRef {
        ChecklistRef(
            runbook: try container.decode(String.self, forKey: .runbook),
            item: try container.decode(Int.self, forKey: .item),
            text: try container.decode(String.self, forKey: .text)
        )
    }

    private static func decodeKind(_ name: String, _ container: KeyedDecodingContainer<EventKey>) throws -> EventKind {
        switch name {
        case "incident-opened":
            let roleNames = try container.decodeIfPresent([String: String].self, forKey: .roles) ?? [:]
            var roles: [Role: String] = [:]
            for (key, person) in roleNames {
                guard let role = Role(rawValue: key) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .roles, in: container, debugDescription: "unknown role \"\(key)\""
                    )
                }
                roles[role] = person
            }
            return .incidentOpened(
                title: try container.decode(String.self, forKey: .title),
                severity: try container.decode(Severity.self, forKey: .severity),
                runbook: try container.decode(String.self, forKey: .runbook),
                drill: try container.decodeIfPresent(Bool.self, forKey: .drill) ?? false,
                roles: roles
            )
        case "runbook-switched":
            return .runbookSwitched(runbook: try container.decode(String.self, forKey: .runbook))
        case "step-done":
            return .stepDone(try decodeStep(container))
        case "step-skipped":
            return .stepSkipped(try decodeStep(container), reason: try container.decode(String.self, forKey: .reason))
        case "checklist-checked":
            return .checklistChecked(try decodeChecklist(container))
        case "checklist-unchecked":
            return .checklistUnchecked(try decodeChecklist(container))
        case "note":
            return .note(
                text: try container.decode(String.self, forKey: .text),
                pinned: try container.decodeIfPresent(Bool.self, forKey: .pinned) ?? false,
                commander: try container.decodeIfPresent(Bool.self, forKey: .commander) ?? false
            )
        case "status-changed":
            return .statusChanged(try container.decode(IncidentStatus.self, forKey: .status))
        case "severity-changed":
            return .severityChanged(try container.decode(Severity.self, forKey: .severity))
        case "role-assigned":
            return .roleAssigned(
                try container.decode(Role.self, forKey: .role), person: try container.decode(String.self, forKey: .person)
            )
        case "escalated":
            return .escalated(to: try container.decode(String.self, forKey: .to))
        case "command-copied":
            return .commandCopied(
                command: try container.decode(String.self, forKey: .command), step: try decodeOptionalStep(container)
            )
        case "command-ran":
            return .commandRan(
                CommandRun(
                    command: try container.decode(String.self, forKey: .command),
                    step: try decodeOptionalStep(container),
                    placeholders: try container.decodeIfPresent([String: String].self, forKey: .placeholders) ?? [:],
                    exitCode: try container.decodeIfPresent(Int32.self, forKey: .exitCode),
                    durationSeconds: try container.decode(Double.self, forKey: .durationSeconds),
                    outputExcerpt: try container.decodeIfPresent(String.self, forKey: .outputExcerpt) ?? "",
                    outputFile: try container.decodeIfPresent(String.self, forKey: .outputFile),
                    stoppedBecause: try container.decodeIfPresent(String.self, forKey: .stoppedBecause)
                )
            )
        case "runbook-feedback":
            return .runbookFeedback(
                runbook: try container.decode(String.self, forKey: .runbook),
                step: try container.decodeIfPresent(String.self, forKey: .step),
                text: try container.decode(String.self, forKey: .text)
            )
        case "milestone":
            return .milestone(try container.decode(Milestone.self, forKey: .milestone))
        case "pin-changed":
            return .pinChanged(
                seq: try container.decode(Int.self, forKey: .eventSeq),
                pinned: try container.decode(Bool.self, forKey: .pinned)
            )
        case "export-written":
            return .exportWritten(
                path: try container.decode(String.self, forKey: .path),
                format: try container.decode(String.self, forKey: .format)
            )
        case "incident-closed":
            return .incidentClosed
        case "reopened":
            return .reopened
        default:
            throw EventDecodingError.unknownKind(name)
        }
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
        try LineEncoder().line(for: event)
    }

    /// The event a journal line holds.
    public static func event(from line: Data) throws -> Event {
        try JSONDecoder().decode(Event.self, from: line)
    }

    /// Encodes many events as journal lines with one encoder, which is much cheaper than `line(for:)` per event.
    public struct LineEncoder {
        private let encoder = JSONEncoder()

        /// An encoder whose lines are exactly `EventCodec.line(for:)`'s.
        public init() {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        /// The event as one line of JSON with sorted keys, without the trailing newline.
        public func line(for event: Event) throws -> Data {
            try encoder.encode(event)
        }
    }
}
