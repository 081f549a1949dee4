import Foundation
import TestSupport
import Testing

/// Runs the built `respond` binary with `$RESPOND_RUNBOOKS` set to `runbooksVariable` (unset when nil), in
/// `directory` when given, and waits for it.
private func runRespond(
    _ arguments: [String], in directory: String? = nil, runbooksVariable: String? = nil
) throws -> ProcessResult {
    var environment = englishEnvironment()
    environment["RESPOND_RUNBOOKS"] = runbooksVariable
    return try runProcess(PackagePaths.binary, arguments, environment: environment, directory: directory)
}

/// The terminal column where a row's description starts: after the indent, the label, the id and the spaces after
/// each.
private func descriptionColumn(_ row: String) -> Int {
    var rest = Substring(row)
    for _ in 0..<2 {
        rest = rest.drop { $0 == " " }
        rest = rest.drop { $0 != " " }
    }
    rest = rest.drop { $0 == " " }
    return displayColumn(at: rest.startIndex, in: row)
}

@Suite("respond list, show, lint and new", .temporaryFiles, .tags(.slow))
struct CatalogCommandTests {
    @Test("list groups the shipped runbooks by category, with the description column aligned")
    func list() throws {
        let output = try runRespond(["list", "--runbooks", PackagePaths.shippedRunbooks])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Performance 問題")
        #expect(lines.contains("Operational 程序"))
        let rows = lines.filter { $0.hasPrefix("  ") }
        #expect(rows.count == 15)
        #expect(rows.contains { $0.hasPrefix("  procedure  backup-restore") })
        #expect(Set(rows.map(descriptionColumn)).count == 1, "\(output.stdout)")
    }

    @Test("list aligns its columns by display width around wide file names, and shows escape bytes, not obeys them")
    func listWideAndHostile() throws {
        let directory = try freshDirectory()
        let runbook = { (summary: String) in
            "---\nsummary: \"\(summary)\"\nseverity: critical\n---\n\n# Title\n\n## Mitigation\n\n```shell\ndf\n```\n"
        }
        try runbook("寬字元的檔名").write(toFile: directory + "/磁碟已滿.md", atomically: true, encoding: .utf8)
        try runbook("narrow").write(toFile: directory + "/ab.md", atomically: true, encoding: .utf8)
        try runbook("red \\e[31m text").write(toFile: directory + "/escape.md", atomically: true, encoding: .utf8)
        let output = try runRespond(["list", "--runbooks", directory])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = output.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") }
        #expect(rows.count == 3, "\(output.stdout)")
        #expect(Set(rows.map(descriptionColumn)).count == 1, "\(output.stdout)")
        #expect(rows.contains("  P1  escape    red ␛[31m text"), "\(output.stdout)")
        #expect(!output.stdout.contains("\u{1B}"))
    }

    @Test("list --json prints categories, runbooks and emergency contacts")
    func listJSON() throws {
        let output = try runRespond(["list", "--json", "--runbooks", PackagePaths.paymentsRunbooks])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let categories = try #require(object["categories"] as? [[String: Any]])
        #expect(categories.compactMap { $0["name"] as? String } == ["付款問題", "對帳", "Not in the index"])
        let contacts = try #require(object["emergencyContacts"] as? [[String: Any]])
        #expect(contacts.first?["role"] as? String == "金流值班")
    }

