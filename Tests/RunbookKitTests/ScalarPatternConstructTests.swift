import Foundation
import TestSupport
import Testing

@testable import RunbookKit

/// The constructs the destructive-command patterns brought to `ScalarPattern` (`\w`, `\W`, look-ahead of any
/// pattern, `$`, case-insensitive strings with full case folding, repeated groups without a bound), each held to
/// `NSRegularExpression` (ICU) with `anchorsMatchLines` on generated texts full of near misses.
@Suite("Pattern constructs match as NSRegularExpression matches them")
struct ScalarPatternConstructTests {
    /// Words and scalars on which the constructs decide: line terminators and a CRLF, word scalars of other
    /// scripts, combining and joining scalars, and scalars whose case folding is one or several ASCII letters.
    static let pieces: [String] = [
        "a", "b", "c", "ab", "x", "r", "rm", "-r", "-v", "-", "_", "'", "\"", ";", " ", "  ", "\t", "\n", "\r",
        "\r\n", "\u{0B}", "\u{85}", "\u{2028}", "\u{A0}", "where", "WHERE", "Where", "flush", "FLUSH", "ﬂ", "ﬂush",
        "ﬀ", "ﬃ", "strasse", "STRASSE", "ß", "ẞ", "ﬅ", "ﬆ", "st", "ss", "S", "s", "\u{17F}", "k", "K", "\u{212A}",
        "kelvin", "é", "\u{301}", "\u{200D}", "\u{200B}", "٣", "中", "𝒜", "İ", "0",
    ]

    static let patterns: [String] = [
        #"\w+"#, #"\W+"#, #"[-\w]+"#, #"[^\w\s]+"#, #"a\w*?b"#,
        #"\w+(?=\s|$)"#, #"x(?=['"]?(?:\s|$))"#, #"(?:(?!\bwhere\b)[^;])*;"#, #"(?i)(?:(?!\bwhere\b)\w)+"#,
        #"a(?=b(?!c))"#, #"(?=(ab))a"#, #"(?!a|b)\w"#, #"(?=\w)\W?"#,
        #"\w+$"#, #"(?:;|$)"#, #"$"#, #"a$|b"#,
        #"(?i)flush"#, #"(?i)strasse"#, #"(?i)ss"#, #"(?i)s+"#, #"(?i)kelvin"#, #"(?i)\bfl(?:ush|ux)\b"#,
        #"(?i)st"#, #"(?i)s?t"#, #"(?i)ffi"#, #"(?i)[a-z]ss"#,
        #"(?<![-\w])rm\s+(?:-\S+\s+)*?-r"#, #"(?:ab)+"#, #"(?:ab)*c"#, #"(?:ab)+?"#, #"(?:a|bc)*?c"#,
        #"x(?:ab){0}"#, #"x(?:ab){0,0}c"#, #"(?:ab){0,2}c"#, #"(?:(?:ab){1,2}c)+"#, #"x{0}a"#, #"a{0,0}?b"#,
        #"rm[^\n|;&]*?\bwhere\b"#, #"a[^;\n]*?b"#, #"a[^;]{2,5}?c"#, #"(?i)x[^;]*?(?:st|ss)"#, #"a\w*?$"#,
    ]

    @Test("each construct finds the matches and groups NSRegularExpression finds, on thousands of generated texts")
    func matchesAgree() throws {
        var random = SeededRandom(seed: 314)
        let compiled = try Self.patterns.map { pattern in
            (
                pattern, try ScalarPattern(pattern),
                try NSRegularExpression(pattern: pattern, options: .anchorsMatchLines)
            )
        }
        for _ in 0..<2_000 {
            let text = (0..<random.int(1..<24)).map { _ in random.pick(Self.pieces) }.joined()
            let scalars = text.unicodeScalars.map(\.value)
            for (pattern, expression, reference) in compiled {
                #expect(
                    expression.matches(in: scalars) == icuScalarMatches(reference, in: text),
                    "\(pattern) on \(text.debugDescription)")
                #expect(
                    expression.firstMatch(in: scalars) == icuScalarMatches(reference, in: text).first,
                    "\(pattern) first on \(text.debugDescription)")
            }
        }
    }

    @Test("a case-insensitive string matches scalars that fold to several letters, never half of one")
    func fullCaseFolding() throws {
        let flush = try ScalarPattern(#"(?i)\bflush(?:all|db)\b"#)
        #expect(flush.firstMatch(in: "ﬂushall".unicodeScalars.map(\.value))?.range == 0..<7)
        let strasse = try ScalarPattern(#"(?i)strasse"#)
        #expect(strasse.firstMatch(in: "Straße".unicodeScalars.map(\.value))?.range == 0..<6)
        let half = try ScalarPattern(#"(?i)stras"#)
        #expect(half.firstMatch(in: "straße".unicodeScalars.map(\.value)) == nil)
    }

    @Test("a repeated group that could match nothing is refused when the pattern is read")
    func nullableLoopsRefused() {
        for pattern in [#"(?:a?)*"#, #"(?:a|)+"#, #"(?:\b)*x"#, #"(?:(?=a))+"#, #"(a*){2,3}"#] {
            #expect(throws: ScalarPatternSyntaxError.self, "\(pattern)") { try ScalarPattern(pattern) }
        }
        #expect((try? ScalarPattern(#"(?:a?)?"#)) != nil)
    }
}
