import Foundation
import RunbookKit
import TestSupport
import Testing

@testable import IncidentModel

/// The redaction patterns match as `NSRegularExpression` (ICU) matches them: the same matches and groups, and the
/// same redacted text, over generated texts full of near misses.
@Suite("Redaction patterns against NSRegularExpression", .tags(.slow))
struct ScalarPatternReferenceTests {
    /// Pieces of the rules' keywords and syntax, and scalars on which ICU's `\b`, `\s`, `.` and case folding
    /// decide differently from ASCII: combining marks, format scalars, joiners, non-ASCII white space, line
    /// separators, the Kelvin sign and long s, letters and digits of other scripts, astral scalars.
    static let pieces: [String] = [
        "Authorization", "proxy-", "Bearer ", "basic ", "token", "TOKEN", "Token", "digest", "negotiate", "password",
        "PASSWORD", "passwd", "passphrase", "secret", "Secret", "api_key", "api-key", "apikey", "key", "pass", "pwd",
        "pw", "db", "DB_", "aws_", "secret_access_key", "SecretAccessKey", "AKIA", "ASIA", "ghp_", "github_pat_",
        "glpat-", "xoxb-", "sk_live_", "rk_test_", "AIza", "eyJ", "curl ", "wget ", "http", "-u ", "--user=",
        "--password", "--token ", "--", "mysql ", "mariadb ", " -p", "-P ", "://", "redis://", "@", ":", "=", ";",
        "&", "|", "\"", "'", "\\", "\\\"", "/", "+", ".", "_", "-", "#", ">", "[", " ", "  ", "\t", "\n", "\r\n",
        "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{200B}", "\u{200C}", "\u{200D}",
        "\u{200E}", "\u{FEFF}", "\u{301}", "\u{20DD}", "\u{212A}", "\u{17F}", "é", "中文", "٣", "Ω", "𝒜", "🔑",
        "abcdefghij", "ABCDEFGHIJKLMNOP", "0123456789", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "s3cr3t",
        "-----BEGIN ", "-----END ", "RSA ", "PRIVATE KEY-----",
    ]

    /// A text of `count` pieces, or of single scalars taken from them.
    static func text(_ count: Int, using random: inout SeededRandom) -> String {
        (0..<count).map { _ in
            let piece = random.pick(pieces)
            guard random.chance(1, in: 4), let scalar = piece.unicodeScalars.randomElement(using: &random) else {
                return piece
            }
            return String(scalar)
        }.joined()
    }

    static let patterns =
        Redactor.rules.map { ($0.id, $0.pattern) } + [
            ("private-key-markers", PrivateKeyBlockFilter.markerPattern)
        ]

    @Test("every rule finds the matches and groups NSRegularExpression finds, on thousands of generated texts")
    func matchesAgree() throws {
        var random = SeededRandom(seed: 2026)
        let compiled = try Self.patterns.map { id, pattern in
            (id, try ScalarPattern(pattern), try NSRegularExpression(pattern: pattern))
        }
        for _ in 0..<2_500 {
            let text = Self.text(random.int(1..<40), using: &random)
            let scalars = text.unicodeScalars.map(\.value)
            for (id, pattern, reference) in compiled {
                let found = pattern.matches(in: scalars)
                let expected = icuScalarMatches(reference, in: text)
                #expect(found == expected, "\(id) on \(text.debugDescription)")
            }
        }
    }

    @Test("long values meet the bounds of the repetitions as ICU meets them")
    func boundsAgree() throws {
        var random = SeededRandom(seed: 4096)
        let compiled = try Self.patterns.map { id, pattern in
            (id, try ScalarPattern(pattern), try NSRegularExpression(pattern: pattern))
        }
        let long = ["a", "A", "0", "\\\"", "/", " ", "-", "x.y"]
        for _ in 0..<150 {
            let filler = String(repeating: random.pick(long), count: random.pick([15, 16, 64, 127, 256, 4095, 4097]))
            let text = Self.text(3, using: &random) + filler + Self.text(3, using: &random)
            let scalars = text.unicodeScalars.map(\.value)
            for (id, pattern, reference) in compiled {
                #expect(
                    pattern.matches(in: scalars) == icuScalarMatches(reference, in: text), "\(id) on \(text.prefix(80))"
                )
            }
        }
    }

    @Test("redacting gives the text the NSRegularExpression rules gave, on thousands of generated texts")
    func redactionAgrees() throws {
        var random = SeededRandom(seed: 17)
        let rules = try Redactor.rules.map { ($0, try NSRegularExpression(pattern: $0.pattern)) }
        for _ in 0..<2_000 {
            let text = Self.text(random.int(1..<60), using: &random)
            var expected = text
            for (rule, expression) in rules where rule.keywords.contains(where: expected.lowercased().contains) {
                // Replaced in the UTF-16 code units, not in an NSMutableString: Foundation's rounds a range that
                // ends inside a character (a secret followed by a combining mark) and would keep its last scalar.
                var units = Array(expected.utf16)
                let range = NSRange(location: 0, length: units.count)
                for match in expression.matches(in: expected, range: range).reversed() {
                    let secret = match.range(at: rule.secretGroup)
                    guard secret.location != NSNotFound else { continue }
                    units.replaceSubrange(
                        secret.location..<secret.location + secret.length, with: Array(Redactor.marker.utf16))
                }
                expected = String(decoding: units, as: UTF16.self)
            }
            if !text.contains("PRIVATE KEY-----") {
                #expect(Redactor.redact(text) == expected, "\(text.debugDescription)")
            }
        }
    }
}