    @Test("show prints a runbook found by a unique prefix, with steps and indented code")
    func show() throws {
        let output = try runRespond(["show", "gate", "--runbooks", PackagePaths.paymentsRunbooks])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("付款閘道逾時\n"))
        #expect(output.stdout.contains("▸ 步驟 1：確認閘道延遲"))
        #expect(output.stdout.contains("\n    kubectl logs -n payments deploy/payment-service"))
        #expect(output.stdout.contains("- [ ] 付款成功率回到 99% 以上"))
    }

    @Test("show prints the escape sequences and control characters a runbook file carries escaped, never raw")
    func showSanitizes() throws {
        let directory = try freshDirectory()
        try Data("# Evil\u{1B}]0;owned\u{07}\u{1B}[2J title\n\n## Symptoms\n\n- bell\u{07} here\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/evil.md"))
        let output = try runRespond(["show", "evil", "--runbooks", directory])
        #expect(output.status == 0)
        #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(output.stdout.hasPrefix("Evil␛]0;owned␇␛[2J title\n"))
        #expect(output.stdout.contains("- bell␇ here"))
    }

    @Test("show prints every line of a command hidden behind ESC ] 0 ;, its controls escaped")
    func showHiddenCommand() throws {
        let output = try runRespond(["show", "disk-full", "--runbooks", PackagePaths.hiddenCommandRunbooks])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\n    df -h ␛]0;\n    touch PWNED\n    ␇\n"))
        #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("lint fails a runbook with control characters, naming each one's file and line")
    func lintHiddenCommand() throws {
        let output = try runRespond(["lint", PackagePaths.hiddenCommandRunbooks])
        #expect(output.status != 0)
        let file = PackagePaths.hiddenCommandRunbooks + "/disk-full.md"
        #expect(output.stdout.contains("\(file):22: error: control character U+001B ESC: "))
        #expect(output.stdout.contains("\(file):24: error: control character U+0007 BEL: "))
        #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("an ambiguous or unknown id is one line on stderr and a non-zero exit")
    func showErrors() throws {
        let ambiguous = try runRespond(["show", "rc", "--runbooks", PackagePaths.paymentsRunbooks])
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stdout.isEmpty)
        #expect(ambiguous.stderr.split(separator: "\n").count == 1)
        #expect(ambiguous.stderr.contains("refund-stuck, daily-reconciliation"))
        let unknown = try runRespond(["show", "xyzzy", "--runbooks", PackagePaths.paymentsRunbooks])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no runbook matches \"xyzzy\""))
    }

    @Test("lint of the shipped runbooks exits 0 with a summary line; a warning there can only be a review past due")
    func lintClean() throws {
        let output = try runRespond(["lint", PackagePaths.shippedRunbooks])
        #expect(output.status == 0, "\(output.stdout)")
        // Whether a runbook's review is past due depends on the day the test runs, not on the runbooks' text.
        let warnings = output.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.allSatisfy { $0.contains(": warning: stale: ") }, "\(output.stdout)")
        #expect(output.stdout.hasSuffix("15 files checked: 0 errors, \(warnings.count) warnings\n"), "\(output.stdout)")
    }

    @Test("lint with a temporary directory it cannot write names that directory, not bash, as what stopped a check")
    func lintWithoutTemporaryFiles() throws {
        var environment = englishEnvironment()
        environment["TMPDIR"] = "/nonexistent-respond-tmp"
        let output = try runProcess(
            PackagePaths.binary, ["lint", "--no-cache", PackagePaths.shippedRunbooks], environment: environment)
        // An unchecked block is a warning, as when bash is missing; the warning says what to fix.
        #expect(output.stdout.contains("warning: bash block not checked: "), "\(output.stdout)")
        #expect(output.stdout.contains("no temporary file in /nonexistent-respond-tmp: "), "\(output.stdout)")
    }

    @Test("lint of another team's library prints file:line: severity: message and exits 1")
    func lintErrors() throws {
        let output = try runRespond(["lint", PackagePaths.paymentsRunbooks])
        #expect(output.status == 1)
        #expect(
            output.stdout.contains("\(PackagePaths.paymentsRunbooks)/refund-stuck.md:11: error: Diagnosis has no steps")
        )
        #expect(output.stdout.contains("\(PackagePaths.paymentsRunbooks)/README.md:17: error: index row"))
        #expect(output.stdout.split(separator: "\n").last?.hasPrefix("4 files checked: ") == true)
    }

    @Test("new writes a scaffold that lints without errors, refuses to overwrite, and rejects a bad id")
    func new() throws {
        let directory = try freshDirectory()
        let created = try runRespond([
            "new", "disk-full", "--title", "Disk Full", "--severity", "P1",
            "--category", "Storage", "--runbooks", directory,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("| [Disk Full](disk-full.md) | P1 |"))
        #expect(created.stdout.contains("under ### Storage"))
        let text = try String(contentsOfFile: directory + "/disk-full.md", encoding: .utf8)
        #expect(text.hasPrefix("# Runbook: Disk Full\n"))
        let lint = try runRespond(["lint", directory])
        #expect(!lint.stdout.contains(": error: "), "\(lint.stdout)")
        let again = try runRespond(["new", "disk-full", "--runbooks", directory])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: directory + "/disk-full.md", encoding: .utf8) == text)
        let bad = try runRespond(["new", "Disk_Full", "--runbooks", directory])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("invalid id"))
        let badSeverity = try runRespond(["new", "disk-slow", "--severity", "P9", "--runbooks", directory + "/"])
        #expect(badSeverity.status == 64)
        #expect(
            badSeverity.stderr.hasPrefix("Error: unknown severity \"P9\": use P0, P1, P2 or P3\nUsage: respond new "))
        let slash = try runRespond(["new", "disk-slow", "--runbooks", directory + "/"])
        #expect(slash.stdout.contains("(\(directory)/README.md)"), "\(slash.stdout)")
        #expect(!slash.stdout.contains("//"))
    }

    @Test("a missing runbook directory is a one-line error saying where it looked")
    func missingDirectory() throws {
        let directory = try freshDirectory()
        let output = try runRespond(["list"], in: directory)
        #expect(output.status != 0)
        #expect(output.stderr.contains("looked at --runbooks, $RESPOND_RUNBOOKS and ./runbooks"))
        // An empty $RESPOND_RUNBOOKS is unset, as an empty $RESPOND_HOME is, not a directory named "".
        let empty = try runRespond(["list"], in: directory, runbooksVariable: "")
        #expect(empty.stderr.contains("looked at --runbooks, $RESPOND_RUNBOOKS and ./runbooks"), "\(empty.stderr)")
        let wrong = try runRespond(["list"], in: directory, runbooksVariable: directory + "/nowhere")
        #expect(wrong.stderr.contains("runbook directory \(directory)/nowhere does not exist (from $RESPOND_RUNBOOKS)"))
    }

    @Test("review --all without --plain is a usage error, before the incident is looked up")
    func reviewAllNeedsPlain() throws {
        let output = try runRespond(["review", "no-such-incident", "--all"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--all applies to --plain"), "\(output.stderr)")
    }
}
