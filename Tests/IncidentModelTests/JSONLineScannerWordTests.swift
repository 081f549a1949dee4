import TestSupport
import Testing

@testable import IncidentModel

@Suite("Scanning a string's text eight bytes at a time")
struct JSONLineScannerWordTests {
    /// What the byte-at-a-time reading stops at inside a string.
    private static func stops(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x5C || byte < 0x20 }

    /// The place of the first byte of `word` (lowest first) that stops the reading, as the marks give it.
    private static func firstMarked(_ word: UInt64) -> Int? {
        let marks = JSONLineScanner.stopBytes(word)
        return marks == 0 ? nil : marks.trailingZeroBitCount / 8
    }

    private static func bytes(of word: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
    }

    private static func word(of bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test("every byte value in every place: the first mark is the first byte that stops the reading, or none")
    func everyByteInEveryPlace() {
        for place in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                for filler in [UInt8(ascii: "a"), 0xE5, 0x00] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    let expected = bytes.firstIndex(where: Self.stops)
                    #expect(Self.firstMarked(Self.word(of: bytes)) == expected, "byte \(byte) at \(place) in \(filler)")
                }
            }
        }
    }

    @Test("over random words, the first mark is the first byte that stops the reading, or none")
    func randomWords() {
        var generator = SeededRandom(seed: 41)
        for _ in 0..<100_000 {
            // Bytes of text, mostly; a stopping byte now and then.
            let bytes = (0..<8).map { _ -> UInt8 in
                let roll = UInt8.random(in: 0...255, using: &generator)
                return roll < 16 ? [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x5B, 0x5D][Int(roll % 8)] : roll | 0x20
            }
            let word = Self.word(of: bytes)
            #expect(Self.firstMarked(word) == bytes.firstIndex(where: Self.stops), "bytes \(bytes)")
        }
    }
}
