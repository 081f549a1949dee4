/// The redaction rules, as data: what the journal redacts and how. docs/journal-format.md lists them.
///
/// Reduced to what responders paste during an incident (cloud keys, service tokens, URLs with credentials,
/// password assignments in env files, YAML, JSON and command-line flags, Authorization headers, JWTs). The
/// token shapes of `stripe-key`, `gitlab-token`, `gcp-api-key`, `github-token`, `slack-token`, `jwt` and the
/// AWS rules are adapted from the rules gitleaks publishes in its `gitleaks.toml` (MIT License,
/// https://github.com/gitleaks/gitleaks). Private key blocks span lines and are handled by
/// `PrivateKeyBlockFilter`, not by a rule here.
///
/// Every repetition is bounded, so that a hostile line costs time in proportion to its length: no rule can
/// scan to the end of a long line from each of its characters.
extension Redactor {
    /// The name part of an assignment whose value is a secret: ending in `password`, `passwd`, `passphrase`,
    /// `secret`, `token`, `api_key`/`apikey`/`api-key`, or in `pass`, `pwd` or `pw` after a separator
    /// (`DB_PASS`, `MYSQL_PWD`, `admin-pw`). A bare `PWD` (the working directory) is not one.
    static let secretName =
        #"(?:[A-Za-z0-9_.-]{0,128}(?:password|passwd|passphrase|secret|token|api[_-]?key)"#
        + #"|[A-Za-z0-9_.-]{0,128}[_.-](?:pass|pwd|pw))"#

