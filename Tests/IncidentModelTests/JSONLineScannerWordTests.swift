import Testing

@testable import IncidentModel

@Suite("Scanning a string's text eight bytes at a time")
struct JSONLineScannerWordTests {
    /// What the byte-at-a-time reading stops at inside a string.
    private static func stops(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x5C || byte < 0x20 }

    @Test("a word is passed over only when none of its bytes is a quote, a backslash or a control byte")
    func everyByteInEveryPlace() {
        for place in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[place] = byte
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                #expect(JSONLineScanner.mayEndOrEscape(word) == Self.stops(byte), "byte \(byte) at \(place)")
            }
        }
    }

    @Test("over random words, the word's answer is whether any of its bytes stops the reading")
    func randomWords() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            let word = generator.next() as UInt64
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
            #expect(JSONLineScanner.mayEndOrEscape(word) == bytes.contains(where: Self.stops), "word \(word)")
        }
    }
}
