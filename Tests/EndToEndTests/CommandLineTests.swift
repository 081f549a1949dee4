import Foundation
import TestSupport
import Testing

/// Runs the built `respond` with none of its variables set, so that only the options on the line say where the
/// runbooks and incidents are and who acts, in `directory` (which has no `runbooks` folder).
private func respondWithoutVariables(_ arguments: [String], in directory: String) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    for name in ["RESPOND_HOME", "RESPOND_RUNBOOKS", "RESPOND_ACTOR"] { environment.removeValue(forKey: name) }
    environment["XDG_STATE_HOME"] = directory + "/state"
    return try runProcess(PackagePaths.binary, arguments, environment: environment, directory: directory)
}

/// Parses `text` as a JSON object.
private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite(
    "The command line: option order, version, typos, exit codes, JSON, standard output", .temporaryFiles, .tags(.slow))
struct CommandLineTests {
    @Test("the shared options work before the subcommand as after it, and no error speaks of guide")
    func optionsAnywhere() throws {
        let home = try makeHome()
        let cwd = try freshDirectory()
        let before = try respondWithoutVariables(["--runbooks", home + "/runbooks", "list"], in: cwd)
        #expect(before.status == 0, "\(before.stderr)")
        let after = try respondWithoutVariables(["list", "--runbooks", home + "/runbooks"], in: cwd)
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("disk-full"))

