import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import IncidentModel

/// A journal line read in part (`EventReading`), held to the whole reading on random events of every kind, random
/// readings and lines damaged at random: a reader that leaves text out must still refuse exactly the lines the
/// whole reading refuses, or a report would count damaged lines wrong.
@Suite("A journal line read in part agrees with the line read whole")
struct EventReadingPropertyTests {
    /// A random event, the seed of the damages done to its line, and a random reading.
    private static let samples = Generator { random in
        (event: RandomEvents.event(using: &random), seed: random.next(), reading: reading(using: &random))
    }

    private static func reading(using random: inout some RandomNumberGenerator) -> EventReading {
        EventReading(
            textOf: EventKind.Name.allCases.filter { _ in Bool.random(using: &random) },
            commandOutput: Bool.random(using: &random))
    }

    private static func read(_ line: [UInt8], _ reading: EventReading) throws -> Event {
        var decoder = EventLineDecoder(reading: reading)
        return try line.withUnsafeBufferPointer { try decoder.event(from: $0) }
    }

    @Test("a written event read in part is the event, but for the text the reading leaves out, read as empty")
    func writtenLines() async {
        await propertyCheck(count: 1000, input: Self.samples) { sample in
            let line = Array(try EventCodec.line(for: sample.event))
            let partial = try Self.read(line, sample.reading)
            #expect(
                Self.differsOnlyByLeftOutText(partial, sample.event, sample.reading),
                "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test("a damaged line read in part is refused with the same fault as read whole, or read as the same event")
    func damagedLines() async {
        await propertyCheck(count: 3000, input: Self.samples) { sample in
            var random = SeededRandom(seed: sample.seed)
            let line = LineDamage.damage(Array(try EventCodec.line(for: sample.event)), using: &random)
            let whole = Result { try Self.read(line, .whole) }
            let partial = Result { try Self.read(line, sample.reading) }
            switch (whole, partial) {
            case (.success(let whole), .success(let partial)):
                #expect(
                    Self.differsOnlyByLeftOutText(partial, whole, sample.reading),
                    "\(String(decoding: line, as: UTF8.self))")
            case (.failure(let whole), .failure(let partial)):
                #expect(String(reflecting: whole) == String(reflecting: partial))
            default:
                Issue.record("read whole: \(whole); read in part: \(partial); line \(line)")
            }
        }
    }

    @Test("a note read without its kind's text has an empty text; a run without outputs keeps its command")
    func leftOutTextIsEmpty() throws {
        let reading = EventReading(textOf: [.commandRan], commandOutput: false)
        let note = Event(
            seq: 2, recordedAt: Date(timeIntervalSince1970: 1_800_000_000), actor: "alice",
            kind: .note(text: "rollback done", pinned: true, commander: false))
        let partialNote = try Self.read(Array(try EventCodec.line(for: note)), reading)
        #expect(partialNote.kind == .note(text: "", pinned: true, commander: false))
        #expect(partialNote.actor == "alice" && partialNote.seq == 2 && partialNote.id == note.id)
        let run = Event(
            seq: 3, recordedAt: Date(timeIntervalSince1970: 1_800_000_010), actor: "bob",
            kind: .commandRan(
                CommandRun(
                    command: "kubectl rollout undo deploy/api", placeholders: ["ns": "prod"], exitCode: 0,
                    durationSeconds: 1.5, outputExcerpt: "rolled back", outputFile: "output/3.txt")))
        let partialRun = try Self.read(Array(try EventCodec.line(for: run)), reading)
        #expect(
            partialRun.kind
                == .commandRan(
                    CommandRun(
                        command: "kubectl rollout undo deploy/api", placeholders: ["ns": "prod"], exitCode: 0,
                        durationSeconds: 1.5, outputExcerpt: "", outputFile: "")))
    }

    /// Bytes at the edges of UTF-8's table of well-formed sequences: ASCII, continuation bytes, and leads that
    /// allow only part of the continuation range or none.
    private static let utf8Edges: [UInt8] = [
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
        0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]

    private static let byteRuns = Generator { random in
        (0..<Int.random(in: 0...10, using: &random)).map { _ in
            Bool.random(using: &random)
                ? utf8Edges.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
        }
    }

    @Test("a text left out is judged UTF-8 or not as making its string judges it")
    func utf8Check() async {
        await propertyCheck(count: 5000, input: Self.byteRuns) { bytes in
            let valid = bytes.withUnsafeBufferPointer { JSONLineValues.isUTF8($0) }
            #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// The free-text fields a reading may leave out, and of those the output fields of a command run.
    private static let textKeys: Set<EventKey> = [
        .title, .runbook, .step, .reason, .text, .person, .to, .command, .alertname, .source, .path, .format,
        .fingerprint, .generatorURL, .groupKey, .eventWriter, .outputExcerpt, .outputFile, .stoppedBecause,
    ]
    private static let outputKeys: Set<EventKey> = [.outputExcerpt, .outputFile, .stoppedBecause]

    /// Whether `partial` has `whole`'s fields, in order, each with the same value, but for a free-text field of a
    /// kind (or an output) that `reading` leaves out, which is empty.
    private static func differsOnlyByLeftOutText(_ partial: Event, _ whole: Event, _ reading: EventReading) -> Bool {
        var partialFields: [(key: EventKey, value: EventFieldValue)] = []
        var wholeFields: [(key: EventKey, value: EventFieldValue)] = []
        partial.forEachField { partialFields.append(($0, $1)) }
        whole.forEachField { wholeFields.append(($0, $1)) }
        guard partial.writer == whole.writer, partialFields.map(\.key) == wholeFields.map(\.key) else { return false }
        let kind = whole.kind.kindName
        return zip(partialFields, wholeFields).allSatisfy { partial, whole in
            let leftOut =
                textKeys.contains(whole.key)
                && (!reading.readsText(of: kind) || (outputKeys.contains(whole.key) && !reading.commandOutput))
            if leftOut, case .string(let text) = partial.value, case .string = whole.value { return text.isEmpty }
            return same(partial.value, whole.value)
        }
    }

    private static func same(_ one: EventFieldValue, _ other: EventFieldValue) -> Bool {
        switch (one, other) {
        case (.string(let one), .string(let other)): one == other
        case (.integer(let one), .integer(let other)): one == other
        case (.bool(let one), .bool(let other)): one == other
        case (.number(let one), .number(let other)): one == other
        case (.strings(let one), .strings(let other)): one == other
        default: false
        }
    }
}
