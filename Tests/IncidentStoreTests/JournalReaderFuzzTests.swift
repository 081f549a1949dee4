import Foundation
import IncidentStore
import TestSupport
import Testing

@testable import IncidentModel

/// What an attacker or a crashed writer leaves in a journal line, spliced in by the mutations below.
private let hostileJSONFragments: [[UInt8]] =
    [
        #""seq":99999999999999999999,"#, #""seq":-99999999999999999999,"#, #""seq":1e9223372036854775807,"#,
        #""seq":10e9223372036854775807,"#, #""seq":1e-9223372036854775808,"#, #""seq":0e99999999999999999999,"#,
        #""seq":9007199254740993.5,"#, #""item":18446744073709551616,"#, #""v":99999999999999999999,"#,
        #""seq":1,"seq":2,"#, #""kind":"note","kind":"reopened","#, #""actor":null,"#, #""text":{"a":[1,2,{}]},"#,
        "\"x\":" + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + ",",
        "\"x\":" + String(repeating: "{\"a\":", count: 2_000) + "1" + String(repeating: "}", count: 2_000) + ",",
        #""text":"\u0000\u001b[31m\ud800\udfff\u202e","#, #""text":"\uZZZZ","#, "\u{1B}]0;x\u{07}", "\r", "\t", ",,",
        "{", "}",
        #""occurredAt":"9999-99-99T99:99:99.999Z","#, #""recordedAt":"2026-11-27T00:20:05Z","#, #""id":"not-a-uuid","#,
    ].map { Array($0.utf8) } + [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0x00], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF]]

/// One random change to a line: a hostile fragment spliced in (most often right after the opening brace, where it
/// is a member), a range deleted, a byte flipped, or the line cut short.
private func mutateLine(_ line: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
    var line = line
    let position = random.int(0..<(line.count + 1))
    switch random.int(0..<6) {
    case 0, 1:
        line.insert(contentsOf: random.pick(hostileJSONFragments), at: min(1, line.count))
    case 2:
        line.insert(contentsOf: random.pick(hostileJSONFragments), at: position)
    case 3:
        line.removeSubrange(position..<min(line.count, position + random.int(1..<40)))
    case 4:
        if position < line.count { line[position] ^= UInt8(1 << random.int(0..<8)) }
    default:
        line.removeSubrange(position...)
    }
    // A newline inside a line would make two lines of it; the reader is fed the lines the test means.
    return line.map { $0 == 0x0A ? 0x20 : $0 }
}

@Suite("Fuzz: the journal reader on hostile lines", .temporaryFiles, .tags(.slow))
struct JournalReaderFuzzTests {
    static let seed: UInt64 = 0x5EED_0002
    static let journals = 30
    static let linesPerJournal = 40

    /// A valid line for every kind of event, as the journal writes it.
    static func validLines() throws -> [(event: Event, line: [UInt8])] {
        try EventSamples.kinds.enumerated().map { offset, kind in
            let event = Event(seq: offset + 1, recordedAt: utc("2026-11-27T00:20:05.123Z"), actor: "amy", kind: kind)
            return (event, Array(try EventCodec.line(for: event)))
        }
    }

    @Test("every mutated line is an event that writes back and reads back equal, or a decoding error; never a crash")
    func mutatedLines() throws {
        var random = SeededRandom(seed: Self.seed)
        let valid = try Self.validLines()
        for iteration in 0..<(Self.journals * Self.linesPerJournal) {
            var line = random.pick(valid).line
            for _ in 0..<random.int(1..<4) {
                line = mutateLine(line, &random)
            }
            guard let event = try? EventCodec.event(from: Data(line)) else { continue }
            let written = try EventCodec.line(for: event)
            #expect(try EventCodec.event(from: written) == event, "iteration \(iteration) of seed \(Self.seed)")
        }
    }

    @Test("a journal of good and mutated lines keeps every good line and reports each bad one on its own line")
    func mutatedJournals() throws {
        var random = SeededRandom(seed: Self.seed ^ 1)
        let valid = try Self.validLines()
        let directory = try freshDirectory()
        for journal in 0..<Self.journals {
            var lines: [[UInt8]] = []
            var good: [Int: Event] = [:]
            for number in 1...Self.linesPerJournal {
                let (event, line) = random.pick(valid)
                if random.chance(1, in: 2) {
                    let id = try #require(UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number)))
                    let renumbered = Event(
                        seq: number, id: id, recordedAt: event.recordedAt, actor: event.actor,
                        kind: event.kind)
                    good[number] = renumbered
                    lines.append(Array(try EventCodec.line(for: renumbered)))
                } else {
                    lines.append(mutateLine(line, &random))
                }
            }
            let tornTail = random.chance(1, in: 4)
            if tornTail {
                // A write cut short: the last line stops part way and has no newline.
                lines[lines.count - 1] = Array(#"{"v":1,"seq":"#.utf8)
                good[Self.linesPerJournal] = nil
            }
            let path = directory + "/journal-\(journal).jsonl"
            let bytes: [UInt8] = Array(lines.flatMap { $0 + [UInt8(0x0A)] }.dropLast(tornTail ? 1 : 0))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let context = "journal \(journal) of seed \(Self.seed ^ 1)"

            let read = Result { () throws(JournalError) -> JournalContents in try Journal.read(path) }
            if case .failure(.newerSchema(_, let line, let version)) = read {
                // A line of a newer schema refuses the whole journal, by design; it must be one of the mutated lines.
                #expect(line.map { good[$0] == nil } == true && version > Event.schemaVersion, "\(context)")
                continue
            }
            let contents = try read.get()
            let kept = Set(contents.events.map(\.id))
            for (number, event) in good {
                #expect(kept.contains(event.id), "\(context): good line \(number) was lost")
            }
            let setAside = contents.problems.filter { if case .outOfOrder = $0.kind { false } else { true } }
            let blank = lines.enumerated().filter { $0.element.allSatisfy { [0x20, 0x09, 0x0D].contains($0) } }.count
            #expect(contents.events.count + setAside.count + blank == Self.linesPerJournal, "\(context)")
            #expect(contents.problems.allSatisfy { (1...Self.linesPerJournal).contains($0.line) }, "\(context)")
            #expect(contents.events.allSatisfy { (try? EventCodec.line(for: $0)) != nil }, "\(context)")
        }
    }
}
