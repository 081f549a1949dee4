import FoundationEssentials
import RunbookKit

/// Reads a journal line into an `Event` straight from its UTF-8 bytes.
///
/// It accepts and refuses exactly the lines `JSONDecoder` with a `Decodable` event accepted and refused, with the
/// same errors, so that no journal reads differently: the line must be JSON as Foundation's scanner reads it
/// (`JSONLineScanner`), every key of the event object must be a valid string and the first of repeated keys counts,
/// and the fields are read, and the first fault reported, in this order: `v` (a newer schema refuses the line
/// before anything else), `kind`, `seq`, `id`, `recordedAt`, `occurredAt`, `actor`, then the kind's own fields
/// (`EventFields.kind(_:)`). Failures are `DecodingError`s with the field's coding path, as `JSONDecoder` threw
/// them (malformed JSON, anywhere, as `dataCorrupted` without a path), and `EventDecodingError`.
package struct EventLineDecoder {
    private var slots = [JSONLineScanner.Value?](repeating: nil, count: EventKey.allCases.count)
    /// How much of each line is made into values.
    private let reading: EventReading
    /// Whether each kind's text is read, by the kind's place among all kinds: looked up once per line.
    private let readsText: [Bool]

    /// A decoder with an empty table of fields, to read any number of lines with, as much of each as `reading`
    /// asks for.
    package init(reading: EventReading = .whole) {
        self.reading = reading
        readsText = EventKind.Name.allCases.map(reading.readsText(of:))
    }

    /// The event in `line`.
    package mutating func event(from line: UnsafeBufferPointer<UInt8>) throws -> Event {
        let (readsText, commandOutput) = (self.readsText, reading.commandOutput)
        return try withFields(of: line) { fields in
            let version: Int = try fields.integer(.v)
            guard version <= Event.schemaVersion else { throw EventDecodingError.newerSchema(version) }
            let kindName = try fields.kindName()
            let (seq, id) = (try fields.integer(.seq) as Int, try fields.uuid(.id))
            let (recordedAt, occurredAt) = (try fields.date(.recordedAt), try fields.date(.occurredAt))
            let actor = try fields.string(.actor)
            let (name, position): (EventKind.Name, Int)
            switch kindName {
            case .known(let known, let index): (name, position) = (known, index)
            case .unknown(let text): throw EventDecodingError.unknownKind(text)
            }
            var kindFields = fields
            kindFields.readsText = readsText[position]
            kindFields.readsOutput = commandOutput
            return Event(
                seq: seq, id: id, recordedAt: recordedAt, occurredAt: occurredAt, actor: actor,
                kind: try kindFields.kind(name))
        }
    }

    /// The schema version and seq of `line`, what an append needs of the last line; nil when the line does not
    /// hold both as integers (whatever else it holds).
    package mutating func header(from line: UnsafeBufferPointer<UInt8>) -> (version: Int, seq: Int)? {
        try? withFields(of: line) { fields in (try fields.integer(.v), try fields.integer(.seq)) }
    }

    /// Hands `read` the fields of the object in `line`, in whatever encoding `JSONDecoder` would detect.
    private mutating func withFields<T>(
        of line: UnsafeBufferPointer<UInt8>, _ read: (EventFields) throws -> T
    ) throws -> T {
        switch Self.encoding(of: line) {
        case .utf8(let bomLength):
            return try withFields(utf8: UnsafeBufferPointer(rebasing: line[bomLength...]), read)
        case .other(let encoding, let bomLength):
            // Foundation's JSON reading takes UTF-16 and UTF-32 too (RFC 4627), converted to UTF-8 first.
            guard var text = String(bytes: line[bomLength...], encoding: encoding) else { throw Self.notJSON() }
            return try text.withUTF8 { try withFields(utf8: $0, read) }
        }
    }

    private mutating func withFields<T>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, _ read: (EventFields) throws -> T
    ) throws -> T {
        for index in slots.indices { slots[index] = nil }
        let top: JSONLineScanner.Value
        do {
            top = try JSONLineScanner.document(bytes) { key, value in
                guard let field = try Self.key(key, in: bytes), slots[field.index] == nil else { return }
                slots[field.index] = value
            }
        } catch is JSONLineScanner.Malformed {
            throw Self.notJSON()
        }
        switch top {
        case .object: break
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                .init(
                    codingPath: [], debugDescription: "Cannot get keyed decoding container -- found null value instead")
            )
        default:
            throw DecodingError.typeMismatch(
                [String: Any].self, .init(codingPath: [], debugDescription: "Expected to decode a dictionary."))
        }
        do {
            return try read(EventFields(bytes: bytes, slots: slots))
        } catch is JSONLineScanner.Malformed {
            throw Self.notJSON()
        }
    }

    /// The event key a member's key names, nil for any other key; a key that is not a valid string makes the line
    /// malformed, as `JSONDecoder` reads every key of an object it decodes.
    private static func key(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) throws -> EventKey? {
        // A key's name is plain ASCII, so bytes that are one need no further check.
        if let key = EventKey.named(range, in: bytes) { return key }
        // Other plain bytes name no key; escapes or other bytes must still be read as the string they spell.
        let plain = !range.contains { bytes[$0] >= 0x80 || bytes[$0] < 0x20 || bytes[$0] == UInt8(ascii: "\\") }
        if plain { return nil }
        let text = try JSONLineValues.string(range, simple: false, in: bytes)
        return EventKey(rawValue: text)
    }

    static func notJSON() -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON."))
    }

    private enum Encoding {
        case utf8(bomLength: Int)
        case other(String.Encoding, bomLength: Int)
    }

    /// The encoding `JSONDecoder` detects from the first four bytes (a byte order mark, or the zero bytes of
    /// UTF-16 or UTF-32 around ASCII).
    private static func encoding(of line: UnsafeBufferPointer<UInt8>) -> Encoding {
        func byte(_ index: Int) -> UInt8? { index < line.count ? line[index] : nil }
        switch (byte(0), byte(1), byte(2), byte(3)) {
        case (0, 0, 0xFE, 0xFF): return .other(.utf32BigEndian, bomLength: 4)
        case (0xFE, 0xFF, 0, 0): return .other(.utf32LittleEndian, bomLength: 4)
        case (0xFE, 0xFF, _, _): return .other(.utf16BigEndian, bomLength: 2)
        case (0xFF, 0xFE, _, _): return .other(.utf16LittleEndian, bomLength: 2)
        case (0xEF, 0xBB, 0xBF, _): return .utf8(bomLength: 3)
        case (0, 0, 0, .some(let nz)) where nz != 0: return .other(.utf32BigEndian, bomLength: 0)
        case (0, .some(let a), 0, .some(let b)) where a != 0 && b != 0: return .other(.utf16BigEndian, bomLength: 0)
        case (.some(let nz), 0, 0, 0) where nz != 0: return .other(.utf32LittleEndian, bomLength: 0)
        case (.some(let a), 0, .some(let b), 0) where a != 0 && b != 0: return .other(.utf16LittleEndian, bomLength: 0)
        case (0, .some(let nz), nil, nil) where nz != 0: return .other(.utf16BigEndian, bomLength: 0)
        case (.some(let nz), 0, nil, nil) where nz != 0: return .other(.utf16LittleEndian, bomLength: 0)
        default: return .utf8(bomLength: 0)
        }
    }
}

