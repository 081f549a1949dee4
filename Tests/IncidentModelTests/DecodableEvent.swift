import Foundation
import IncidentModel
import RunbookKit

/// An event read by `JSONDecoder` through a `Decodable` conformance written apart from the journal's own reader:
/// the conformance the journal read lines with before `EventLineDecoder` replaced it, kept here to hold the reader
/// to what it replaced.
struct DecodableEvent: Decodable {
    /// The event the line holds.
    let event: Event

    private enum Key: String, CodingKey {
        case v, seq, id, recordedAt, occurredAt, actor, kind
        case title, severity, runbook, drill, roles
        case step, reason, item, text, pinned, commander, status, role, person, to
        case command, placeholders, exitCode, durationSeconds, outputExcerpt, outputFile, stoppedBecause
        case milestone, eventSeq, path, format
        case outputBytes, outputDroppedBytes
        case alertname, labels, annotations, fingerprint, startsAt, generatorURL, groupKey, source, endedAt
        case eventWriter
    }

    private typealias Container = KeyedDecodingContainer<Key>

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let version = try container.decode(Int.self, forKey: .v)
        guard version <= Event.schemaVersion else { throw EventDecodingError.newerSchema(version) }
        let kindName = try container.decode(String.self, forKey: .kind)
        event = Event(
            seq: try container.decode(Int.self, forKey: .seq), id: try container.decode(UUID.self, forKey: .id),
            recordedAt: try Self.date(container, .recordedAt), occurredAt: try Self.date(container, .occurredAt),
            actor: try container.decode(String.self, forKey: .actor), kind: try Self.kind(kindName, container)
        )
    }

    /// A time field that may be missing or null, as the other optional fields are read.
    private static func optionalDate(_ container: Container, _ key: Key) throws -> Date? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = JournalTime.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 time"
            )
        }
        return date
    }

    private static func date(_ container: Container, _ key: Key) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = JournalTime.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 time"
            )
        }
        return date
    }

    private static func step(_ container: Container) throws -> StepRef {
        StepRef(
            runbook: try container.decode(String.self, forKey: .runbook),
            step: try container.decode(String.self, forKey: .step),
            title: try container.decode(String.self, forKey: .title)
        )
    }

    private static func optionalStep(_ container: Container) throws -> StepRef? {
        container.contains(.step) ? try step(container) : nil
    }

    private static func item(_ container: Container) throws -> ChecklistRef {
        ChecklistRef(
            runbook: try container.decode(String.self, forKey: .runbook),
            item: try container.decode(Int.self, forKey: .item), text: try container.decode(String.self, forKey: .text)
        )
    }

    private static func roles(_ container: Container) throws -> [Role: String] {
        var roles: [Role: String] = [:]
        for (key, person) in try container.decodeIfPresent([String: String].self, forKey: .roles) ?? [:] {
            guard let role = Role(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .roles, in: container, debugDescription: "unknown role \"\(key)\""
                )
            }
            roles[role] = person
        }
        return roles
    }

    private static func kind(_ name: String, _ container: Container) throws -> EventKind {
        guard let kind = EventKind.Name(rawValue: name) else { throw EventDecodingError.unknownKind(name) }
        switch kind {
        case .incidentOpened:
            let roles = try roles(container)
            return .incidentOpened(
                title: try container.decode(String.self, forKey: .title),
                severity: try container.decode(Severity.self, forKey: .severity),
                runbook: try container.decode(String.self, forKey: .runbook),
                drill: try container.decodeIfPresent(Bool.self, forKey: .drill) ?? false, roles: roles
            )
        case .alertAttached:
            return .alertAttached(
                AlertRecord(
                    name: try container.decode(String.self, forKey: .alertname),
                    labels: try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:],
                    annotations: try container.decodeIfPresent([String: String].self, forKey: .annotations) ?? [:],
                    fingerprint: try container.decodeIfPresent(String.self, forKey: .fingerprint),
                    startsAt: try optionalDate(container, .startsAt),
                    generatorURL: try container.decodeIfPresent(String.self, forKey: .generatorURL),
                    groupKey: try container.decodeIfPresent(String.self, forKey: .groupKey),
                    source: try container.decode(String.self, forKey: .source)))
        case .alertResolved:
            return .alertResolved(
                name: try container.decode(String.self, forKey: .alertname),
                fingerprint: try container.decodeIfPresent(String.self, forKey: .fingerprint),
                endedAt: try optionalDate(container, .endedAt))
        case .runbookSwitched:
            return .runbookSwitched(runbook: try container.decode(String.self, forKey: .runbook))
        case .stepDone:
            return .stepDone(try step(container))
        case .stepSkipped:
            return .stepSkipped(try step(container), reason: try container.decode(String.self, forKey: .reason))
        case .checklistChecked:
            return .checklistChecked(try item(container))
        case .checklistUnchecked:
            return .checklistUnchecked(try item(container))
        case .note:
            return .note(
                text: try container.decode(String.self, forKey: .text),
                pinned: try container.decodeIfPresent(Bool.self, forKey: .pinned) ?? false,
                commander: try container.decodeIfPresent(Bool.self, forKey: .commander) ?? false
            )
        case .statusChanged:
            return .statusChanged(try container.decode(IncidentStatus.self, forKey: .status))
        case .severityChanged:
            return .severityChanged(try container.decode(Severity.self, forKey: .severity))
        case .roleAssigned:
            return .roleAssigned(
                try container.decode(Role.self, forKey: .role),
                person: try container.decode(String.self, forKey: .person)
            )
        case .escalated:
            return .escalated(to: try container.decode(String.self, forKey: .to))
        case .commandCopied:
            return .commandCopied(
                command: try container.decode(String.self, forKey: .command), step: try optionalStep(container)
            )
        case .commandRan:
            return .commandRan(
                CommandRun(
                    command: try container.decode(String.self, forKey: .command), step: try optionalStep(container),
                    placeholders: try container.decodeIfPresent([String: String].self, forKey: .placeholders) ?? [:],
                    exitCode: try container.decodeIfPresent(Int32.self, forKey: .exitCode),
                    durationSeconds: try container.decode(Double.self, forKey: .durationSeconds),
                    outputExcerpt: try container.decodeIfPresent(String.self, forKey: .outputExcerpt) ?? "",
                    outputFile: try container.decodeIfPresent(String.self, forKey: .outputFile),
                    stoppedBecause: try container.decodeIfPresent(String.self, forKey: .stoppedBecause),
                    outputBytes: try container.decodeIfPresent(Int.self, forKey: .outputBytes),
                    outputDroppedBytes: try container.decodeIfPresent(Int.self, forKey: .outputDroppedBytes)
                )
            )
        case .runbookFeedback:
            return .runbookFeedback(
                runbook: try container.decode(String.self, forKey: .runbook),
                step: try container.decodeIfPresent(String.self, forKey: .step),
                text: try container.decode(String.self, forKey: .text)
            )
        case .milestone:
            return .milestone(try container.decode(Milestone.self, forKey: .milestone))
        case .pinChanged:
            return .pinChanged(
                seq: try container.decode(Int.self, forKey: .eventSeq),
                writer: try container.decodeIfPresent(String.self, forKey: .eventWriter),
                pinned: try container.decode(Bool.self, forKey: .pinned)
            )
        case .noteAcknowledged:
            return .noteAcknowledged(
                seq: try container.decode(Int.self, forKey: .eventSeq),
                writer: try container.decodeIfPresent(String.self, forKey: .eventWriter))
        case .exportWritten:
            return .exportWritten(
                path: try container.decode(String.self, forKey: .path),
                format: try container.decode(String.self, forKey: .format)
            )
        case .incidentClosed:
            return .incidentClosed
        case .reopened:
            return .reopened
        }
    }
}
