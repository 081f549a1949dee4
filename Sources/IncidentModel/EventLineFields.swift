import FoundationEssentials
import RunbookKit

/// A field's value on a journal line, as `JSONEncoder` encodes it.
enum EventFieldValue {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case number(Double)
    case strings([String: String])
}

extension Event {
    /// Hands `field` every key of the event's journal line with its value, the envelope's and then the kind's: the
    /// one listing of the fields each kind writes, which the line writer and the `Encodable` conformance share.
    func forEachField<Failure: Error>(_ field: (EventKey, EventFieldValue) throws(Failure) -> Void) throws(Failure) {
        try field(.v, .integer(Event.schemaVersion))
        try field(.seq, .integer(seq))
        try field(.id, .string(EventLineWriter.uuidString(id)))
        try field(.recordedAt, .string(JournalTime.string(from: recordedAt)))
        try field(.occurredAt, .string(JournalTime.string(from: occurredAt)))
        try field(.actor, .string(actor))
        try field(.kind, .string(kind.name))
        try Self.forEachField(of: kind, field)
    }

    private static func forEachField<Failure: Error>(
        of kind: EventKind, _ field: (EventKey, EventFieldValue) throws(Failure) -> Void
    ) throws(Failure) {
        func step(_ step: StepRef) throws(Failure) {
            try field(.runbook, .string(step.runbook))
            try field(.step, .string(step.step))
            try field(.title, .string(step.title))
        }
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, let roles):
            try field(.title, .string(title))
            try field(.severity, .string(severity.rawValue))
            try field(.runbook, .string(runbook))
            try field(.drill, .bool(drill))
            try field(.roles, .strings(Dictionary(uniqueKeysWithValues: roles.map { ($0.key.rawValue, $0.value) })))
        case .alertAttached(let alert):
            try field(.alertname, .string(alert.name))
            try field(.labels, .strings(alert.labels))
            try field(.annotations, .strings(alert.annotations))
            if let fingerprint = alert.fingerprint { try field(.fingerprint, .string(fingerprint)) }
            if let startsAt = alert.startsAt { try field(.startsAt, .string(JournalTime.string(from: startsAt))) }
            if let url = alert.generatorURL { try field(.generatorURL, .string(url)) }
            if let groupKey = alert.groupKey { try field(.groupKey, .string(groupKey)) }
            try field(.source, .string(alert.source))
        case .alertResolved(let name, let fingerprint, let endedAt):
            try field(.alertname, .string(name))
            if let fingerprint { try field(.fingerprint, .string(fingerprint)) }
            if let endedAt { try field(.endedAt, .string(JournalTime.string(from: endedAt))) }
        case .runbookSwitched(let runbook):
            try field(.runbook, .string(runbook))
        case .stepDone(let ref):
            try step(ref)
        case .stepSkipped(let ref, let reason):
            try step(ref)
            try field(.reason, .string(reason))
        case .checklistChecked(let item), .checklistUnchecked(let item):
            try field(.runbook, .string(item.runbook))
            try field(.item, .integer(item.item))
            try field(.text, .string(item.text))
        case .note(let text, let pinned, let commander):
            try field(.text, .string(text))
            try field(.pinned, .bool(pinned))
            try field(.commander, .bool(commander))
        case .statusChanged(let status):
            try field(.status, .string(status.rawValue))
        case .severityChanged(let severity):
            try field(.severity, .string(severity.rawValue))
        case .roleAssigned(let role, let person):
            try field(.role, .string(role.rawValue))
            try field(.person, .string(person))
        case .escalated(let to):
            try field(.to, .string(to))
        case .commandCopied(let command, let ref):
            try field(.command, .string(command))
            if let ref { try step(ref) }
        case .commandRan(let run):
            try field(.command, .string(run.command))
            if let ref = run.step { try step(ref) }
            try field(.placeholders, .strings(run.placeholders))
            if let code = run.exitCode { try field(.exitCode, .integer(Int(code))) }
            try field(.durationSeconds, .number(run.durationSeconds))
            try field(.outputExcerpt, .string(run.outputExcerpt))
            if let file = run.outputFile { try field(.outputFile, .string(file)) }
            if let reason = run.stoppedBecause { try field(.stoppedBecause, .string(reason)) }
            if let bytes = run.outputBytes { try field(.outputBytes, .integer(bytes)) }
            if let bytes = run.outputDroppedBytes { try field(.outputDroppedBytes, .integer(bytes)) }
        case .runbookFeedback(let runbook, let step, let text):
            try field(.runbook, .string(runbook))
            if let step { try field(.step, .string(step)) }
            try field(.text, .string(text))
        case .milestone(let milestone):
            try field(.milestone, .string(milestone.rawValue))
        case .pinChanged(let seq, let writer, let pinned):
            try field(.eventSeq, .integer(seq))
            if let writer { try field(.eventWriter, .string(writer)) }
            try field(.pinned, .bool(pinned))
        case .noteAcknowledged(let seq, let writer):
            try field(.eventSeq, .integer(seq))
            if let writer { try field(.eventWriter, .string(writer)) }
        case .exportWritten(let path, let format):
            try field(.path, .string(path))
            try field(.format, .string(format))
        case .incidentClosed, .reopened:
            break
        }
    }
}
