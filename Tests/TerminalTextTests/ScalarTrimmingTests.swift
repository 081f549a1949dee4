import Foundation
import PropertyBased
import Testing

@testable import TerminalText

/// The trimming helper held to Foundation's `trimmingCharacters(in:)`, which it replaces: the same text for the same
/// set, on chosen edge cases and on random Unicode text whose ends are crowded with the sets' members.
@Suite("Trimming scalars as Foundation trims characters")
struct ScalarTrimmingTests {
    /// The sets the code trims with, each beside Foundation's.
    private static let pairs: [(ScalarSet, CharacterSet, String)] = [
        (.whitespaces, .whitespaces, "whitespaces"),
        (.newlines, .newlines, "newlines"),
        (.whitespacesAndNewlines, .whitespacesAndNewlines, "whitespacesAndNewlines"),
        (ScalarSet(["#", " "]), CharacterSet(charactersIn: "# "), "# and space"),
        (
            ScalarSet(where: { $0 == "*" || $0 == "`" || $0.properties.isWhitespace }),
            CharacterSet(charactersIn: "*`").union(CharacterSet(charactersIn: Self.whiteSpaceProperty)), "predicate"
        ),
    ]

    /// Every scalar with the Unicode White_Space property.
    private static let whiteSpaceProperty = String(
        String.UnicodeScalarView((0...0x3000).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)))

    /// Scalars that sit at the edges of the sets: members, near-members and combining marks.
    private static let edgeScalars: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{180E}", "\u{2000}", "\u{200A}",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}",
        "\u{FEFF}", "\u{301}", "\u{20DD}", "\u{FE0F}", "#", "*", "`", "a", "資", "\u{1F600}", "\u{1F1E6}", "\u{E0100}",
    ]

    @Test(
        "the built-in sets hold what Foundation's sets of the same names hold, for every scalar",
        arguments: [0, 1, 2])
    func sameMembers(pair: Int) {
        let (ours, foundations, name) = Self.pairs[pair]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ours.contains(scalar) == foundations.contains(scalar), "\(name): U+\(String(value, radix: 16))")
        }
    }

    @Test(
        "edge cases trim as Foundation trims them",
        arguments: [
            "", " ", "  \t ", "x", " x ", "\t資料庫\u{3000}", " \u{301}x", "x \u{301}", "x \u{301} ", "\r\n x \r\n",
            "\u{85}x\u{2028}", "\u{200B}x\u{200B}", "\u{180E}x\u{180E}", "\u{FEFF}x", " \u{1F600} ", "## Title #",
            "**`sev1`**", "\u{A0}\u{2009}mixed\u{205F}\u{3000}", "\n\n", "a\u{200D}\u{1F600} ",
        ])
    func edgeCases(text: String) {
        for (ours, foundations, name) in Self.pairs {
            #expect(
                text.trimmingScalars(in: ours) == text.trimmingCharacters(in: foundations),
                "\(name): \(text.debugDescription)")
            let slice = Substring(text)
            #expect(slice.trimmingScalars(in: ours) == slice.trimmingCharacters(in: foundations))
        }
    }

    @Test("random Unicode text, its ends crowded with members, trims as Foundation trims it")
    func randomText() async {
        let texts = Generator { random in
            String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.scalar(using: &random) }))
        }
        await propertyCheck(count: 3000, input: texts) { text in
            for (ours, foundations, name) in Self.pairs {
                #expect(
                    text.trimmingScalars(in: ours) == text.trimmingCharacters(in: foundations),
                    "\(name): \(text.debugDescription)")
            }
        }
    }

    @Test("a string with nothing to trim comes back equal, and a string of members only comes back empty")
    func wholeAndEmpty() {
        #expect("runbook".trimmingScalars(in: .whitespaces) == "runbook")
        #expect(" \t\u{3000}\u{200B}".trimmingScalars(in: .whitespaces) == "")
        #expect("\n\r\u{2029}".trimmingScalars(where: { $0.properties.isWhitespace }) == "")
    }

    /// An edge scalar most of the time, otherwise any scalar of any plane.
    private static func scalar(using random: inout some RandomNumberGenerator) -> Unicode.Scalar {
        if Int.random(in: 0..<3, using: &random) > 0 { return edgeScalars.randomElement(using: &random)! }
        while true {
            let value = UInt32.random(in: 0...0x10FFFF, using: &random)
            if let scalar = Unicode.Scalar(value) { return scalar }
        }
    }
}