extension EventKey {
    /// Each key's position among all keys (its place in `allCases`), for a table of found values.
    var index: Int {
        switch self {
        case .v: 0
        case .seq: 1
        case .id: 2
        case .recordedAt: 3
        case .occurredAt: 4
        case .actor: 5
        case .kind: 6
        case .title: 7
        case .severity: 8
        case .runbook: 9
        case .drill: 10
        case .roles: 11
        case .step: 12
        case .reason: 13
        case .item: 14
        case .text: 15
        case .pinned: 16
        case .commander: 17
        case .status: 18
        case .role: 19
        case .person: 20
        case .to: 21
        case .command: 22
        case .placeholders: 23
        case .exitCode: 24
        case .durationSeconds: 25
        case .outputExcerpt: 26
        case .outputFile: 27
        case .stoppedBecause: 28
        case .milestone: 29
        case .eventSeq: 30
        case .path: 31
        case .format: 32
        case .outputBytes: 33
        case .outputDroppedBytes: 34
        case .alertname: 35
        case .labels: 36
        case .annotations: 37
        case .fingerprint: 38
        case .startsAt: 39
        case .generatorURL: 40
        case .groupKey: 41
        case .source: 42
        case .endedAt: 43
        case .eventWriter: 44
        case .writer: 45
        }
    }