        let started = try respondWithoutVariables(
            ["--home", home, "--runbooks=" + home + "/runbooks", "--as", "bob", "start", "disk-full", "--detach"],
            in: cwd)
        #expect(started.status == 0, "\(started.stderr)")
        let id = started.stdout.trimmingCharacters(in: .newlines)
        let review = try respondWithoutVariables(["--home", home, "review", "last", "--plain"], in: cwd)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("Incident \(id)"))
        let incidents = try respondWithoutVariables(["--as", "bob", "--home=" + home, "incidents"], in: cwd)
        #expect(incidents.stdout.contains(id), "\(incidents.stderr)")
        let opened = try #require(try fileLines(home + "/incidents/\(id)/timeline.jsonl").first)
        #expect(opened.contains(#""actor":"bob""#))

        for arguments in [["--home", home, "--bogus"], ["--home", home, "list", "--bogus"], ["--as", "bob"]] {
            let failed = try respondWithoutVariables(arguments, in: cwd)
            #expect(failed.status != 0)
            #expect(!failed.stderr.contains("respond guide"), "\(arguments): \(failed.stderr)")
        }
    }

    @Test("--version prints the version and exits 0, alone or after the shared options")
    func version() throws {
        let cwd = try freshDirectory()
        let version = try respondWithoutVariables(["--version"], in: cwd)
        #expect(version.status == 0)
        #expect(
            version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        let afterOptions = try respondWithoutVariables(["--home", cwd, "--version"], in: cwd)
        #expect(afterOptions.status == 0)
        #expect(afterOptions.stdout == version.stdout)
    }

    @Test("a mistyped command is a usage error that suggests the closest command")
    func commandTypos() throws {
        let cwd = try freshDirectory()
        let typo = try respondWithoutVariables(["lsit"], in: cwd)
        #expect(typo.status == 64)
        #expect(typo.stderr == "Error: unknown command \"lsit\"; did you mean list?\n")
        let afterOptions = try respondWithoutVariables(["--home", cwd, "incidnets"], in: cwd)
        #expect(afterOptions.stderr == "Error: unknown command \"incidnets\"; did you mean incidents?\n")
        let hidden = try respondWithoutVariables(["manul"], in: cwd)
        #expect(hidden.stderr == "Error: unknown command \"manul\"; `respond --help` lists the commands\n")
        let nothingClose = try respondWithoutVariables(["volcano"], in: cwd)
        #expect(nothingClose.status == 64)
        #expect(nothingClose.stderr == "Error: unknown command \"volcano\"; `respond --help` lists the commands\n")
    }

    @Test("a mistyped runbook id or incident id lists the closest ones")
    func idTypos() throws {
        let home = try makeHome()
        let runbook = try respond(["show", "dsik-full"], home: home)
        #expect(runbook.status == 1)
        #expect(runbook.stderr == "Error: no runbook matches \"dsik-full\"; did you mean disk-full?\n")
        for id in ["db-outage-1", "db-outage-2", "cache-miss-1"] {
            #expect(try respond(["start", "disk-full", "--detach", "--id", id], home: home).status == 0)
        }
        let incident = try respond(["timeline", "cache-mis-1"], home: home)
        #expect(incident.status == 1)
        #expect(incident.stderr == "Error: no incident matches \"cache-mis-1\"; did you mean cache-miss-1?\n")
    }

    @Test("usage errors exit 64 in every command; a refusal that is not about usage exits 1")
    func exitCodes() throws {
        let home = try makeHome()
        #expect(try respond(["start", "disk-full", "--detach", "--id", "d"], home: home).status == 0)
        let usage: [[String]] = [
            ["start", "disk-full", "--detach", "--severity", "P5"],
            ["new", "disk-slow", "--severity", "P5"],
            ["export", "d", "--format", "pdf"],
            ["log", "d", "status", "bogus"],
            ["log", "d", "severity", "P5"],
            ["log", "d", "milestone", "lunch"],
            ["log", "d", "juggle"],
            ["log", "d", "note", "x", "--at", "25:99"],
            ["review", "d", "--json"],
            ["list", "extra"],
            ["start", "disk-full", "--output-cap", "20X"],
        ]
        for arguments in usage {
            let result = try respond(arguments, home: home)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: "), "\(arguments): \(result.stderr)")
        }
        #expect(try fileLines(home + "/incidents/d/timeline.jsonl").count == 1)
        let notFound = try respond(["timeline", "nope"], home: home)
        #expect(notFound.status == 1)
    }

    @Test("export -o - writes the document to standard output, no file named -, and records the export")
    func exportToStandardOutput() throws {
        let home = try makeHome()
        #expect(try respond(["start", "disk-full", "--detach", "--id", "d"], home: home).status == 0)
        let cwd = try freshDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = home
        environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
        let markdown = try runProcess(
            PackagePaths.binary, ["export", "d", "-o", "-"], environment: environment, directory: cwd)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Postmortem: Disk Full\n"))
        let json = try runProcess(
            PackagePaths.binary, ["export", "d", "--format", "json", "--output", "-"], environment: environment,
            directory: cwd)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try jsonObject(json.stdout)["events"] is [Any])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home + "/incidents/d/-"))
        let lines = try fileLines(home + "/incidents/d/timeline.jsonl")
        #expect(lines.count == 3)
        #expect(lines.last?.contains(#""kind":"export-written""#) == true)
        #expect(lines.last?.contains(#""path":"-""#) == true)
    }

    @Test("show --json prints the parsed runbook with the contract's fields")
    func showJSON() throws {
        let home = try makeHome()
        let result = try respond(["show", "disk", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try jsonObject(result.stdout)
        #expect(object["id"] as? String == "disk-full")
        #expect(object["title"] as? String == "Disk Full")
        #expect(object["kind"] as? String == "incident")
        #expect(object["severity"] as? String == "P1")
        #expect(object["file"] as? String == "disk-full.md")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.first?["kind"] as? String == "symptoms")
        #expect(sections.first?["title"] as? String == "Symptoms")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(
            steps.compactMap { $0["id"] as? String } == ["diagnosis-1", "diagnosis-2", "resolution-1", "resolution-2"])
        #expect(steps.first?["section"] as? String == "diagnosis")
        #expect(steps.first?["title"] as? String == "找出滿的 volume")
        #expect(steps.first?["commands"] as? [String] == ["df -h"])
        #expect(steps.first?["placeholders"] as? [String] == [])
        #expect(
            object["checklist"] as? [String] == ["Disk 使用率 < 80%", "寫入恢復正常", "DiskFull alert 已 resolved"])
    }

    @Test("show --json names a step's placeholders once each")
    func showJSONPlaceholders() throws {
        let home = try makeHome()
        try """
        # Runbook: Pod Restart

        ## Impact

        - **Severity**: P2

        ## Diagnosis

        ### Step 1: Look at the pod

        ```bash
        kubectl describe pod <pod-name> -n $NAMESPACE
        kubectl logs <pod-name>
        ```

        """.write(toFile: home + "/runbooks/pod-restart.md", atomically: true, encoding: .utf8)
        let result = try respond(["show", "pod-restart", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let steps = try #require(try jsonObject(result.stdout)["steps"] as? [[String: Any]])
        #expect(steps.first?["placeholders"] as? [String] == ["pod-name", "NAMESPACE"])
        #expect(
            steps.first?["commands"] as? [String] == [
                "kubectl describe pod <pod-name> -n $NAMESPACE\nkubectl logs <pod-name>"
            ])
    }

    @Test("lint --json prints each diagnostic with file, line, severity and message, and exits 1 on errors")
    func lintJSON() throws {
        let home = try makeHome()
        try "# Runbook: Broken\n\n## Diagnosis\n\n```bash\nif then\n```\n".write(
            toFile: home + "/runbooks/broken.md", atomically: true, encoding: .utf8)
        let result = try respond(["lint", "--json"], home: home)
        #expect(result.status == 1)
        let diagnostics = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            #expect(Set(diagnostic.keys) == ["file", "line", "severity", "message"])
        }
        #expect(
            diagnostics.contains {
                ($0["file"] as? String)?.hasSuffix("broken.md") == true && $0["severity"] as? String == "error"
            })
        let warningsOnly = try respond(["lint", "--json", PackagePaths.fixtureRunbooks], home: home)
        #expect(warningsOnly.status == 0, "\(warningsOnly.stdout)")
        let warnings = try #require(
            try JSONSerialization.jsonObject(with: Data(warningsOnly.stdout.utf8)) as? [[String: Any]])
        #expect(warnings.allSatisfy { $0["severity"] as? String == "warning" })
    }

    @Test("review --plain --json prints the incident as the JSON export and records nothing")
    func reviewJSON() throws {
        let home = try makeHome()
        #expect(try respond(["start", "disk-full", "--detach", "--id", "d"], home: home).status == 0)
        #expect(try respond(["log", "d", "note", "checked df"], home: home).status == 0)
        let result = try respond(["review", "d", "--plain", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try jsonObject(result.stdout)
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.count == 2)
        #expect(try fileLines(home + "/incidents/d/timeline.jsonl").count == 2)
    }

    @Test("log --json prints the event written as its journal line")
    func logJSON() throws {
        let home = try makeHome()
        #expect(try respond(["start", "disk-full", "--detach", "--id", "d"], home: home).status == 0)
        let result = try respond(["log", "d", "note", "disk at 97%", "--pin", "--json"], home: home, actor: "ann")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try jsonObject(result.stdout)
        #expect(object["seq"] as? Int == 2)
        #expect(object["kind"] as? String == "note")
        #expect(object["text"] as? String == "disk at 97%")
        #expect(object["actor"] as? String == "ann")
        #expect(result.stdout == (try fileLines(home + "/incidents/d/timeline.jsonl")[1]) + "\n")
    }

    @Test("docs/respond.1 is the manual page the current commands make")
    func manualPage() throws {
        let cwd = try freshDirectory()
        let generated = try respondWithoutVariables(["manual"], in: cwd)
        #expect(generated.status == 0, "\(generated.stderr)")
        let page = packageRoot.appendingPathComponent("docs/respond.1").path
        let checkedIn = try String(contentsOfFile: page, encoding: .utf8)
        let generatedLines = generated.stdout.components(separatedBy: "\n")
        let checkedInLines = checkedIn.components(separatedBy: "\n")
        let firstDifference =
            zip(generatedLines, checkedInLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(generatedLines.count, checkedInLines.count)
        let upToDate = generated.stdout == checkedIn
        #expect(upToDate, "docs/respond.1 is out of date from line \(firstDifference + 1): run make man")
        for command in ["list", "show", "lint", "new", "start", "log", "incidents", "timeline", "export", "review"] {
            #expect(checkedIn.contains(".SS \"respond \(command)\""))
        }
        #expect(!checkedIn.contains("respond manual"))
    }
}
