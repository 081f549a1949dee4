import Foundation

/// One rule of the redactor: what it looks for and what it leaves in place of the secret.
struct RedactionRule: Sendable {
    /// A short name for the rule, as docs/journal-format.md lists it.
    let name: String
    /// What the rule redacts, in one sentence.
    let summary: String
    /// The regular expression (ICU syntax, as `NSRegularExpression` reads it) that finds the secret.
    let pattern: String
    fileprivate let template: String
}

/// Removes values that look like secrets from text before it reaches the journal. Pure: text in, text out.
///
/// Every rule keeps enough around the secret (header name, key name, URL user, token prefix) for the record to
/// stay readable, and replaces the secret itself with `Redactor.marker`. Redacting twice changes nothing.
public enum Redactor {
    /// What stands in place of a removed secret.
    public static let marker = "[REDACTED]"

    /// The rules, in the order they are applied.
    static let rules: [RedactionRule] = [
        RedactionRule(
            name: "private-key-block",
            summary: "PEM private key blocks, from `-----BEGIN … PRIVATE KEY-----` to the matching END line "
                + "(or to the end of the text when the END line was cut off)",
            pattern: #"-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\z)"#,
            template: "-----BEGIN $1PRIVATE KEY-----[REDACTED]-----END $1PRIVATE KEY-----"
        ),
        RedactionRule(
            name: "authorization-header",
            summary: "the value of `Authorization:` and `Proxy-Authorization:` headers, keeping the scheme "
                + "(`Bearer`, `Basic`, `Token`, `Digest`, `Negotiate`)",
            pattern: #"(?i)\b((?:proxy-)?authorization\s*:\s*(?:(?:bearer|basic|token|digest|negotiate)\s+)?)[^\s'"\\][^'"\r\n\\]*"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "bearer-token",
            summary: "a `Bearer` credential outside a header (16 or more token characters after the word `Bearer`)",
            pattern: #"(?i)\b(bearer\s+)[A-Za-z0-9._~+/-]{16,}=*"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "url-password",
            summary: "the password of `scheme://user:password@host` URLs, keeping scheme, user and host",
            pattern: #"\b([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@'"]+:)[^\s@/'"]+(@)"#,
            template: "$1[REDACTED]$2"
        ),
        RedactionRule(
            name: "aws-access-key-id",
            summary: "AWS access key ids: `AKIA` or `ASIA` followed by 16 upper-case letters or digits, keeping the prefix",
            pattern: #"\b(AKIA|ASIA)[A-Z0-9]{16}\b"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "aws-secret-access-key",
            summary: "a 40-character base64 value after `aws_secret_access_key`, `aws_secret_key` or "
                + "`secret_access_key` and `=` or `:` (any case, quotes allowed)",
            pattern: #"(?i)\b((?:aws_)?secret_(?:access_)?key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "github-token",
            summary: "GitHub tokens: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` followed by 36 or more letters or digits, "
                + "and `github_pat_…`, keeping the prefix",
            pattern: #"\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{22,}"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "slack-token",
            summary: "Slack tokens `xoxb-…`, `xoxp-…`, `xoxa-…`, `xoxr-…`, `xoxs-…`, keeping the prefix",
            pattern: #"\b(xox[bpars]-)[A-Za-z0-9-]{10,}"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "jwt",
            summary: "JSON Web Tokens: three base64url parts separated by dots, the first starting with `eyJ`",
            pattern: #"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#,
            template: "[REDACTED]"
        ),
        RedactionRule(
            name: "secret-json-field",
            summary: "JSON string values of keys ending in `password`, `passwd`, `secret`, `token`, `api_key`, "
                + "`apikey` (e.g. `\"db_password\": \"…\"`)",
            pattern: #"(?i)("[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key)"\s*:\s*)"(?:[^"\\]|\\.)*""#,
            template: "$1\"[REDACTED]\""
        ),
        RedactionRule(
            name: "secret-assignment",
            summary: "the value of `NAME=value` assignments in commands, env files and query strings whose name ends "
                + "in `password`, `passwd`, `secret`, `token`, `api_key`, `apikey` or is `MYSQL_PWD` (e.g. "
                + "`PGPASSWORD=…`, `?token=…`, `client_secret=…`); the value runs to whitespace, `&`, `;` or a "
                + "closing quote, or is a whole quoted string",
            pattern: #"(?i)(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key)|mysql_pwd)(\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s&;'"]+)"#,
            template: "$1$2[REDACTED]"
        ),
        RedactionRule(
            name: "secret-option",
            summary: "the argument of `--password`, `--passwd`, `--token`, `--secret`, `--api-key`, "
                + "`--client-secret` given as `--password VALUE` or `--password=VALUE`",
            pattern: #"(?i)(--(?:password|passwd|token|secret|api-key|client-secret)(?:=|\s+))(?:"[^"]*"|'[^']*'|[^\s'"-][^\s'"]*)"#,
            template: "$1[REDACTED]"
        ),
        RedactionRule(
            name: "mysql-short-password",
            summary: "the password glued to `-p` in `mysql`, `mysqldump`, `mysqladmin`, `mariadb` command lines "
                + "(`-psecret`, `-p'secret'`); a bare `-p` (prompt) and `-P 3306` are left alone",
            pattern: #"(\b(?:mysql|mysqldump|mysqladmin|mysqlcheck|mysqlimport|mariadb|mariadb-dump)\b[^\n|;&]*?\s-p)(?:'[^']*'|"[^"]*"|[^\s'"\[]\S*)"#,
            template: "$1[REDACTED]"
        ),
    ]

    private static let compiled: [(NSRegularExpression, String)] = rules.compactMap { rule in
        (try? NSRegularExpression(pattern: rule.pattern)).map { ($0, rule.template) }
    }

    /// The text with every secret the rules recognise replaced by `marker`.
    public static func redact(_ text: String) -> String {
        var result = text
        for (expression, template) in compiled {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }

    /// The event kind with its free text redacted: command lines, output excerpts, placeholder values, notes,
    /// feedback, reasons, escalation targets.
    public static func redact(_ kind: EventKind) -> EventKind {
        switch kind {
        case .note(let text, let pinned, let commander):
            return .note(text: redact(text), pinned: pinned, commander: commander)
        case .commandCopied(let command, let step):
            return .commandCopied(command: redact(command), step: step)
        case .commandRan(var run):
            run.command = redact(run.command)
            run.outputExcerpt = redact(run.outputExcerpt)
            run.placeholders = run.placeholders.reduce(into: [:]) { values, entry in
                values[entry.key] = looksSecret(name: entry.key) ? marker : redact(entry.value)
            }
            return .commandRan(run)
        case .stepSkipped(let step, let reason):
            return .stepSkipped(step, reason: redact(reason))
        case .runbookFeedback(let runbook, let step, let text):
            return .runbookFeedback(runbook: runbook, step: step, text: redact(text))
        case .escalated(let to):
            return .escalated(to: redact(to))
        case .incidentOpened, .runbookSwitched, .stepDone, .checklistChecked, .checklistUnchecked, .statusChanged,
            .severityChanged, .roleAssigned, .milestone, .pinChanged, .exportWritten, .incidentClosed, .reopened:
            return kind
        }
    }

    /// Whether a placeholder's name says its value is a credential (`password`, `token`, `DB_SECRET` …).
    public static func looksSecret(name: String) -> Bool {
        let lowered = name.lowercased()
        return ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "credential"]
            .contains { lowered.contains($0) }
    }
}
