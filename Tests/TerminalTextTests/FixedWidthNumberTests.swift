import Foundation
import TerminalText
import TestSupport
import Testing

@Suite("Numbers written by hand as printf writes them")
struct FixedWidthNumberTests {
    @Test("zero-padding agrees with String(format: \"%0*d\") for widths 1 to 6, signs and overflowing widths")
    func paddedAgreesWithFormat() {
        var random = SeededRandom(seed: 7)
        let edges = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, -10, -999, 123_456, Int.max, Int.min + 1]
        let values = edges + (0..<2_000).map { _ in random.int(-100_000..<100_000) }
        for value in values {
            for width in 1...6 {
                #expect(
                    FixedWidthNumber.padded(value, width: width) == String(format: "%0*ld", width, value),
                    "\(value) in \(width)")
            }
        }
    }

    @Test("hexadecimal and octal padding agree with printf's %0*lx, %0*lX and %0*lo")
    func radixAgreesWithFormat() {
        var random = SeededRandom(seed: 9)
        let values =
            [0, 1, 0xF, 0x10, 0xFFFF, 0x1_0000, 0o777, 0o1000] + (0..<1_000).map { _ in random.int(0..<0x1_000_000) }
        for value in values {
            for width in [1, 4, 8] {
                #expect(
                    FixedWidthNumber.padded(value, width: width, radix: 16) == String(format: "%0*lx", width, value))
                #expect(
                    FixedWidthNumber.padded(value, width: width, radix: 16, uppercase: true)
                        == String(format: "%0*lX", width, value))
                #expect(FixedWidthNumber.padded(value, width: width, radix: 8) == String(format: "%0*lo", width, value))
            }
        }
    }
}
