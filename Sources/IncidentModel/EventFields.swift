import FoundationEssentials
import RunbookKit

/// The fields of one journal line, each read as `JSONDecoder`'s keyed container read it: a missing key is
/// `keyNotFound`, `null` is `valueNotFound`, another JSON type is `typeMismatch`, and a value that is not what its
/// type allows is `dataCorrupted` with the field's path; bytes that are not JSON throw `JSONLineScanner.Malformed`.
struct EventFields {
    typealias Value = JSONLineScanner.Value

    let bytes: UnsafeBufferPointer<UInt8>
    /// The first value of each key, by `EventKey.index`.
    let slots: [Value?]
    /// Whether the text fields of the line's kind are made into strings (`EventReading`); when not, each is
    /// checked as `string` checks it and read as empty.
    var readsText = true
    /// Whether a command run's output fields are made into strings, when its text fields are.
    var readsOutput = true

    func contains(_ key: EventKey) -> Bool {
        slots[key.index] != nil
    }

    /// The key's value, nil when it is absent or `null` (what `decodeIfPresent` treats as absent).
    private func present(_ key: EventKey) -> Value? {
        guard let value = slots[key.index] else { return nil }
        if case .null = value { return nil }
        return value
    }

    private func required<T>(_ key: EventKey, _ type: T.Type) throws -> Value {
        guard let value = slots[key.index] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: [], debugDescription: "No value associated with key \(key.stringValue)."))
        }
        if case .null = value {
            throw DecodingError.valueNotFound(type, .init(codingPath: [key], debugDescription: ""))
        }
        return value
    }

    /// The `dataCorrupted` error `JSONDecoder` threw for a value of the wrong form, worded as it worded it, with
    /// what was wrong typed as its underlying error (what `CorruptLineReason` reads).
    static func invalid(_ key: EventKey, _ value: InvalidFieldValue) -> DecodingError {
        .dataCorrupted(
            .init(
                codingPath: [key], debugDescription: value.description(field: key.stringValue), underlyingError: value))
    }

    private static func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type)."))
    }

    private func string(_ value: Value, _ path: [any CodingKey]) throws -> String {
        guard case .string(let range, let simple) = value else { throw Self.mismatch(String.self, path) }
        return try JSONLineValues.string(range, simple: simple, in: bytes)
    }

    func string(_ key: EventKey) throws -> String {
        try string(try required(key, String.self), [key])
    }

    func stringIfPresent(_ key: EventKey) throws -> String? {
        try present(key).map { try string($0, [key]) }
    }

    /// A free-text field of the kind: `string(key)`, or, when the reading leaves the kind's text out, the same
    /// checks and an empty string.
    func text(_ key: EventKey) throws -> String {
        guard !readsText else { return try string(key) }
        try check(try required(key, String.self), [key])
        return ""
    }

    /// A free-text field that may be absent: `stringIfPresent(key)`, or, when the reading leaves the kind's text
    /// out, the same checks and an empty string for a field that is there.
    func textIfPresent(_ key: EventKey) throws -> String? {
        guard !readsText else { return try stringIfPresent(key) }
        return try checkIfPresent(key)
    }

    /// A command run's output field: `textIfPresent(key)`, or, when the reading leaves outputs out, the same
    /// checks and an empty string for a field that is there.
    func outputIfPresent(_ key: EventKey) throws -> String? {
        guard !readsOutput else { return try textIfPresent(key) }
        return try checkIfPresent(key)
    }

    private func checkIfPresent(_ key: EventKey) throws -> String? {
        guard let value = present(key) else { return nil }
        try check(value, [key])
        return ""
    }

    private func check(_ value: Value, _ path: [any CodingKey]) throws {
        guard case .string(let range, let simple) = value else { throw Self.mismatch(String.self, path) }
        try JSONLineValues.check(range, simple: simple, in: bytes)
    }

    /// The kind the line names, found among the schema's names straight from its bytes when it is plain text;
    /// `.unknown` with the name when it is none of them, which the reader refuses once the envelope is read.
    func kindName() throws -> KindName {
        if case .string(let range, simple: true)? = slots[EventKey.kind.index],
            let name = EventKind.Name.named(range, in: bytes)
        {
            return .known(name.value, index: name.index)
        }
        let text = try string(.kind)
        guard let name = EventKind.Name(rawValue: text), let index = EventKind.Name.allCases.firstIndex(of: name)
        else { return .unknown(text) }
        return .known(name, index: index)
    }

    /// What a line's `kind` names: one of the schema's kinds, with its place among them, or another name.
    enum KindName {
        case known(EventKind.Name, index: Int)
        case unknown(String)
    }

    func integer<T: FixedWidthInteger>(_ key: EventKey, as type: T.Type = T.self) throws -> T {
        try integer(try required(key, T.self), key)
    }

    func integerIfPresent<T: FixedWidthInteger>(_ key: EventKey, as type: T.Type = T.self) throws -> T? {
        try present(key).map { try integer($0, key) }
    }

    private func integer<T: FixedWidthInteger>(_ value: Value, _ key: EventKey) throws -> T {
        guard case .number(let range, let exponent) = value else { throw Self.mismatch(T.self, [key]) }
        return try JSONLineValues.integer(range, exponent: exponent, in: bytes)
    }

    func double(_ key: EventKey) throws -> Double {
        guard case .number(let range, let exponent) = try required(key, Double.self) else {
            throw Self.mismatch(Double.self, [key])
        }
        return try JSONLineValues.double(range, exponent: exponent, in: bytes)
    }

    func bool(_ key: EventKey) throws -> Bool {
        // Foundation's JSONDecoder reports a null where a Bool is required as a type mismatch, not as a missing
        // value as it does for strings and numbers; the reader reports what it reports.
        if case .null? = slots[key.index] { throw Self.mismatch(Bool.self, [key]) }
        guard case .bool(let value) = try required(key, Bool.self) else { throw Self.mismatch(Bool.self, [key]) }
        return value
    }

    func boolIfPresent(_ key: EventKey) throws -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else { throw Self.mismatch(Bool.self, [key]) }
        return flag
    }

    /// A string-backed enumeration, refused with the message `RawRepresentable`'s `Decodable` conformance gives.
    func named<Named: RawRepresentable<String>>(_ key: EventKey, as type: Named.Type = Named.self) throws -> Named {
        let raw = try string(key)
        guard let value = Named(rawValue: raw) else {
            throw Self.invalid(key, .notACase(type: "\(Named.self)", value: raw))
        }
        return value
    }

    func uuid(_ key: EventKey) throws -> UUID {
        // The usual form is plain ASCII: read from the line's bytes, it needs no string made.
        if case .string(let range, simple: true)? = slots[key.index],
            let uuid = Self.canonicalUUID(UnsafeBufferPointer(rebasing: bytes[range]))
        {
            return uuid
        }
        var text = try string(key)
        if let uuid = text.withUTF8(Self.canonicalUUID) { return uuid }
        guard let uuid = UUID(uuidString: text) else {
            throw Self.invalid(key, .notAUUID)
        }
        return uuid
    }

    /// The UUID in its usual 36-character form (what the journal writes), read without Foundation's `sscanf`;
    /// nil for any other text, which `UUID(uuidString:)` then judges.
    private static func canonicalUUID(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard text.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
            var index = 0
            for position in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard text[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = HexDigit.value(text[index]),
                    let low = HexDigit.value(text[index + 1])
                else { return false }
                bytes[position] = high << 4 | low
                index += 2
            }
            return true
        }
        return parsed ? UUID(uuid: uuid) : nil
    }

    func date(_ key: EventKey) throws -> Date {
        let value = try required(key, String.self)
        if case .string(let range, simple: true) = value, range.allSatisfy({ bytes[$0] < 0x80 }),
            let date = JournalTime.date(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
        {
            return date
        }
        let text = try string(value, [key])
        guard let date = JournalTime.date(from: text) else {
            throw Self.invalid(key, .notAnISO8601Time(text))
        }
        return date
    }

    /// An object of strings, in the order its keys first appear (the first of repeated keys counts); nil when
    /// absent or `null`. A value that is not a string fails with the path of its own key.
    func stringsIfPresent(_ key: EventKey) throws -> [(key: String, value: String)]? {
        guard let value = present(key) else { return nil }
        guard case .object(let range) = value else { throw Self.mismatch([String: String].self, [key]) }
        var members: [(key: String, value: Value)] = []
        var seen: Set<String> = []
        try JSONLineScanner.members(of: range, in: bytes) { name, value in
            let name = try JSONLineValues.string(name, simple: false, in: bytes)
            if seen.insert(name).inserted { members.append((name, value)) }
        }
        return try members.map { member in
            let path: [any CodingKey] = [key, MemberKey(stringValue: member.key)]
            if case .null = member.value {
                throw DecodingError.valueNotFound(String.self, .init(codingPath: path, debugDescription: ""))
            }
            return (member.key, try string(member.value, path))
        }
    }

    /// A key inside a nested object, for coding paths.
    private struct MemberKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }
}