    /// The rules other than private key blocks, in the order they are applied.
    static let rules: [RedactionRule] = [
        RedactionRule(
            id: "authorization-header",
            description: "the value of `Authorization:` and `Proxy-Authorization:` headers, keeping the scheme "
                + "(`Bearer`, `Basic`, `Token`, `Digest`, `Negotiate`)",
            keywords: ["authorization"],
            pattern:
                #"(?i)\b(?:proxy-)?authorization\s{0,16}:\s{0,16}(?:(?:bearer|basic|token|digest|negotiate)\s{1,16})?([^\s'"\\][^'"\r\n\\]{0,4096})"#
        ),
        RedactionRule(
            id: "bearer-token",
            description: "a `Bearer` credential outside a header (16 or more token characters after the word `Bearer`)",
            keywords: ["bearer"],
            pattern: #"(?i)\bbearer\s{1,16}([A-Za-z0-9._~+/-]{16,4096}=*)"#
        ),
        RedactionRule(
            id: "url-password",
            description: "the password of `scheme://user:password@host` URLs, the user possibly empty "
                + "(`redis://:password@host`), keeping scheme, user and host",
            keywords: ["://"],
            pattern: #"\b[A-Za-z][A-Za-z0-9+.-]{0,31}://[^\s:/@'"]{0,256}:([^\s@/'"]{1,1024})@"#
        ),
        RedactionRule(
            id: "aws-access-key-id",
            description:
                "AWS access key ids: `AKIA` or `ASIA` followed by 16 upper-case letters or digits, keeping the prefix",
            keywords: ["akia", "asia"],
            pattern: #"\b(?:AKIA|ASIA)([A-Z0-9]{16})\b"#
        ),
        RedactionRule(
            id: "aws-secret-access-key",
            description: "a 40-character base64 value after `aws_secret_access_key`, `secret_access_key`, "
                + "`SecretAccessKey` or `aws_secret_key` and `=` or `:` (any case, quotes allowed, as in env files "
                + "and the JSON of `aws sts`)",
            keywords: ["secret"],
            pattern:
                #"(?i)\b(?:aws_?)?secret_?(?:access_?)?key["']?\s{0,16}[:=]\s{0,16}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"#
        ),
        RedactionRule(
            id: "github-token",
            description: "GitHub tokens: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and `github_pat_` followed by 22 or "
                + "more token characters, keeping the prefix",
            keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
            pattern: #"\b(?:gh[pousr]_|github_pat_)([A-Za-z0-9_]{22,255})"#
        ),
        RedactionRule(
            id: "gitlab-token",
            description:
                "GitLab personal access tokens: `glpat-` followed by 20 or more token characters, keeping the prefix",
            keywords: ["glpat-"],
            pattern: #"\bglpat-([A-Za-z0-9_-]{20,255})"#
        ),
        RedactionRule(
            id: "slack-token",
            description: "Slack tokens `xoxb-…`, `xoxp-…`, `xoxa-…`, `xoxr-…`, `xoxs-…`, keeping the prefix",
            keywords: ["xox"],
            pattern: #"\bxox[bpars]-([A-Za-z0-9-]{10,255})"#
        ),
        RedactionRule(
            id: "stripe-key",
            description: "Stripe secret and restricted keys: `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_`, "
                + "`sk_prod_`, `rk_prod_` followed by 10 or more letters or digits, keeping the prefix",
            keywords: ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"],
            pattern: #"\b[sr]k_(?:live|test|prod)_([A-Za-z0-9]{10,255})"#
        ),
        RedactionRule(
            id: "gcp-api-key",
            description: "Google API keys: `AIza` followed by 35 token characters, keeping the prefix",
            keywords: ["aiza"],
            pattern: #"\bAIza([A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])"#
        ),
        RedactionRule(
            id: "jwt",
            description: "JSON Web Tokens: three base64url parts separated by dots, the first starting with `eyJ`",
            keywords: ["eyj"],
            pattern: #"\b(eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096})"#
        ),
        RedactionRule(
            id: "secret-json-field",
            description: "non-empty JSON string values of keys with a secret name (`\"db_password\": \"…\"`, "
                + "`\"DB_PASS\": \"…\"`)",
            keywords: ["pass", "pw", "secret", "token", "key"],
            pattern: #"(?i)""# + secretName + #""\s{0,16}:\s{0,16}"((?:[^"\\]|\\.){1,4096})""#
        ),
        RedactionRule(
            id: "secret-assignment",
            description: "the value of `NAME=value` whose name is a secret name (`PGPASSWORD=…`, `DB_PASS=…`, "
                + "`MYSQL_PWD=…`, `?token=…`), in commands, env files and query strings; the value runs to "
                + "whitespace, `&`, `;` or a quote, or is a whole quoted string",
            keywords: ["pass", "pw", "secret", "token", "key"],
            pattern: #"(?i)(?<![A-Za-z0-9_.-])"# + secretName
                + #"\s{0,16}=\s{0,16}("[^"]{0,4096}"|'[^']{0,4096}'|[^\s&;'"]{1,4096})"#
        ),
        RedactionRule(
            id: "secret-yaml-field",
            description: "the non-empty value of `name: value` whose name is a secret name, as in YAML, `.env`-like "
                + "listings and HTTP headers (`password: x`, `X-Auth-Token: …`); an empty value is left alone",
            keywords: ["pass", "pw", "secret", "token", "key"],
            pattern: #"(?i)(?<![A-Za-z0-9_.-])"# + secretName
                + ##"[ \t]{0,16}:[ \t]{1,16}("[^"\r\n]{1,4096}"|'[^'\r\n]{1,4096}'|[^\s'"#|>][^\s]{0,4096})"##
        ),
        RedactionRule(
            id: "secret-option",
            description: "the argument of `--password`, `--passwd`, `--pass`, `--token`, `--secret`, `--api-key`, "
                + "`--client-secret` given as `--password VALUE` or `--password=VALUE`",
            keywords: ["--"],
            pattern:
                #"(?i)--(?:password|passwd|pass|token|secret|api-key|client-secret)(?:=|\s{1,16})("[^"]{0,4096}"|'[^']{0,4096}'|[^\s'"-][^\s'"]{0,4096})"#
        ),
        RedactionRule(
            id: "basic-auth-option",
            description: "the password of `-u user:password` and `--user user:password` on `curl`, `wget` and "
                + "`http` command lines, keeping the user",
            keywords: ["curl", "wget", "http"],
            pattern:
                #"(?i)\b(?:curl|wget|http)\b[^\n|;&]{0,256}?(?<!\S)(?:-u|--user)(?:=|\s{0,16})["']?[^\s:'"]{1,256}:([^\s'"]{1,4096})"#
        ),
        RedactionRule(
            id: "mysql-short-password",
            description: "the password glued to `-p` in `mysql`, `mysqldump`, `mysqladmin`, `mariadb` command lines "
                + "(`-psecret`, `-p'secret'`); a bare `-p` (prompt) and `-P 3306` are left alone",
            keywords: ["mysql", "mariadb"],
            pattern:
                #"\b(?:mysql|mysqldump|mysqladmin|mysqlcheck|mysqlimport|mariadb|mariadb-dump)\b[^\n|;&]{0,256}?\s-p('[^']{0,4096}'|"[^"]{0,4096}"|[^\s'"\[]\S{0,4096})"#
        ),
    ]
}
