import Foundation
import TestSupport
import Testing

@testable import IncidentModel

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

    @Test("one decimal agrees with String(format: \"%.1f\"), halves and large values included")
    func oneDecimalAgreesWithFormat() {
        var random = SeededRandom(seed: 8)
        let edges = [0, 0.05, 0.15, 0.25, 0.95, 1.05, 299.95, 300, -0.04, 1e10, 123_456.789, 0.1 + 0.2]
        let values = edges + (0..<2_000).map { _ in Double(random.int(0..<10_000_000)) / 1_000 }
        for value in values {
            #expect(EventWording.oneDecimal(value) == String(format: "%.1f", value), "\(value)")
        }
    }
}
