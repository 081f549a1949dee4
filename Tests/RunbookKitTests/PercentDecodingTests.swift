import Foundation
import PropertyBased
import Testing

@testable import RunbookKit

/// Percent-decoding held to Foundation's `removingPercentEncoding`, which it replaces in link targets and alert URLs.
@Suite("Percent-decoding as Foundation decodes")
struct PercentDecodingTests {
    private static let pieces = [
        "%", "%2", "%20", "%2f", "%2F", "%zz", "%e8%b3%87", "%E8%B3", "%ff", "%00", "a", "資", "/", "%25", "%C3%A9",
        "%c3", "%80", "%ED%A0%80", "%F4%90%80%80", "%EF%BB%BF", "\u{FEFF}", "+", " ", "#", "..",
    ]

    @Test(
        "chosen texts decode as Foundation decodes them",
        arguments: [
            "", "plain", "a%20b", "%E8%B3%87%E6%96%99.md", "100%", "%G0", "%EF%BB%BFx", "x%EF%BB%BF", "%F0%9F%98%80",
        ])
    func chosen(text: String) {
        #expect(text.percentDecoded == text.removingPercentEncoding)
        #expect(text[...].percentDecoded == text.removingPercentEncoding)
    }

    @Test("random texts of escapes, bad escapes and UTF-8 pieces decode as Foundation decodes them")
    func random() async {
        let texts = Generator { random in
            (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
        }
        await propertyCheck(count: 5000, input: texts) { text in
            #expect(text.percentDecoded == text.removingPercentEncoding, "\(text.debugDescription)")
        }
    }
}
