import FoundationEssentials
import RunbookKit

/// Reads the strings and numbers `JSONLineScanner` found, with the rules Foundation's `JSONDecoder` applies when
/// a field is decoded: anything it would refuse throws `JSONLineScanner.Malformed`, which the journal reports as
/// "not valid JSON", as `JSONDecoder` did.
enum JSONLineValues {
    typealias Malformed = JSONLineScanner.Malformed

    /// The text of a string's bytes (between its quotes), escapes resolved; the bytes must be UTF-8 and free of
    /// raw control characters, and a `\u` escape of a high surrogate must be followed by one of a low surrogate.
    static func string(_ range: Range<Int>, simple: Bool, in bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        if simple { return try text(range, in: bytes) }
        var output: String? = ""
        try read(range, simple: simple, in: bytes, into: &output)
        return output ?? ""
    }

    /// Checks a string's bytes as `string` reads them, throwing what it throws, without making the text.
    static func check(_ range: Range<Int>, simple: Bool, in bytes: UnsafeBufferPointer<UInt8>) throws {
        var output: String?
        try read(range, simple: simple, in: bytes, into: &output)
    }

    /// Reads a string's bytes, appending its text to `output` unless that is nil.
    private static func read(
        _ range: Range<Int>, simple: Bool, in bytes: UnsafeBufferPointer<UInt8>, into output: inout String?
    ) throws {
        if simple { return try utf8(range, in: bytes, into: &output) }
        var chunkStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                try utf8(chunkStart..<index, in: bytes, into: &output)
                index = try escape(at: index + 1, end: range.upperBound, in: bytes, into: &output)
                chunkStart = index
            } else {
                guard byte & 0xE0 != 0 else { throw Malformed() }
                index += 1
            }
        }
        try utf8(chunkStart..<index, in: bytes, into: &output)
    }

    private static func utf8(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, into output: inout String?)
        throws
    {
        if output != nil {
            output?.append(try text(range, in: bytes))
            return
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard !slice.contains(where: { $0 >= 0x80 }) || isUTF8(slice) else { throw Malformed() }
    }

    /// The text of bytes that must be UTF-8.
    private static func text(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if !slice.contains(where: { $0 >= 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw Malformed()
        }
        return text
    }

    /// Whether `bytes` are well-formed UTF-8 as `String(validating:as:)` judges them (the Unicode standard's
    /// table of well-formed byte sequences: no overlong form, no surrogate, nothing past U+10FFFF), without
    /// making a string.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < count && range.contains(bytes[index + offset])
        }
        while index < count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F:
                length = 1
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                length = 2
            case 0xE0...0xEF:
                let second: ClosedRange<UInt8> =
                    lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
                guard continuation(1, second), continuation(2) else { return false }
                length = 3
            case 0xF0...0xF4:
                let second: ClosedRange<UInt8> =
                    lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard continuation(1, second), continuation(2), continuation(3) else { return false }
                length = 4
            default:
                return false
            }
            index += length
        }
        return true
    }

    /// Resolves the escape whose letter is at `index`, appending what it stands for to `output` unless that is
    /// nil, and returns where the text continues.
    private static func escape(
        at index: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>, into output: inout String?
    ) throws -> Int {
        switch bytes[index] {
        case UInt8(ascii: "\""): output?.append("\"")
        case UInt8(ascii: "\\"): output?.append("\\")
        case UInt8(ascii: "/"): output?.append("/")
        case UInt8(ascii: "b"): output?.append("\u{08}")
        case UInt8(ascii: "f"): output?.append("\u{0C}")
        case UInt8(ascii: "n"): output?.append("\n")
        case UInt8(ascii: "r"): output?.append("\r")
        case UInt8(ascii: "t"): output?.append("\t")
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: index + 1, in: bytes)
            let next = index + 5
            if UTF16.isLeadSurrogate(unit) {
                guard end - next >= 2, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") else {
                    throw Malformed()
                }
                let trail = try hexUnit(at: next + 2, in: bytes)
                guard UTF16.isTrailSurrogate(trail) else { throw Malformed() }
                output?.unicodeScalars.append(UTF16.decode(UTF16.EncodedScalar([unit, trail])))
                return next + 6
            }
            guard let scalar = Unicode.Scalar(unit) else { throw Malformed() }
            output?.unicodeScalars.append(scalar)
            return next
        default:
            throw Malformed()
        }
        return index + 1
    }

    /// The four hex digits at `index` (the scanner made sure they are there) as one UTF-16 unit.
    private static func hexUnit(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) throws -> UInt16 {
        var unit: UInt16 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = HexDigit.value(byte) else { throw Malformed() }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    // MARK: Numbers

    /// A number as an integer of type `T`: its digits when it is written as a plain integer that fits, else its
    /// value read as a `Double` when that is a whole number that fits (below 2^53 exactly), else its exact decimal
    /// value truncated, as `JSONDecoder` has it.
    static func integer<T: FixedWidthInteger>(
        _ range: Range<Int>, exponent: Bool, in bytes: UnsafeBufferPointer<UInt8>, as type: T.Type = T.self
    ) throws -> T {
        try prevalidate(range, exponent: exponent, in: bytes)
        if let value: T = plainInteger(range, in: bytes) { return value }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let double = Double(text), let value = T(exactly: double) else { throw Malformed() }
        if double.magnitude < 0x1p53 { return value }
        guard let exact = decimalInteger(range, in: bytes, as: T.self) else { throw Malformed() }
        return exact
    }

    /// A number as a `Double`, refused when it overflows or when it rounds to zero but is not written as zero.
    static func double(_ range: Range<Int>, exponent: Bool, in bytes: UnsafeBufferPointer<UInt8>) throws -> Double {
        try prevalidate(range, exponent: exponent, in: bytes)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Malformed() }
        guard value != 0 || isTrueZero(range, in: bytes) else { throw Malformed() }
        return value
    }

    /// JSON's number syntax, as far as `JSONDecoder` checks it before parsing: no leading zero, a digit after
    /// `-`, a digit before the exponent and at the end.
    private static func prevalidate(_ range: Range<Int>, exponent: Bool, in bytes: UnsafeBufferPointer<UInt8>) throws {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func afterLeadingZero(_ index: Int) throws {
            guard index < range.upperBound else { return }
            switch bytes[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return
            default: throw Malformed()
            }
        }
        var firstDigit = range.lowerBound
        switch bytes[firstDigit] {
        case UInt8(ascii: "0"):
            try afterLeadingZero(firstDigit + 1)
        case UInt8(ascii: "-"):
            firstDigit += 1
            guard firstDigit < range.upperBound else { throw Malformed() }
            switch bytes[firstDigit] {
            case UInt8(ascii: "0"): try afterLeadingZero(firstDigit + 1)
            case UInt8(ascii: "1")...UInt8(ascii: "9"): break
            default: throw Malformed()
            }
        default:
            break
        }
        if exponent {
            var index = firstDigit + 1
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                    guard isDigit(bytes[index - 1]) else { throw Malformed() }
                    break
                }
                index += 1
            }
        }
        guard isDigit(bytes[range.upperBound - 1]) else { throw Malformed() }
    }

    /// An optional minus and digits only, when the value fits in `T`.
    private static func plainInteger<T: FixedWidthInteger>(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
        -> T?
    {
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound else { return nil }
        var value: T = 0
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let digit = T(byte - UInt8(ascii: "0"))
            let (next, overflowAdd) =
                negative
                ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowShift, !overflowAdd else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// `JSONDecoder`'s test that a number which parsed as zero is written as zero: no digit 1–9 before an
    /// exponent. It reads four bytes at a time and the last one to three bytes backwards, and so, for a length
    /// not divisible by four, can see a nonzero exponent digit first (`0e5` is refused, `0e05` is not).
    private static func isTrueZero(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func check(_ index: Int) -> Bool? {
            switch bytes[index] {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): return false
            case UInt8(ascii: "e"), UInt8(ascii: "E"): return true
            default: return nil
            }
        }
        var start = range.lowerBound
        while range.upperBound - start >= 4 {
            for offset in 0..<4 { if let result = check(start + offset) { return result } }
            start += 4
        }
        for index in (start..<range.upperBound).reversed() {
            if let result = check(index) { return result }
        }
        return true
    }

    /// The number as `Foundation.Decimal` parses it and `JSONDecoder` then turns it into `T`: the digits
    /// gathered into a 128-bit mantissa (integer digits past its capacity scale the exponent, fraction digits past
    /// it are dropped), trailing zeros moved into the exponent, and the mantissa, which must fit 64 bits, scaled by
    /// the exponent with the fraction truncated; nil when it does not fit.
    private static func decimalInteger<T: FixedWidthInteger>(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, as type: T.Type
    ) -> T? {
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt128 = 0
        var exponent = 0
        var full = false
        var inFraction = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let (shifted, overflowShift) = mantissa.multipliedReportingOverflow(by: 10)
                let (next, overflowAdd) = shifted.addingReportingOverflow(UInt128(byte - UInt8(ascii: "0")))
                if full || overflowShift || overflowAdd {
                    full = true
                    if !inFraction { exponent += 1 }
                } else {
                    mantissa = next
                    if inFraction { exponent -= 1 }
                }
            } else {
                break
            }
            index += 1
        }
        if index < range.upperBound {
            let text = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<range.upperBound]), as: UTF8.self)
            guard let power = Int(text) else { return nil }
            exponent += power
        }
        while mantissa != 0, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard var value = UInt64(exactly: mantissa) else { return nil }
        if exponent < 0 {
            for _ in 0 ..< -exponent { value /= 10 }
        } else {
            for _ in 0..<exponent {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = next
            }
        }
        if negative && !T.isSigned { return nil }
        guard let magnitude = T(exactly: value) else { return nil }
        return negative ? magnitude * -1 : magnitude
    }
}
