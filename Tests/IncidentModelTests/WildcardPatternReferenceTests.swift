import Foundation
import TestSupport
import Testing

@testable import IncidentModel

/// Placeholders as wildcards match exactly what the anchored regular expression built from the same text did.
@Suite("Wildcard patterns against NSRegularExpression")
struct WildcardPatternReferenceTests {
    /// The expression the command matcher built before: the text escaped, each token `.+?`, anchored, dot-all.
    static func reference(_ candidate: String, tokens: [String]) -> NSRegularExpression? {
        let present = tokens.filter { !$0.isEmpty && candidate.contains($0) }
        guard !present.isEmpty else { return nil }
        let alternatives = present.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern)
        guard let tokenPattern = try? NSRegularExpression(pattern: alternatives.joined(separator: "|")) else {
            return nil
        }
        var pattern = "^"
        var cursor = candidate.startIndex
        for match in tokenPattern.matches(in: candidate, range: NSRange(candidate.startIndex..., in: candidate)) {
            guard let found = Range(match.range, in: candidate) else { continue }
            pattern += NSRegularExpression.escapedPattern(for: String(candidate[cursor..<found.lowerBound])) + ".+?"
            cursor = found.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(candidate[cursor...])) + "$"
        return try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }

    static let tokens = ["<ns>", "<pod>", "{{host}}", "$PORT", "<n>", "ab"]
    static let pieces = [
        "kubectl ", "-n ", "get ", "pod", "s", " ", "a", "b", "ab", ".", "*", "(", "?", "é", "e\u{301}", "中", "🔑",
        "\n", "\\",
    ]

    static func text(_ count: Int, from pieces: [String], using random: inout SeededRandom) -> String {
        (0..<count).map { _ in random.pick(pieces) }.joined()
    }

    @Test("match and mismatch agree with the regular expression on thousands of generated texts")
    func agreesWithRegularExpression() {
        var random = SeededRandom(seed: 31)
        for _ in 0..<1_500 {
            let candidate = Self.text(random.int(0..<8), from: Self.pieces + Self.tokens, using: &random)
            let tokens = Array(Self.tokens.shuffled(using: &random).prefix(random.int(1..<4)))
            let pattern = WildcardPattern(candidate, wildcards: tokens)
            let expression = Self.reference(candidate, tokens: tokens)
            #expect((pattern == nil) == (expression == nil), "\(candidate.debugDescription) with \(tokens)")
            guard let pattern, let expression else { continue }
            // Texts made from the candidate's own pieces, so that matches are frequent, and random ones.
            let ownPieces = pattern.pieces.map { String(String.UnicodeScalarView($0)) }.filter { !$0.isEmpty }
            for _ in 0..<20 {
                let text = Self.text(random.int(0..<10), from: ownPieces + Self.pieces, using: &random)
                // The matcher is given whitespace-normalised text, which never ends in a line break; `$` would also
                // match before one.
                guard text.unicodeScalars.last != "\n" else { continue }
                let expected =
                    expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(
                    pattern.matches(Array(text.unicodeScalars)) == expected,
                    "\(candidate.debugDescription) with \(tokens) on \(text.debugDescription)")
            }
        }
    }
}
