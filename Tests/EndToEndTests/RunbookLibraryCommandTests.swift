import Foundation
import TestSupport
import Testing

/// `list`, `show` and `lint` on a library in the alert-runbook convention: nested folders, no index table.
@Suite("respond on a library of nested folders", .temporaryFiles, .tags(.slow))
struct RunbookLibraryCommandTests {
    private func respond(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(PackagePaths.binary, arguments + ["--runbooks", PackagePaths.alertLibrary])
    }

    @Test("list --json keeps its shape: categories from the folders, runbooks with id, title and file")
    func listJSON() throws {
        let output = try respond(["list", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let categories = try #require(object["categories"] as? [[String: Any]])
        #expect(categories.first?["name"] as? String == "etcd")
        let runbooks = categories.flatMap { $0["runbooks"] as? [[String: Any]] ?? [] }
        let crash = try #require(runbooks.first { $0["id"] as? String == "KubePodCrashLooping" })
        #expect(crash["title"] as? String == "Pod is crash looping")
        #expect(crash["file"] as? String == "kubernetes/KubePodCrashLooping.md")
        #expect(runbooks.contains { $0["id"] as? String == "control-plane/KubeAPIDown" })
        #expect(!runbooks.contains { $0["id"] as? String == "KubeDraftAlert" })
    }

    @Test("show finds a runbook by its alias and prints it without its front matter")
    func show() throws {
        let output = try respond(["show", "crashloop"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("Pod is crash looping\n"))
        #expect(output.stdout.contains("kubectl get pods -n $NAMESPACE"))
        #expect(!output.stdout.contains("aliases:"))
        #expect(!output.stdout.contains("$ kubectl"))
    }

    @Test("show prints the steps it derived from a section's numbered list, as the walkthrough walks them")
    func showDerivedSteps() throws {
        let output = try respond(["show", "KubePodCrashLooping"])
        #expect(output.status == 0, "\(output.stderr)")
        let mitigation = try #require(output.stdout.range(of: "Mitigation\n----------\n"))
        let steps = output.stdout[mitigation.upperBound...].split(separator: "\n").filter { $0.hasPrefix("▸ Step") }
        #expect(
            steps == [
                "▸ Step 1: Roll back the last deployment if it started the restarts:",
                "▸ Step 2: Raise the memory limit when the container was OOM killed:",
                "▸ Step 3: Tell the owning team in their channel.",
            ])
        #expect(output.stdout.contains("kubectl rollout undo deployment/<deployment> -n <namespace>"))
    }

    @Test("lint reports a relative link to a file that does not exist by file and line")
    func lintDeadLink() throws {
        let directory = try freshDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/db", withIntermediateDirectories: true)
        let runbook = "# PostgresDown\n\n## Mitigation\n\nFail over as in [the replica runbook](../replica/Lag.md).\n"
        try runbook.write(toFile: directory + "/db/PostgresDown.md", atomically: true, encoding: .utf8)
        let failed = try runProcess(PackagePaths.binary, ["lint", directory])
        #expect(failed.status == 1)
        #expect(
            failed.stdout.contains("db/PostgresDown.md:5: error: link to ../replica/Lag.md: no such file"),
            "\(failed.stdout)")
    }

    @Test("list shows a row's control characters and expands its tabs from the start of the line")
    func listSanitizesRows() throws {
        let directory = try freshDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/team", withIntermediateDirectories: true)
        let runbook = "# Evil\n\nA bell\u{07} rings,\tthen \u{1B}c resets.\n\n## Mitigation\n\nWait.\n"
        try runbook.write(toFile: directory + "/team/Evil.md", atomically: true, encoding: .utf8)
        try "# Calm\n\nAll\tquiet.\n".write(toFile: directory + "/team/Calm.md", atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        environment.removeValue(forKey: "RESPOND_LANG")
        let output = try runProcess(PackagePaths.binary, ["list", "--runbooks", directory], environment: environment)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stdout
                == "team\n  incident  Calm  All   quiet.\n  incident  Evil  A bell␇ rings,    then ␛c resets.\n")
    }

    @Test("start refuses a file that only says its runbook moved, naming where it went, in the user's language")
    func startRefusesMovedStub() throws {
        let home = try freshDirectory()
        var environment = ProcessInfo.processInfo.environment
        for name in ["RESPOND_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: name) }
        environment["RESPOND_HOME"] = home
        environment["RESPOND_ACTOR"] = "tester"
        environment["LANG"] = "C.UTF-8"
        let english = try runProcess(
            PackagePaths.binary, ["start", "OldDiskAlert", "--detach", "--runbooks", PackagePaths.alertLibrary],
            environment: environment)
        #expect(english.status == 1, "\(english.stderr)")
        #expect(
            english.stderr
                == "Error: OldDiskAlert only says its runbook moved to ../storage/VolumeFillingUp.md: start the runbook"
                + " there instead\n")
        #expect(english.stdout.isEmpty)
        environment["LANG"] = "zh_TW.UTF-8"
        let chinese = try runProcess(
            PackagePaths.binary, ["start", "OldDiskAlert", "--detach", "--runbooks", PackagePaths.alertLibrary],
            environment: environment)
        #expect(chinese.status == 1)
        #expect(chinese.stderr.hasPrefix("錯誤：OldDiskAlert 只說明這個 runbook 已搬到 ../storage/VolumeFillingUp.md"))
        let incidents = try FileManager.default.contentsOfDirectory(atPath: home).filter { !$0.hasPrefix(".") }
        #expect(incidents.isEmpty, "\(incidents)")
    }

    @Test("start without --detach refuses a moved stub before taking over the terminal")
    func interactiveStartRefusesMovedStub() throws {
        let home = try freshDirectory()
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) start OldDiskAlert; echo EXITED $?",
            variables: ["RESPOND_HOME": home, "RESPOND_RUNBOOKS": PackagePaths.alertLibrary], directory: home)
        let screen = try session.waitFor("EXITED", joined: true, history: true)
        #expect(screen.contains("Error: OldDiskAlert only says its runbook moved to ../storage/VolumeFillingUp.md"))
        #expect(screen.contains("EXITED 1"))
    }

    @Test("lint passes the library against its own convention and reports a broken block by file and line")
    func lint() throws {
        let clean = try runProcess(PackagePaths.binary, ["lint", PackagePaths.alertLibrary])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let directory = try freshDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/db", withIntermediateDirectories: true)
        let broken = "# PostgresDown\n\n## Mitigation\n\n```shell\npg_ctl restart -D <data dir>\nif true; then\n```\n"
        try broken.write(toFile: directory + "/db/PostgresDown.md", atomically: true, encoding: .utf8)
        let failed = try runProcess(PackagePaths.binary, ["lint", directory])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("db/PostgresDown.md:8: error: shell block does not parse"), "\(failed.stdout)")
        #expect(!failed.stdout.contains("missing sections"))
    }
}
