import Foundation
import IncidentModel
import PropertyBased
import TestSupport
import Testing

/// The journal's hand-written line writer and reader, held to Foundation's `JSONEncoder` and `JSONDecoder` on
/// random events of every kind and on lines damaged at random.
@Suite("The journal codec agrees with Foundation's JSON coders")
struct EventCodecPropertyTests {
    private static let events = Generator { random in RandomEvents.event(using: &random) }

    /// A random event, and the seed of the damages done to its line.
    private static let damageSamples = Generator { random in
        (event: RandomEvents.event(using: &random), seed: random.next())
    }

    private static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func prettyEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }

    @Test("a line, and a pretty-printed event, are byte for byte what JSONEncoder makes of the event")
    func writerMatchesJSONEncoder() async {
        await propertyCheck(count: 500, input: Self.events) { event in
            let line = try EventCodec.line(for: event)
            let expected = try Self.lineEncoder().encode(event)
            #expect(String(decoding: line, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
            var pretty: [UInt8] = []
            try EventCodec.appendPretty(for: event, depth: 0, to: &pretty)
            let expectedPretty = try Self.prettyEncoder().encode(event)
            #expect(String(decoding: pretty, as: UTF8.self) == String(decoding: expectedPretty, as: UTF8.self))
        }
    }

    @Test("the reader and JSONDecoder both read back every written event unchanged")
    func readersRoundTrip() async {
        await propertyCheck(count: 500, input: Self.events) { event in
            let line = try EventCodec.line(for: event)
            #expect(try EventCodec.event(from: line) == event)
            #expect(try JSONDecoder().decode(DecodableEvent.self, from: line).event == event)
        }
    }

    @Test("a damaged line is read by the reader exactly as JSONDecoder reads it: the same event or the same fault")
    func damagedLinesReadAlike() async {
        await propertyCheck(count: 2000, input: Self.damageSamples) { sample in
            var random = SeededRandom(seed: sample.seed)
            let line = Data(LineDamage.damage(Array(try EventCodec.line(for: sample.event)), using: &random))
            let fast = Outcome { try EventCodec.event(from: line) }
            let foundation = Outcome { try JSONDecoder().decode(DecodableEvent.self, from: line).event }
            #expect(
                fast == foundation || Outcome.bothFaultInsideOneObject(fast, foundation),
                "\(String(decoding: line, as: UTF8.self))")
        }
    }
}

/// What reading a line came to: its event, or its fault as far as a reader reports it (the kind of error, the
/// key and the field's path), without Foundation's wording of the message.
private enum Outcome: Equatable {
    case event(Event)
    case fault(String)

    /// Whether both readers refused the line and one of them at a member of a string map (`roles`, `labels`,
    /// `annotations`, `placeholders`). JSONDecoder decodes a dictionary's members in hash order, which changes from
    /// run to run, so when one map holds two faults it reports either; the journal's reader reports the first.
    static func bothFaultInsideOneObject(_ one: Outcome, _ other: Outcome) -> Bool {
        guard case .fault(let first) = one, case .fault(let second) = other else { return false }
        let maps = ["roles.", "labels.", "annotations.", "placeholders."]
        func inMap(_ fault: String) -> Bool { maps.contains { fault.contains(" at " + $0) } }
        func inMapOrCorrupt(_ fault: String) -> Bool { inMap(fault) || fault.hasPrefix("dataCorrupted") }
        return (inMap(first) && inMapOrCorrupt(second)) || (inMap(second) && inMapOrCorrupt(first))
    }

    init(_ read: () throws -> Event) {
        do {
            self = .event(try read())
        } catch let error as DecodingError {
            self = .fault(Self.describe(error))
        } catch {
            self = .fault("\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "keyNotFound \(key.stringValue) at \(path(context))"
        case .valueNotFound(_, let context): return "valueNotFound at \(path(context))"
        case .typeMismatch(_, let context): return "typeMismatch at \(path(context))"
        case .dataCorrupted(let context): return "dataCorrupted at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
