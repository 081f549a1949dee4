import Foundation
import TestSupport
import Testing

@testable import IncidentModel

@Suite("Redaction rules", .tags(.slow))
struct RedactorTests {
    /// Text with a secret, and what the journal keeps of it.
    static let secrets: [(String, String)] = [
        (
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----[REDACTED]\n-----END RSA PRIVATE KEY-----"
        ),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk (cut)", "-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]"),
        (
            #"{"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n"}"#,
            #"{"private_key": "-----BEGIN PRIVATE KEY-----[REDACTED]-----END PRIVATE KEY-----\n"}"#
        ),
        (
            "curl -H 'Authorization: Bearer abc.def-123' https://api",
            "curl -H 'Authorization: Bearer [REDACTED]' https://api"
        ),
        ("curl -H \"authorization: Basic dXNlcjpwYXNz\" x", "curl -H \"authorization: Basic [REDACTED]\" x"),
        ("Proxy-Authorization: Digest username=\"a\"", "Proxy-Authorization: Digest [REDACTED]\"a\""),
        ("token is Bearer abcdefghijklmnopqrstuvwxyz", "token is Bearer [REDACTED]"),
        ("psql postgres://app:s3cr3t@db.internal:5432/shop", "psql postgres://app:[REDACTED]@db.internal:5432/shop"),
        ("redis-cli -u redis://default:pa55@cache:6379", "redis-cli -u redis://default:[REDACTED]@cache:6379"),
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "export AWS_ACCESS_KEY_ID=AKIA[REDACTED]"),
        ("session ASIAY34FZKBOKMUTVV7A ok", "session ASIA[REDACTED] ok"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED]"),
        ("AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "AWS_SECRET_ACCESS_KEY=\"[REDACTED]\""),
        (
            "git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x",
            "git clone https://ghp_[REDACTED]@github.com/x"
        ),
        ("GITHUB_PAT github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "GITHUB_PAT github_pat_[REDACTED]"),
        ("SLACK=xoxb-1234567890-abcdefghij", "SLACK=xoxb-[REDACTED]"),
        (
            "cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end",
            "cookie [REDACTED] end"
        ),
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
        ("STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc", "STRIPE_KEY=sk_live_[REDACTED]"),
        ("stripe charges list --api-key rk_test_51H8abcdEFGH12345", "stripe charges list --api-key [REDACTED]"),
        (
            "git clone https://oauth2:glpat-AbCdEfGhIjKlMnOpQrSt@gitlab.com/x",
            "git clone https://oauth2:[REDACTED]@gitlab.com/x"
        ),
        ("GITLAB_TOKEN glpat-AbCdEfGhIjKlMnOpQrSt", "GITLAB_TOKEN glpat-[REDACTED]"),
        ("maps?key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe&q=x", "maps?key=AIza[REDACTED]&q=x"),
        ("redis-cli -u redis://:s3cr3t@cache:6379/0", "redis-cli -u redis://:[REDACTED]@cache:6379/0"),
        (#""SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","#, #""SecretAccessKey": "[REDACTED]","#),
        ("curl -u admin:hunter2 https://grafana/api/health", "curl -u admin:[REDACTED] https://grafana/api/health"),
        ("curl --user 'deploy:p@ss' https://ci", "curl --user 'deploy:[REDACTED]' https://ci"),
        ("  password: hunter2", "  password: [REDACTED]"),
        ("db_password: 'x y'", "db_password: [REDACTED]"),
        ("X-Auth-Token: 7f3c9a1e", "X-Auth-Token: [REDACTED]"),
        ("DB_PASS=hunter2 ./migrate", "DB_PASS=[REDACTED] ./migrate"),
        (#"{"DB_PASS": "hunter2"}"#, #"{"DB_PASS": "[REDACTED]"}"#),
        ("--pass hunter2", "--pass [REDACTED]"),
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
        "NAME                     READY   STATUS    RESTARTS   AGE\napi-7d4b9c-x2k   1/1     Running   0          3d",
        "kubectl get secret db-creds -n shop -o jsonpath='{.data}'",
        "回滾 deployment 後 5xx 降到 0.1%，password 重設頁面正常",
        "https://grafana.internal/d/abc?orgId=1&from=now-1h",
        "password:",
        "password: ",
        "  password: \"\"",
        "docker run -u 1000:1000 alpine id",
        "sort -u names.txt",
        "bypass=true compass=north",
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

    @Test("a rule's keyword is found in a text exactly when Foundation's contains finds it, on thousands of texts")
    func keywordSearchAgreesWithFoundation() {
        let keywords = Set(Redactor.rules.flatMap(\.keywords)).sorted()
        // Pieces of keywords, their neighbours in the alphabet, and multi-byte text, so that near misses abound.
        let pieces =
            keywords + [
                "p", "a", "s", "k", "e", "y", "_", "-", ":", "/", " ", "\n", "中文", "é", "ß", "🔑", "pas", "toke",
            ]
        var random = SeededRandom(seed: 13)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...12, using: &random)
            var text = (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            for keyword in keywords {
                let found = text.withUTF8 { Redactor.holds(Array(keyword.utf8), in: $0) }
                #expect(found == text.contains(keyword), "\(keyword) in \(text.debugDescription)")
            }
        }
    }

    @Test("every rule compiles, is documented, and matches at least one case here")
    func everyRuleCovered() throws {
        #expect(Redactor.rules.count == 17)
        for (index, rule) in Redactor.rules.enumerated() {
            let others = Redactor.rules.enumerated().filter { $0.offset != index }.map(\.element.id)
            #expect(!rule.description.isEmpty, "\(rule.id) is undocumented")
            #expect(!others.contains(rule.id), "duplicate rule id \(rule.id)")
            #expect(!rule.keywords.isEmpty && rule.keywords.allSatisfy { $0 == $0.lowercased() }, "\(rule.id) keywords")
            let expression = try #require(
                try? NSRegularExpression(pattern: rule.pattern), "\(rule.id) does not compile")
            #expect(expression.numberOfCaptureGroups >= rule.secretGroup, "\(rule.id) has no secret group")
            let matched = Self.secrets.contains { input, _ in
                expression.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) != nil
                    && rule.keywords.contains { input.lowercased().contains($0) }
            }
            #expect(matched, "no case here exercises \(rule.id)")
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

    @Test("a pasted PEM key loses every key line and keeps its BEGIN and END markers with the marker between")
    func privateKeyBlock() {
        let keyLines = (0..<25).map { String(repeating: String(UnicodeScalar(UInt8(65 + $0))), count: 64) }
        let text =
            (["note: 新的憑證", "-----BEGIN EC PRIVATE KEY-----"] + keyLines + ["-----END EC PRIVATE KEY-----", "ok"])
            .joined(separator: "\n")
        let redacted = Redactor.redact(text)
        #expect(redacted == "note: 新的憑證\n-----BEGIN EC PRIVATE KEY-----[REDACTED]\n-----END EC PRIVATE KEY-----\nok")
        for line in keyLines { #expect(!redacted.contains(line)) }
    }

    @Test("a key's lines fed one at a time are dropped until its END line, which ends the block")
    func privateKeyLineByLine() {
        var filter = PrivateKeyBlockFilter()
        #expect(filter.filter("x -----BEGIN PRIVATE KEY-----MIIEv") == "x -----BEGIN PRIVATE KEY-----[REDACTED]")
        #expect(filter.filter("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC") == nil)
        #expect(filter.filter("-----BEGIN PRIVATE KEY----- again") == nil)
        #expect(filter.filter("abc-----END PRIVATE KEY----- tail") == "-----END PRIVATE KEY----- tail")
        #expect(filter.filter("after") == "after")
        #expect(!filter.insideBlock)
    }

    @Test(
        "placeholders named like passwords, tokens or secrets are redacted whole in the journal",
        arguments: ["db-pass", "admin_pw", "redis-pwd", "DB_PASSWORD", "api-token", "client_secret", "passphrase"])
    func secretPlaceholder(name: String) {
        let run = CommandRun(
            command: "x", placeholders: [name: "hunter2", "namespace": "shop"], exitCode: 0,
            durationSeconds: 1, outputExcerpt: "")
        guard case .commandRan(let redacted) = Redactor.redact(.commandRan(run)) else {
            Issue.record("kind changed")
            return
        }
        #expect(redacted.placeholders == [name: "[REDACTED]", "namespace": "shop"])
    }

    @Test(
        "placeholders whose names only contain pass or pw inside a word keep their values",
        arguments: ["bypass", "compass-dir", "pwmode", "namespace"])
    func ordinaryPlaceholder(name: String) {
        #expect(!Redactor.looksSecret(name: name))
    }

    @Test("the private key filter keeps no text between lines: its state is one flag, whatever it has seen")
    func privateKeyStateIsBounded() {
        var filter = PrivateKeyBlockFilter()
        _ = filter.filter("-----BEGIN PRIVATE KEY-----")
        for _ in 0..<10_000 { #expect(filter.filter(String(repeating: "A", count: 64)) == nil) }
        #expect(MemoryLayout<PrivateKeyBlockFilter>.size == 1)
    }

    // The limit only ends a runaway pattern (backtracking without bound); redacting takes about 12 s alone, and
    // several times that beside the rest of the suite on two cores.
    @Test(
        "hostile near-misses of every rule, 256 KiB of them on one line and on many lines, redact in bounded time",
        .timeLimit(.minutes(5))
    )
    func hostileInputIsLinear() {
        let nearMisses = [
            "mysql ", "a.b.c://", "password password ", "authorization:", "-----BEGIN PRIVATE KEY-----",
            "-----END PRIVATE KEY-----", "eyJaaaaaaaa.", "curl -u ", "\"token\":\"", "AKIA", "--password ", "x_pw:",
        ]
        for piece in nearMisses {
            let line = String(repeating: piece, count: (1 << 18) / piece.utf8.count)
            let redacted = Redactor.redact(line)
            #expect(redacted.utf8.count <= line.utf8.count + Redactor.marker.utf8.count * 2, "\(piece)")
            let lines = String(repeating: piece + "\n", count: (1 << 18) / (piece.utf8.count + 1))
            #expect(Redactor.redact(lines).utf8.count <= lines.utf8.count * 2, "\(piece)")
        }
    }
}
