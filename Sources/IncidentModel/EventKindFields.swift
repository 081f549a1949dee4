import FoundationEssentials
import RunbookKit

extension EventFields {
    /// The kind `kind` with its fields, read in the order its case below lists them (a step's as `runbook`,
    /// `step`, `title`; a checklist item's as `runbook`, `item`, `text`), so that a line with several faults always
    /// reports the first of them in that order.
    func kind(_ kind: EventKind.Name) throws -> EventKind {
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
                title: try text(.title), severity: try named(.severity), runbook: try text(.runbook),
                drill: try boolIfPresent(.drill) ?? false, roles: roles
            )
        case .alertAttached:
            return .alertAttached(
                AlertRecord(
                    name: try text(.alertname), labels: try stringMap(.labels),
                    annotations: try stringMap(.annotations),
                    fingerprint: try textIfPresent(.fingerprint), startsAt: try timeIfPresent(.startsAt),
                    generatorURL: try textIfPresent(.generatorURL), groupKey: try textIfPresent(.groupKey),
                    source: try text(.source)))
        case .alertResolved:
            return .alertResolved(
                name: try text(.alertname), fingerprint: try textIfPresent(.fingerprint),
                endedAt: try timeIfPresent(.endedAt))
        case .runbookSwitched:
            return .runbookSwitched(runbook: try text(.runbook))
        case .stepDone:
            return .stepDone(try step())
        case .stepSkipped:
            return .stepSkipped(try step(), reason: try text(.reason))
        case .checklistChecked:
            return .checklistChecked(try checklistItem())
        case .checklistUnchecked:
            return .checklistUnchecked(try checklistItem())
        case .note:
            return .note(
                text: try text(.text), pinned: try boolIfPresent(.pinned) ?? false,
                commander: try boolIfPresent(.commander) ?? false
            )
        case .statusChanged:
            return .statusChanged(try named(.status))
        case .severityChanged:
            return .severityChanged(try named(.severity))
        case .roleAssigned:
            return .roleAssigned(try named(.role), person: try text(.person))
        case .escalated:
            return .escalated(to: try text(.to))
        case .commandCopied:
            return .commandCopied(command: try text(.command), step: try optionalStep())
        case .commandRan:
            return .commandRan(
                CommandRun(
                    command: try text(.command), step: try optionalStep(),
                    placeholders: try placeholders(), exitCode: try integerIfPresent(.exitCode, as: Int32.self),
                    durationSeconds: try double(.durationSeconds),
                    outputExcerpt: try outputIfPresent(.outputExcerpt) ?? "",
                    outputFile: try outputIfPresent(.outputFile),
                    stoppedBecause: try outputIfPresent(.stoppedBecause),
                    outputBytes: try integerIfPresent(.outputBytes),
                    outputDroppedBytes: try integerIfPresent(.outputDroppedBytes)
                )
            )
        case .runbookFeedback:
            return .runbookFeedback(
                runbook: try text(.runbook), step: try textIfPresent(.step), text: try text(.text)
            )
        case .milestone:
            return .milestone(try named(.milestone))
        case .pinChanged:
            return .pinChanged(
                seq: try integer(.eventSeq), writer: try textIfPresent(.eventWriter), pinned: try bool(.pinned))
        case .noteAcknowledged:
            return .noteAcknowledged(seq: try integer(.eventSeq), writer: try textIfPresent(.eventWriter))
        case .exportWritten:
            return .exportWritten(path: try text(.path), format: try text(.format))
        case .incidentClosed:
            return .incidentClosed
        case .reopened:
            return .reopened
        }
    }

    private func step() throws -> StepRef {
        StepRef(runbook: try text(.runbook), step: try text(.step), title: try text(.title))
    }

    /// A step when the line has a `step` key, whatever its value (a `null` step is read, and refused).
    private func optionalStep() throws -> StepRef? {
        contains(.step) ? try step() : nil
    }

    private func checklistItem() throws -> ChecklistRef {
        ChecklistRef(runbook: try text(.runbook), item: try integer(.item), text: try text(.text))
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
