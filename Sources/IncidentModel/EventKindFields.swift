import Foundation
import RunbookKit

extension EventFields {
    /// The kind named `name` with its fields, read in the order its case below lists them (a step's as `runbook`,
    /// `step`, `title`; a checklist item's as `runbook`, `item`, `text`), so that a line with several faults always
    /// reports the first of them in that order.
    func kind(named name: String) throws -> EventKind {
        guard let kind = EventKind.Name(rawValue: name) else { throw EventDecodingError.unknownKind(name) }
        switch kind {
        case .incidentOpened:
            var roles: [Role: String] = [:]
            for (key, person) in try stringsIfPresent(.roles) ?? [] {
                guard let role = Role(rawValue: key) else {
                    throw Self.invalid(.roles, .unknownRole(key))
                }
                roles[role] = person
            }
            return .incidentOpened(
                title: try string(.title), severity: try named(.severity), runbook: try string(.runbook),
                drill: try boolIfPresent(.drill) ?? false, roles: roles
            )
        case .alertAttached:
            return .alertAttached(
                AlertRecord(
                    name: try string(.alertname), labels: try stringMap(.labels),
                    annotations: try stringMap(.annotations),
                    fingerprint: try stringIfPresent(.fingerprint), startsAt: try timeIfPresent(.startsAt),
                    generatorURL: try stringIfPresent(.generatorURL), groupKey: try stringIfPresent(.groupKey),
                    source: try string(.source)))
        case .alertResolved:
            return .alertResolved(
                name: try string(.alertname), fingerprint: try stringIfPresent(.fingerprint),
                endedAt: try timeIfPresent(.endedAt))
        case .runbookSwitched:
            return .runbookSwitched(runbook: try string(.runbook))
        case .stepDone:
            return .stepDone(try step())
        case .stepSkipped:
            return .stepSkipped(try step(), reason: try string(.reason))
        case .checklistChecked:
            return .checklistChecked(try checklistItem())
        case .checklistUnchecked:
            return .checklistUnchecked(try checklistItem())
        case .note:
            return .note(
                text: try string(.text), pinned: try boolIfPresent(.pinned) ?? false,
                commander: try boolIfPresent(.commander) ?? false
            )
        case .statusChanged:
            return .statusChanged(try named(.status))
        case .severityChanged:
            return .severityChanged(try named(.severity))
        case .roleAssigned:
            return .roleAssigned(try named(.role), person: try string(.person))
        case .escalated:
            return .escalated(to: try string(.to))
        case .commandCopied:
            return .commandCopied(command: try string(.command), step: try optionalStep())
        case .commandRan:
            return .commandRan(
                CommandRun(
                    command: try string(.command), step: try optionalStep(),
                    placeholders: try placeholders(), exitCode: try integerIfPresent(.exitCode, as: Int32.self),
                    durationSeconds: try double(.durationSeconds),
                    outputExcerpt: try stringIfPresent(.outputExcerpt) ?? "",
                    outputFile: try stringIfPresent(.outputFile),
                    stoppedBecause: try stringIfPresent(.stoppedBecause),
                    outputBytes: try integerIfPresent(.outputBytes),
                    outputDroppedBytes: try integerIfPresent(.outputDroppedBytes)
                )
            )
        case .runbookFeedback:
            return .runbookFeedback(
                runbook: try string(.runbook), step: try stringIfPresent(.step), text: try string(.text)
            )
        case .milestone:
            return .milestone(try named(.milestone))
        case .pinChanged:
            return .pinChanged(
                seq: try integer(.eventSeq), writer: try stringIfPresent(.eventWriter), pinned: try bool(.pinned))
        case .noteAcknowledged:
            return .noteAcknowledged(seq: try integer(.eventSeq), writer: try stringIfPresent(.eventWriter))
        case .exportWritten:
            return .exportWritten(path: try string(.path), format: try string(.format))
        case .incidentClosed:
            return .incidentClosed
        case .reopened:
            return .reopened
        }
    }

    private func step() throws -> StepRef {
        StepRef(runbook: try string(.runbook), step: try string(.step), title: try string(.title))
    }

    /// A step when the line has a `step` key, whatever its value (a `null` step is read, and refused).
    private func optionalStep() throws -> StepRef? {
        contains(.step) ? try step() : nil
    }

    private func checklistItem() throws -> ChecklistRef {
        ChecklistRef(runbook: try string(.runbook), item: try integer(.item), text: try string(.text))
    }

    private func placeholders() throws -> [String: String] {
        try stringMap(.placeholders)
    }

    private func stringMap(_ key: EventKey) throws -> [String: String] {
        guard let members = try stringsIfPresent(key) else { return [:] }
        return Dictionary(members, uniquingKeysWith: { first, _ in first })
    }

    /// A time field in the journal's own format, when the line has it.
    private func timeIfPresent(_ key: EventKey) throws -> Date? {
        guard let text = try stringIfPresent(key) else { return nil }
        guard let date = JournalTime.date(from: text) else {
            throw Self.invalid(key, .notATime(text))
        }
        return date
    }
}
