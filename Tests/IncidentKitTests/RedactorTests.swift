import Foundation
@testable import IncidentKit
import Testing

@Suite("Redaction rules")
struct RedactorTests {
    /// Text with a secret, and what the journal keeps of it.
    static let secrets: [(String, String)] = [
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----",
         "-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk (cut)", "-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]-----END OPENSSH PRIVATE KEY-----"),
        ("curl -H 'Authorization: Bearer abc.def-123' https://api", "curl -H 'Authorization: Bearer [REDACTED]' https://api"),
        ("curl -H \"authorization: Basic dXNlcjpwYXNz\" x", "curl -H \"authorization: Basic [REDACTED]\" x"),
        ("Proxy-Authorization: Digest username=\"a\"", "Proxy-Authorization: Digest [REDACTED]\"a\""),
        ("token is Bearer abcdefghijklmnopqrstuvwxyz", "token is Bearer [REDACTED]"),
        ("psql postgres://app:s3cr3t@db.internal:5432/shop", "psql postgres://app:[REDACTED]@db.internal:5432/shop"),
        ("redis-cli -u redis://default:pa55@cache:6379", "redis-cli -u redis://default:[REDACTED]@cache:6379"),
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "export AWS_ACCESS_KEY_ID=AKIA[REDACTED]"),
        ("session ASIAY34FZKBOKMUTVV7A ok", "session ASIA[REDACTED] ok"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED]"),
        ("AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "AWS_SECRET_ACCESS_KEY=\"[REDACTED]\""),
        ("git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x", "git clone https://ghp_[REDACTED]@github.com/x"),
        ("GITHUB_PAT github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "GITHUB_PAT github_pat_[REDACTED]"),
        ("SLACK=xoxb-1234567890-abcdefghij", "SLACK=xoxb-[REDACTED]"),
        ("cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end",
         "cookie [REDACTED] end"),
        ("{\"db_password\": \"hunter2\", \"user\": \"app\"}", "{\"db_password\": \"[REDACTED]\", \"user\": \"app\"}"),
        ("PGPASSWORD=hunter2 psql -h db", "PGPASSWORD=[REDACTED] psql -h db"),
        ("MYSQL_PWD='x y' mysql", "MYSQL_PWD=[REDACTED] mysql"),
        ("curl 'https://api/v1?user=a&token=abc123&page=2'", "curl 'https://api/v1?user=a&token=[REDACTED]&page=2'"),
        ("api_key=k-123; secret=s3", "api_key=[REDACTED]; secret=[REDACTED]"),
        ("client_secret = \"abc def\"", "client_secret = [REDACTED]"),
        ("password=hunter2", "password=[REDACTED]"),
        ("vault login --token s.abc123", "vault login --token [REDACTED]"),
        ("tool --password='p w' --user a", "tool --password=[REDACTED] --user a"),
        ("mysql -u root -phunter2 shop", "mysql -u root -p[REDACTED] shop"),
        ("mysqldump -h db -p'hunter 2' shop", "mysqldump -h db -p[REDACTED] shop"),
    ]

    /// Text that looks nothing like a secret to a reader, and must stay as it is.
    static let innocent: [String] = [
        "kubectl get pods -n shop",
        "password reset page is slow",
        "the token bucket is full; Authorization failed for 3 users",
        "curl https://api.example.com:8443/health",
        "http://user@host/path",
        "mysql -u root -p shop",
        "mysql -h db -P 3306 -u app",
        "ls -p /tmp",
        "max_tokens=5 sort=asc",
        "OLDPWD=/home/amy PWD=/tmp",
        "AKIA is a prefix; AKIASHORT",
        "eyJ alone is not a token",
        "--password-file /etc/secret.txt",
        "ghp_short",
        "CPU 使用率 > 80%，已通知 L2 DBA",
    ]

    @Test("each rule redacts the secret and keeps the context", arguments: secrets)
    func redacts(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test("innocent text is left alone", arguments: innocent)
    func leavesInnocentText(text: String) {
        #expect(Redactor.redact(text) == text)
    }

    @Test("redacting twice changes nothing more", arguments: secrets)
    func idempotent(input: String, expected: String) {
        #expect(Redactor.redact(Redactor.redact(input)) == expected)
    }

    @Test("every rule compiles, is documented, and matches at least one case here")
    func everyRuleCovered() throws {
        #expect(Redactor.rules.count == 13)
        for (index, rule) in Redactor.rules.enumerated() {
            let others = Redactor.rules.enumerated().filter { $0.offset != index }.map(\.element.name)
            #expect(!rule.summary.isEmpty, "\(rule.name) is undocumented")
            #expect(!others.contains(rule.name), "duplicate rule name \(rule.name)")
            // A pattern that did not compile would be dropped silently by the redactor.
            let expression = try #require(try? NSRegularExpression(pattern: rule.pattern), "\(rule.name) does not compile")
            let matched = Self.secrets.contains { input, _ in
                expression.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) != nil
            }
            #expect(matched, "no case here exercises \(rule.name)")
        }
    }

    @Test("command runs have command, output and secret-named placeholders redacted")
    func commandRun() {
        let run = CommandRun(
            command: "PGPASSWORD=hunter2 psql", placeholders: ["db_password": "plain", "namespace": "shop"],
            exitCode: 0, durationSeconds: 1, outputExcerpt: "Authorization: Bearer abc"
        )
        guard case .commandRan(let redacted) = Redactor.redact(.commandRan(run)) else {
            Issue.record("kind changed")
            return
        }
        #expect(redacted.command == "PGPASSWORD=[REDACTED] psql")
        #expect(redacted.outputExcerpt == "Authorization: Bearer [REDACTED]")
        #expect(redacted.placeholders == ["db_password": "[REDACTED]", "namespace": "shop"])
    }
}
