/// The JSON syntax of one journal line, read the way Foundation's `JSONDecoder` reads it, so that the journal
/// accepts exactly the lines it always accepted.
///
/// Like Foundation's scanner it checks the whole document's structure (trailing commas are allowed, nesting stops
/// at 512 levels) but only the shape of strings and numbers: escapes, control characters, UTF-8 and number syntax
/// are checked when a field is read (`JSONLineValues`), so a malformed value that no field reads is accepted.
struct JSONLineScanner {
    /// A value found in the line: where it is, not what it means.
    enum Value {
        /// A string's bytes between its quotes; `simple` when they hold no backslash and no control character.
        case string(Range<Int>, simple: Bool)
        /// A number's bytes; `exponent` when they hold an `e` or `E`.
        case number(Range<Int>, exponent: Bool)
        case bool(Bool)
        case null
        /// An object from its `{` to just past its `}`.
        case object(Range<Int>)
        case array
    }

    /// The line's syntax is not JSON.
    struct Malformed: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        index = start
    }

    /// Scans the whole line as one JSON value followed only by whitespace; for an object, `member` is handed its
    /// members' key ranges and values in order.
    static func document(
        _ bytes: UnsafeBufferPointer<UInt8>, member: (Range<Int>, Value) throws -> Void
    ) throws -> Value {
        var scanner = JSONLineScanner(bytes)
        let value = try scanner.value(reporting: true, member)
        while scanner.index < bytes.count {
            guard isWhitespace(bytes[scanner.index]) else { throw Malformed() }
            scanner.index += 1
        }
        return value
    }

    /// The members of an object that an earlier scan found well-formed, from its `{`.
    static func members(
        of object: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, _ member: (Range<Int>, Value) throws -> Void
    ) throws {
        var scanner = JSONLineScanner(bytes, from: object.lowerBound)
        _ = try scanner.value(reporting: true, member)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The next byte that is not whitespace, without consuming it; nil at the end.
    private mutating func skipWhitespace() -> UInt8? {
        while index < bytes.count {
            let byte = bytes[index]
            if !Self.isWhitespace(byte) { return byte }
            index += 1
        }
        return nil
    }

    private mutating func nonWhitespace() throws -> UInt8 {
        guard let byte = skipWhitespace() else { throw Malformed() }
        return byte
    }

    /// One value; when `reporting`, an object hands `member` its members (not those of objects nested in it).
    private mutating func value(reporting: Bool, _ member: (Range<Int>, Value) throws -> Void) throws -> Value {
        switch try nonWhitespace() {
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "{"):
            return try object(reporting: reporting, member)
        case UInt8(ascii: "["):
            try array(member)
            return .array
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number()
        default:
            throw Malformed()
        }
    }

    private mutating func expect(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw Malformed() }
        let start = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw Malformed() }
        index += count
    }

    /// A string from its opening quote; only its shape is checked: every backslash is followed by a byte, and
    /// `\u` by four bytes that are not a quote.
    private mutating func string() throws -> Value {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Malformed() }
        index += 1
        let start = index
        var simple = true
        while index < bytes.count {
            // Most of a line is the text inside strings: eight bytes at a time, straight to the first quote,
            // backslash or control byte, which the byte at a time below then reads.
            if bytes.count - index >= 8 {
                let stops = Self.stopBytes(Self.word(bytes, at: index))
                if stops == 0 {
                    index += 8
                    continue
                }
                index += stops.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return .string(start..<index - 1, simple: simple)
            }
            if byte == UInt8(ascii: "\\") {
                simple = false
                index += 1
                guard index < bytes.count else { throw Malformed() }
                let escaped = bytes[index]
                index += 1
                if escaped == UInt8(ascii: "u") {
                    guard bytes.count - index >= 4 else { throw Malformed() }
                    for offset in 0..<4 where bytes[index + offset] == UInt8(ascii: "\"") { throw Malformed() }
                    index += 4
                }
                continue
            }
            if byte & 0xE0 == 0 { simple = false }
            index += 1
        }
        throw Malformed()
    }

    /// The eight bytes at `offset`, the first in the lowest bits.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The top bit of each byte of `word` that is a quote, a backslash or below 0x20, as far as the first of them:
    /// a subtraction's borrow can also mark a byte after that first one, never one before it, so the lowest mark is
    /// always the first such byte and no mark means none.
    static func stopBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let quotes = zeroBytes(word ^ (ones &* 0x22))
        let backslashes = zeroBytes(word ^ (ones &* 0x5C))
        let controls = (word &- ones &* 0x20) & ~word & highs
        return quotes | backslashes | controls
    }

    /// A number: its first byte, then every digit, `.`, `+`, `-`, `e` and `E`; the syntax is checked on use.
    private mutating func number() -> Value {
        let start = index
        var exponent = false
        index += 1
        scan: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
                index += 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                exponent = true
                index += 1
            default:
                break scan
            }
        }
        return .number(start..<index, exponent: exponent)
    }

    private mutating func enter() throws {
        guard depth < 512 else { throw Malformed() }
        depth += 1
    }

    private mutating func object(reporting: Bool, _ member: (Range<Int>, Value) throws -> Void) throws -> Value {
        let start = index
        try enter()
        defer { depth -= 1 }
        index += 1
        if try nonWhitespace() == UInt8(ascii: "}") {
            index += 1
            return .object(start..<index)
        }
        while true {
            guard case .string(let key, _) = try string() else { throw Malformed() }
            guard try nonWhitespace() == UInt8(ascii: ":") else { throw Malformed() }
            index += 1
            let value = try value(reporting: false, member)
            if reporting { try member(key, value) }
            switch try nonWhitespace() {
            case UInt8(ascii: ","):
                index += 1
                if try nonWhitespace() == UInt8(ascii: "}") {
                    index += 1
                    return .object(start..<index)
                }
            case UInt8(ascii: "}"):
                index += 1
                return .object(start..<index)
            default:
                throw Malformed()
            }
        }
    }

    private mutating func array(_ member: (Range<Int>, Value) throws -> Void) throws {
        try enter()
        defer { depth -= 1 }
        index += 1
        if try nonWhitespace() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            _ = try value(reporting: false, member)
            switch try nonWhitespace() {
            case UInt8(ascii: "]"):
                index += 1
                return
            case UInt8(ascii: ","):
                index += 1
                if try nonWhitespace() == UInt8(ascii: "]") {
                    index += 1
                    return
                }
            default:
                throw Malformed()
            }
        }
    }
}
