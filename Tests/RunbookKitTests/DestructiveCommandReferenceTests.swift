import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import RunbookKit

/// The destructive-command patterns, now matched by `ScalarPattern`, held to Foundation's `NSRegularExpression` (ICU),
/// which matched them before: the same patterns, the same text, on the shipped runbooks' commands and on random
/// command lines of the patterns' words, spaces, separators and awkward Unicode.
@Suite("Destructive commands match as NSRegularExpression matched them")
struct DestructiveCommandReferenceTests {
    /// Every pattern's first match in `text` as NSRegularExpression finds it, turned into string indices as the
    /// code did (a match that starts or ends inside a character is none).
    private static func reference(_ commandLine: String) -> [DestructiveMatch] {
        let text = CommandTemplate(code: commandLine).textWithoutComments.replacingOccurrences(of: "\\\n", with: " ")
        return DestructiveCommand.rules.compactMap { rule in
            guard let expression = try? NSRegularExpression(pattern: rule.pattern, options: [.anchorsMatchLines]),
                let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let matched = Range(found.range, in: text)
            else { return nil }
            return DestructiveMatch(pattern: rule.name, reason: rule.reason, matchedText: String(text[matched]))
        }
    }

    private static let words = [
        "kubectl", "delete", "drain", "scale", "--replicas=0", "--replicas", "0", "'0'", "\"00\"", "DROP", "table",
        "Database", "schema", "truncate", "TRUNCATE", "FROM", "from", "where", "WHERE", "rm", "-rf", "-r", "-R",
        "--recursive", "-f", "-fr", "aws", "ec2", "terminate-instances", "rds", "delete-db-instance",
        "failover-db-cluster", "reboot-db-cluster", "s3", "pg_terminate_backend(", "pg_terminate_backend (",
        "flushall", "FLUSHDB", "helm", "uninstall", "terraform", "destroy", "apply", "-destroy", "dd", "of=/dev/sda",
        "mkfs", "mkfs.ext4", "x", "-", "_", "|", ";", "&", "\n", "\r\n", "\t", " ", "'", "\"", "=", "/", "#", "\\",
        "\\\n", "(", "資料", "é", "\u{301}", "\u{A0}", "\u{2028}", "\u{3000}", "ß", "İ", "ﬂush", "\u{212A}", "ſ",
        "\u{200B}", "\u{200D}", "\u{FE0F}", "\u{0B}", "\u{85}", "٣", "\u{1F600}", "\u{1F1E6}", "\u{93F}", "rm-",
        "xrm", "-rm", "del",
    ]

    @Test("every pattern is read by ScalarPattern")
    func patternsParse() {
        for rule in DestructiveCommand.rules {
            #expect(rule.expression != nil, "\(rule.name)")
        }
    }

    @Test("the shipped runbooks' commands match as before")
    func shippedCommands() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        var checked = 0
        for runbook in catalog.mapRunbooks({ $0 }) {
            for block in runbook.steps.flatMap(\.codeBlocks) {
                #expect(DestructiveCommand.matches(in: block.code) == Self.reference(block.code), "\(block.code)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test(
        "a match that ends or starts inside a character is none, as ICU's range of the string had it",
        arguments: [
            "psql -c 'select pg_terminate_backend(\u{301}1)'", "rm -rf\u{301} /var/tmp/x", "kubectl delete pod x",
        ])
    func matchInsideCharacter(line: String) {
        #expect(DestructiveCommand.matches(in: line) == Self.reference(line), "\(line.debugDescription)")
    }

    @Test("random command lines match as before")
    func randomLines() async {
        let lines = Generator { random in
            (0..<Int.random(in: 1...12, using: &random)).map { _ in
                Self.words.randomElement(using: &random)! + (Bool.random(using: &random) ? " " : "")
            }.joined()
        }
        await propertyCheck(count: 5000, input: lines) { line in
            #expect(DestructiveCommand.matches(in: line) == Self.reference(line), "\(line.debugDescription)")
        }
    }

    @Test("options repeated hundreds of times before -r match as before; thousands are read to the -r as well")
    func longLines() {
        for count in [98, 500, 5000] {
            let line = "rm " + String(repeating: "-v ", count: count) + "-r /data"
            #expect(DestructiveCommand.matches(in: line) == Self.reference(line), "\(count) options")
            #expect(DestructiveCommand.match(in: line)?.pattern == "rm-recursive", "\(count) options")
        }
        let hostile = "rm " + String(repeating: "-v ", count: 50_000) + "/data"
        #expect(DestructiveCommand.matches(in: hostile).isEmpty)
    }
}
