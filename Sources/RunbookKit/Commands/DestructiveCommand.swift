/// A destructive pattern found in a command line, and why it is dangerous.
public struct DestructiveMatch: Hashable, Sendable {
    /// The pattern's short name, e.g. `kubectl-delete`.
    public var pattern: String
    /// Why it needs care, for the confirmation, e.g. `kubectl delete removes resources`.
    public var reason: String
    /// The text that matched, as written in the command.
    public var matchedText: String

    /// Creates a match.
    public init(pattern: String, reason: String, matchedText: String) {
        self.pattern = pattern
        self.reason = reason
        self.matchedText = matchedText
    }

    /// Whether running it needs the word `yes` typed out rather than a single key: for P0 and P1 incidents.
    public func requiresTypedConfirmation(severity: Severity) -> Bool {
        severity <= .p1
    }
}

/// Recognises commands that delete, empty, stop or fail over things (`kubectl delete`, `DROP TABLE`,
/// `rm -rf`, `terminate-instances`, scaling to zero …). Pure.
///
/// Comments are not read (`# DROP TABLE x` is a note, not a command); here-document bodies are, since they are
/// what `psql <<EOF` runs. SQL keywords match in any case. Check the command line after its placeholders are
/// filled: `--replicas=<count>` is only known to be zero once it is.
public enum DestructiveCommand {
    struct Rule {
        let name: String
        let reason: String
        /// The pattern as ICU's regular expressions read it with `anchorsMatchLines` (`ScalarPattern` matches it
        /// the same way).
        let pattern: String
        let expression: ScalarPattern?
    }

    /// One command's words, without crossing `|`, `;`, `&` or a line end.
    private static let sameCommand = #"[^\n|;&]*?"#

    static let rules: [Rule] = [
        rule("kubectl-delete", "kubectl delete removes resources", #"\bkubectl\b\#(sameCommand)\sdelete(?![\w-])"#),
        rule(
            "kubectl-drain", "kubectl drain evicts every pod from a node",
            #"\bkubectl\b\#(sameCommand)\sdrain(?![\w-])"#),
        rule(
            "kubectl-scale-to-zero", "scaling to zero replicas stops the workload",
            #"\bkubectl\b\#(sameCommand)\sscale(?![\w-])\#(sameCommand)--replicas(?:=|\s+)['"]?0+(?=['"]?(?:\s|$))"#),
        rule(
            "sql-drop", "DROP removes a table, database or schema and its data",
            #"(?i)\bdrop\s+(?:table|database|schema)\b"#),
        rule("sql-truncate", "TRUNCATE empties a table or file", #"(?i)\btruncate\s"#),
        rule(
            "sql-delete-without-where", "DELETE FROM without WHERE deletes every row",
            #"(?i)\bdelete\s+from\s+(?:(?!\bwhere\b)[^;"'])*(?:[;"']|$)"#),
        rule(
            "rm-recursive", "rm -r deletes whole directory trees",
            #"(?<![-\w])rm\s+(?:-[^\s]+\s+)*?(?:-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)(?![\w-])"#),
        rule(
            "aws-terminate-instances", "terminate-instances destroys EC2 instances",
            #"\baws\b\#(sameCommand)\bec2\b\#(sameCommand)\bterminate-instances\b"#),
        rule(
            "aws-rds-delete", "deleting an RDS instance, cluster or snapshot destroys data",
            #"\baws\b\#(sameCommand)\brds\b\#(sameCommand)\bdelete-db-[a-z-]+"#),
        rule(
            "aws-rds-failover", "an RDS failover or reboot drops every connection",
            #"\baws\b\#(sameCommand)\brds\b\#(sameCommand)\b(?:failover-db-cluster|reboot-db-instance|reboot-db-cluster)\b"#
        ),
        rule(
            "aws-s3-recursive-delete", "aws s3 rm --recursive deletes every object under the prefix",
            #"\baws\b\#(sameCommand)\bs3\s+rm\b\#(sameCommand)--recursive\b"#),
        rule(
            "pg-terminate-backend", "pg_terminate_backend ends database sessions and rolls back their work",
            #"(?i)\bpg_terminate_backend\s*\("#),
        rule("redis-flush", "FLUSHALL / FLUSHDB deletes every key", #"(?i)\bflush(?:all|db)\b"#),
        rule(
            "helm-uninstall", "helm uninstall removes a release and its resources",
            #"\bhelm\b\#(sameCommand)\s(?:uninstall|delete)(?![\w-])"#),
        rule(
            "terraform-destroy", "terraform destroy removes the managed infrastructure",
            #"\bterraform\b\#(sameCommand)\s(?:destroy(?![\w-])|apply\b\#(sameCommand)\s-destroy\b)"#),
        rule("dd-device", "dd onto a device overwrites it", #"\bdd\b\#(sameCommand)\bof=/dev/"#),
        rule("mkfs", "mkfs erases a filesystem", #"\bmkfs(?:\.[a-z0-9]+)?\b"#),
    ]

    private static func rule(_ name: String, _ reason: String, _ pattern: String) -> Rule {
        Rule(name: name, reason: reason, pattern: pattern, expression: try? ScalarPattern(pattern))
    }

    /// The names of every pattern this recognises, for documentation and tests.
    public static var patternNames: [String] { rules.map(\.name) }

    /// Every destructive pattern in the command line, in pattern order, comments left out.
    public static func matches(in commandLine: String) -> [DestructiveMatch] {
        let text = joinedContinuations(CommandTemplate(code: commandLine).textWithoutComments)
        let scalars = text.unicodeScalars.map(\.value)
        let view = text.unicodeScalars
        return rules.compactMap { rule in
            guard let found = rule.expression?.firstMatch(in: scalars)?.range else { return nil }
            // Matches are rare: only theirs are turned into string positions, not every scalar's.
            let start = view.index(view.startIndex, offsetBy: found.lowerBound)
            let end = view.index(start, offsetBy: found.count)
            // A match that starts or ends inside a character is none, as it was when Foundation's match range was
            // turned into a range of the string.
            guard start.samePosition(in: text) != nil, end.samePosition(in: text) != nil else { return nil }
            return DestructiveMatch(pattern: rule.name, reason: rule.reason, matchedText: String(text[start..<end]))
        }
    }

    /// The first destructive pattern in the command line, or nil when it has none.
    public static func match(in commandLine: String) -> DestructiveMatch? {
        matches(in: commandLine).first
    }

    /// Whether running the command line in an incident of `severity` needs the word `yes` typed out.
    public static func requiresTypedConfirmation(_ commandLine: String, severity: Severity) -> Bool {
        match(in: commandLine)?.requiresTypedConfirmation(severity: severity) ?? false
    }

    /// Joins `\`-continued lines so that a command split over lines is read as one.
    private static func joinedContinuations(_ text: String) -> String {
        text.replacing("\\\n", with: " ")
    }
}
