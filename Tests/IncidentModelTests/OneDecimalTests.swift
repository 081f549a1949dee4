import Foundation
import TestSupport
import Testing

@testable import IncidentModel

@Suite("Durations written with one decimal as printf writes them")
struct OneDecimalTests {
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
