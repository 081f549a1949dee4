import Foundation

/// Writes an event as one journal line: the bytes `JSONEncoder` makes of `Event`'s `Encodable` conformance with
/// sorted keys and unescaped slashes, written directly (tests hold the two together). Exports write every event
/// of a long incident this way, where a `JSONEncoder` per event cost most of the export.
enum EventLineWriter {
    /// A field's value, as the conformance encodes it.
    private enum FieldValue {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case number(Double)
        case strings([String: String])
    }

    /// An event whose duration is not a finite number, which JSON cannot hold.
    struct NotFinite: Error, CustomStringConvertible {
        let value: Double

        var description: String { "\(value) is not a finite number and cannot be written as JSON" }
    }

    /// Appends `event`'s line, without a newline, to `out`.
    static func append(_ event: Event, to out: inout [UInt8]) throws {
        var fields: [(key: EventKey, value: FieldValue)] = [
            (.v, .integer(Event.schemaVersion)), (.seq, .integer(event.seq)), (.id, .string(event.id.uuidString)),
            (.recordedAt, .string(JournalTime.string(from: event.recordedAt))),
            (.occurredAt, .string(JournalTime.string(from: event.occurredAt))), (.actor, .string(event.actor)),
            (.kind, .string(event.kind.name)),
        ]
        try addFields(of: event.kind, to: &fields)
        fields.sort { sortRank[$0.key.index] < sortRank[$1.key.index] }
        out.append(UInt8(ascii: "{"))
        for (position, field) in fields.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendString(field.key.stringValue, to: &out)
            out.append(UInt8(ascii: ":"))
            append(field.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Each key's place in the order `JSONEncoder` sorts keys: by their UTF-8 bytes.
    private static let sortRank: [Int] = {
        let sorted = EventKey.allCases.sorted { $0.stringValue.utf8.lexicographicallyPrecedes($1.stringValue.utf8) }
        var rank = [Int](repeating: 0, count: sorted.count)
        for (place, key) in sorted.enumerated() { rank[key.index] = place }
        return rank
    }()

    private static func addFields(of kind: EventKind, to fields: inout [(key: EventKey, value: FieldValue)]) throws {
        func step(_ step: StepRef) {
            fields += [(.runbook, .string(step.runbook)), (.step, .string(step.step)), (.title, .string(step.title))]
        }
        func checklist(_ item: ChecklistRef) {
            fields += [(.runbook, .string(item.runbook)), (.item, .integer(item.item)), (.text, .string(item.text))]
        }
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, let roles):
            fields += [
                (.title, .string(title)), (.severity, .string(severity.rawValue)), (.runbook, .string(runbook)),
                (.drill, .bool(drill)),
                (.roles, .strings(Dictionary(uniqueKeysWithValues: roles.map { ($0.key.rawValue, $0.value) }))),
            ]
        case .runbookSwitched(let runbook):
            fields.append((.runbook, .string(runbook)))
        case .stepDone(let ref):
            step(ref)
        case .stepSkipped(let ref, let reason):
            step(ref)
            fields.append((.reason, .string(reason)))
        case .checklistChecked(let item), .checklistUnchecked(let item):
            checklist(item)
        case .note(let text, let pinned, let commander):
            fields += [(.text, .string(text)), (.pinned, .bool(pinned)), (.commander, .bool(commander))]
        case .statusChanged(let status):
            fields.append((.status, .string(status.rawValue)))
        case .severityChanged(let severity):
            fields.append((.severity, .string(severity.rawValue)))
        case .roleAssigned(let role, let person):
            fields += [(.role, .string(role.rawValue)), (.person, .string(person))]
        case .escalated(let to):
            fields.append((.to, .string(to)))
        case .commandCopied(let command, let ref):
            fields.append((.command, .string(command)))
            if let ref { step(ref) }
        case .commandRan(let run):
            guard run.durationSeconds.isFinite else { throw NotFinite(value: run.durationSeconds) }
            fields.append((.command, .string(run.command)))
            if let ref = run.step { step(ref) }
            fields.append((.placeholders, .strings(run.placeholders)))
            if let code = run.exitCode { fields.append((.exitCode, .integer(Int(code)))) }
            fields += [(.durationSeconds, .number(run.durationSeconds)), (.outputExcerpt, .string(run.outputExcerpt))]
            if let file = run.outputFile { fields.append((.outputFile, .string(file))) }
            if let reason = run.stoppedBecause { fields.append((.stoppedBecause, .string(reason))) }
        case .runbookFeedback(let runbook, let step, let text):
            fields.append((.runbook, .string(runbook)))
            if let step { fields.append((.step, .string(step))) }
            fields.append((.text, .string(text)))
        case .milestone(let milestone):
            fields.append((.milestone, .string(milestone.rawValue)))
        case .pinChanged(let seq, let pinned):
            fields += [(.eventSeq, .integer(seq)), (.pinned, .bool(pinned))]
        case .exportWritten(let path, let format):
            fields += [(.path, .string(path)), (.format, .string(format))]
        case .incidentClosed, .reopened:
            break
        }
    }

    private static func append(_ value: FieldValue, to out: inout [UInt8]) {
        switch value {
        case .string(let text):
            appendString(text, to: &out)
        case .integer(let number):
            out += String(number).utf8
        case .bool(let flag):
            out += (flag ? "true" : "false").utf8
        case .number(let number):
            // `JSONEncoder` writes a double as its description, without a trailing `.0`.
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out += text.utf8
        case .strings(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (position, member) in sorted.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendString(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string as `JSONEncoder` escapes it: quote, backslash, and the control characters (short escapes
    /// where JSON has them, else `\u00XX` in lowercase hex); slashes and everything else as they are.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x08: out += [0x5C, UInt8(ascii: "b")]
                case 0x0C: out += [0x5C, UInt8(ascii: "f")]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
