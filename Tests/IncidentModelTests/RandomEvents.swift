import Foundation
import IncidentModel
import RunbookKit

/// Random events of every kind for the codec's property tests: text mixes ASCII, quotes, backslashes, slashes,
/// C0 and C1 controls, line separators, CJK, combining marks and characters outside the Basic Multilingual Plane
/// (never a lone surrogate, which a Swift string cannot hold); numbers span their types' whole ranges.
enum RandomEvents {
    /// One event, its kind chosen among all of the schema's kinds.
    static func event(using random: inout some RandomNumberGenerator) -> Event {
        let milliseconds = Int64.random(in: 0...4_102_444_800_000, using: &random)
        let recordedAt = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let back = Int64.random(in: 0...86_400_000, using: &random)
        return Event(
            seq: Int.random(in: Int.min...Int.max, using: &random), id: uuid(using: &random), recordedAt: recordedAt,
            occurredAt: Date(timeIntervalSince1970: Double(milliseconds - back) / 1000), actor: text(using: &random),
            kind: kind(using: &random)
        )
    }

    /// A kind with random fields; switching over every name keeps the generator in step with the schema.
    static func kind(using random: inout some RandomNumberGenerator) -> EventKind {
        switch EventKind.Name.allCases.randomElement(using: &random)! {
        case .incidentOpened:
            var roles: [Role: String] = [:]
            for role in Role.allCases where Bool.random(using: &random) { roles[role] = text(using: &random) }
            return .incidentOpened(
                title: text(using: &random), severity: Severity.allCases.randomElement(using: &random)!,
                runbook: text(using: &random), drill: Bool.random(using: &random), roles: roles
            )
        case .alertAttached:
            var labels: [String: String] = [:]
            var annotations: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &random) { labels[text(using: &random)] = text(using: &random) }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                annotations[text(using: &random)] = text(using: &random)
            }
            return .alertAttached(
                AlertRecord(
                    name: text(using: &random), labels: labels, annotations: annotations,
                    fingerprint: Bool.random(using: &random) ? text(using: &random) : nil,
                    startsAt: Bool.random(using: &random) ? time(using: &random) : nil,
                    generatorURL: Bool.random(using: &random) ? text(using: &random) : nil,
                    groupKey: Bool.random(using: &random) ? text(using: &random) : nil, source: text(using: &random)))
        case .alertResolved:
            return .alertResolved(
                name: text(using: &random), fingerprint: Bool.random(using: &random) ? text(using: &random) : nil,
                endedAt: Bool.random(using: &random) ? time(using: &random) : nil)
        case .runbookSwitched: return .runbookSwitched(runbook: text(using: &random))
        case .stepDone: return .stepDone(step(using: &random))
        case .stepSkipped: return .stepSkipped(step(using: &random), reason: text(using: &random))
        case .checklistChecked: return .checklistChecked(item(using: &random))
        case .checklistUnchecked: return .checklistUnchecked(item(using: &random))
        case .note:
            return .note(
                text: text(using: &random), pinned: Bool.random(using: &random), commander: Bool.random(using: &random)
            )
        case .statusChanged: return .statusChanged(IncidentStatus.allCases.randomElement(using: &random)!)
        case .severityChanged: return .severityChanged(Severity.allCases.randomElement(using: &random)!)
        case .roleAssigned:
            return .roleAssigned(Role.allCases.randomElement(using: &random)!, person: text(using: &random))
        case .escalated: return .escalated(to: text(using: &random))
        case .commandCopied:
            let step = Bool.random(using: &random) ? step(using: &random) : nil
            return .commandCopied(command: text(using: &random), step: step)
        case .commandRan: return .commandRan(commandRun(using: &random))
        case .runbookFeedback:
            return .runbookFeedback(
                runbook: text(using: &random), step: Bool.random(using: &random) ? text(using: &random) : nil,
                text: text(using: &random)
            )
        case .milestone: return .milestone(Milestone.allCases.randomElement(using: &random)!)
        case .pinChanged:
            let seq = Int.random(in: Int.min...Int.max, using: &random)
            let writer = Bool.random(using: &random) ? text(using: &random) : nil
            return .pinChanged(seq: seq, writer: writer, pinned: Bool.random(using: &random))
        case .noteAcknowledged:
            let seq = Int.random(in: Int.min...Int.max, using: &random)
            return .noteAcknowledged(seq: seq, writer: Bool.random(using: &random) ? text(using: &random) : nil)
        case .exportWritten: return .exportWritten(path: text(using: &random), format: text(using: &random))
        case .incidentClosed: return .incidentClosed
        case .reopened: return .reopened
        }
    }

    /// A time to the millisecond, as the journal keeps times.
    private static func time(using random: inout some RandomNumberGenerator) -> Date {
        Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &random)) / 1000)
    }

    private static func commandRun(using random: inout some RandomNumberGenerator) -> CommandRun {
        var placeholders: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) { placeholders[text(using: &random)] = text(using: &random) }
        return CommandRun(
            command: text(using: &random), step: Bool.random(using: &random) ? step(using: &random) : nil,
            placeholders: placeholders,
            exitCode: Bool.random(using: &random) ? Int32.random(in: Int32.min...Int32.max, using: &random) : nil,
            durationSeconds: duration(using: &random), outputExcerpt: text(using: &random),
            outputFile: Bool.random(using: &random) ? text(using: &random) : nil,
            stoppedBecause: Bool.random(using: &random) ? text(using: &random) : nil,
            outputBytes: Bool.random(using: &random) ? Int.random(in: Int.min...Int.max, using: &random) : nil,
            outputDroppedBytes: Bool.random(using: &random) ? Int.random(in: 0...Int.max, using: &random) : nil
        )
    }

    /// A finite duration: whole seconds, milliseconds, or any finite double's bits (tiny, huge, negative).
    private static func duration(using random: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return Double(Int.random(in: 0...100_000, using: &random))
        case 1: return Double(Int.random(in: 0...100_000_000, using: &random)) / 1000
        default:
            while true {
                let number = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))
                if number.isFinite { return number }
            }
        }
    }

    private static func step(using random: inout some RandomNumberGenerator) -> StepRef {
        StepRef(runbook: text(using: &random), step: text(using: &random), title: text(using: &random))
    }

    private static func item(using random: inout some RandomNumberGenerator) -> ChecklistRef {
        ChecklistRef(
            runbook: text(using: &random), item: Int.random(in: Int.min...Int.max, using: &random),
            text: text(using: &random)
        )
    }

    private static func uuid(using random: inout some RandomNumberGenerator) -> UUID {
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            for index in buffer.indices { buffer[index] = UInt8.random(in: 0...255, using: &random) }
        }
        return UUID(uuid: bytes)
    }

    /// The ranges text is drawn from, each equally likely.
    private static let scalarRanges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x2F...0x2F, 0x7F...0x9F, 0x2028...0x2029,
        0x4E00...0x9FFF, 0x0300...0x036F, 0x1F300...0x1F64F, 0xE000...0xF8FF,
    ]

    /// Up to 12 scalars from `scalarRanges`.
    static func text(using random: inout some RandomNumberGenerator) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let range = scalarRanges.randomElement(using: &random)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { text.append(scalar) }
        }
        return String(text)
    }
}