    /// The keys by their names' bytes.
    private static let names = ByteNames(allCases, name: \.rawValue)

    /// The key whose name is exactly the bytes in `range`.
    static func named(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> EventKey? {
        names.named(range, in: bytes)?.value
    }
}

extension EventKind.Name {
    /// The kinds by their names' bytes.
    private static let names = ByteNames(allCases, name: \.rawValue)

    /// The kind whose name is exactly the bytes in `range`, with its place among all kinds.
    static func named(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (value: Self, index: Int)? {
        names.named(range, in: bytes)
    }
}

/// Names matched against a line's bytes without making a string: each name's UTF-8 as up to three words (its
/// first eight bytes, the next eight of a name longer than sixteen, and its last eight, overlapping the others),
/// grouped by length, with the value's place in the list it was made from. A name is found with a few word
/// comparisons per name of its length instead of a byte at a time.
struct ByteNames<Named: Sendable>: Sendable {
    private struct Entry: Sendable {
        let value: Named
        let index: Int
        let words: Words
    }

    /// A name's first, middle and last word.
    private struct Words: Equatable, Sendable {
        let head: UInt64
        let middle: UInt64
        let tail: UInt64
    }

    private let byLength: [[Entry]]

    /// The table of `values`, each known by `name`; a name longer than twenty-four bytes could not be told apart
    /// by its three words, so none may be.
    init(_ values: [Named], name: (Named) -> String) {
        let longest = values.map { name($0).utf8.count }.max() ?? 0
        precondition(longest <= 24, "names of up to twenty-four bytes")
        var table = [[Entry]](repeating: [], count: longest + 1)
        for (index, value) in values.enumerated() {
            let bytes = Array(name(value).utf8)
            let words = bytes.withUnsafeBufferPointer { Self.words(0..<$0.count, in: $0) }
            table[bytes.count].append(Entry(value: value, index: index, words: words))
        }
        byLength = table
    }

    /// The value whose name is exactly the bytes in `range`, with its place.
    func named(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (value: Named, index: Int)? {
        guard range.count < byLength.count else { return nil }
        let words = Self.words(range, in: bytes)
        for entry in byLength[range.count] where entry.words == words {
            return (entry.value, entry.index)
        }
        return nil
    }

    /// The first eight bytes of `range` (fewer, zero-padded, for a shorter range), the next eight when it is
    /// longer than sixteen, and its last eight when it is longer than eight, each read as a little-endian word.
    private static func words(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Words {
        Words(
            head: word(bytes, from: range.lowerBound, count: min(8, range.count)),
            middle: range.count > 16 ? word(bytes, from: range.lowerBound + 8, count: 8) : 0,
            tail: range.count > 8 ? word(bytes, from: range.upperBound - 8, count: 8) : 0)
    }

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        guard start + 8 <= bytes.count else {
            var word: UInt64 = 0
            for offset in 0..<count { word |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
            return word
        }
        let loaded = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
        return count == 8 ? loaded : loaded & ((1 << (8 * UInt64(count))) - 1)
    }
}
