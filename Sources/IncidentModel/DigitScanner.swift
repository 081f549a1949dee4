/// Reads fixed-width numbers and single characters from ASCII text: the journal's times (`JournalTime`) and the
/// times a responder types (`TypedTime`).
struct DigitScanner<Bytes: RandomAccessCollection<UInt8>> {
    private let bytes: Bytes
    private var index: Bytes.Index

    init(_ bytes: Bytes) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    /// Exactly `digits` decimal digits, as a number of the type asked for.
    mutating func number<Number: FixedWidthInteger>(digits: Int, as type: Number.Type) -> Number? {
        guard bytes.distance(from: index, to: bytes.endIndex) >= digits else { return nil }
        let end = bytes.index(index, offsetBy: digits)
        var value: Number = 0
        for byte in bytes[index..<end] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Number(byte - 0x30)
        }
        index = end
        return value
    }

    /// A decimal fraction of one or more digits, as whole milliseconds (truncated past three digits).
    mutating func fraction() -> Int? {
        var count = 0
        var millis = 0
        while index != bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if count < 3 { millis = millis * 10 + Int(bytes[index] - 0x30) }
            count += 1
            bytes.formIndex(after: &index)
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { millis *= 10 }
        return millis
    }

    mutating func skip(_ ascii: Unicode.Scalar) -> Bool {
        guard index != bytes.endIndex, bytes[index] == UInt8(ascii: ascii) else { return false }
        bytes.formIndex(after: &index)
        return true
    }

    /// `+` as 1, `-` as -1, nil for anything else.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
