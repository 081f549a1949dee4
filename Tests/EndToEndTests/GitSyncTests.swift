import Foundation
import TestSupport
import Testing

/// Incidents homes on several machines, each a clone of one bare git repository, kept in step by `respond sync`.
/// Each "machine" is a home with its own `RESPOND_WRITER`; the repository is real, and so is every `git` run.
@Suite("Homes syncing through git", .temporaryFiles, .tags(.slow))
struct GitSyncTests {
    /// A bare repository and `names.count` homes cloned from it, each with the fixture runbooks (which are never
    /// committed).
    private func team(_ names: [String]) throws -> (remote: String, homes: [String: String]) {
        let base = try freshDirectory()
        let remote = base + "/incidents.git"
        try #require(try git(["init", "--quiet", "--bare", "--initial-branch=main", remote], in: base).status == 0)
        var homes: [String: String] = [:]
        for name in names {
            let home = base + "/" + name
            try #require(try git(["clone", "--quiet", remote, home], in: base).status == 0)
            try FileManager.default.createDirectory(atPath: home + "/runbooks", withIntermediateDirectories: true)
            try fixtureIndex.write(toFile: home + "/runbooks/README.md", atomically: true, encoding: .utf8)
            try fixtureRunbook.write(toFile: home + "/runbooks/disk-full.md", atomically: true, encoding: .utf8)
            homes[name] = home
        }
        return (remote, homes)
    }

    /// `git ARGUMENTS` in `directory`, with no configuration of the user's.
    private func git(_ arguments: [String], in directory: String) throws -> ProcessResult {
        var environment = englishEnvironment()
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        return try runProcess("/usr/bin/env", ["git", "-C", directory] + arguments, environment: environment)
    }

    /// The environment of `respond` on the machine whose home is `home` and whose writer id is `writer`.
    private func machine(_ home: String, writer: String) -> [String: String] {
        var environment = englishEnvironment()
        environment["RESPOND_HOME"] = home
        environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
        environment["RESPOND_ACTOR"] = writer + "-responder"
        environment["RESPOND_WRITER"] = writer
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        return environment
    }

    /// `respond ARGUMENTS` on that machine.
    private func respond(_ arguments: [String], _ home: String, writer: String) throws -> ProcessResult {
        try runProcess(PackagePaths.binary, arguments, environment: machine(home, writer: writer))
    }

    /// The journal lines of every file of the incident, as `respond timeline --json` prints them, parsed.
    private func journalLines(_ id: String, _ home: String, writer: String) throws -> [[String: Any]] {
        let printed = try respond(["timeline", id, "--json"], home, writer: writer)
        try #require(printed.status == 0, "\(printed.stderr)")
        return try printed.stdout.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test("two homes appending at once from several processes, syncing in between, end with every event once")
    func concurrentAppendsConverge() throws {
        let (_, homes) = try team(["alpha", "beta"])
        let alpha = try #require(homes["alpha"])
        let beta = try #require(homes["beta"])
        let opened = try respond(["start", "disk-full", "--detach", "--id", "shared"], alpha, writer: "alpha")
        try #require(opened.status == 0, "\(opened.stderr)")
        for (home, writer) in [(alpha, "alpha"), (beta, "beta")] {
            let synced = try respond(["sync"], home, writer: writer)
            try #require(synced.status == 0, "\(writer): \(synced.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: beta + "/incidents/shared/timeline.jsonl"))

        let perProcess = 15
        var running: [(String, RunningProcess)] = []
        for (home, writer) in [(alpha, "alpha"), (beta, "beta")] {
            var environment = machine(home, writer: writer)
            environment["RESPOND_BIN"] = PackagePaths.binary
            for process in 1...3 {
                environment["PREFIX"] = "\(writer)-\(process)"
                environment["COUNT"] = String(perProcess)
                running.append(
                    (
                        "\(writer) appender \(process)",
                        try RunningProcess(
                            "/bin/sh",
                            [
                                "-c",
                                #"for i in $(seq "$COUNT"); do "$RESPOND_BIN" log shared note "$PREFIX-$i" >/dev/null || exit 1; done"#,
                            ], environment: environment)
                    ))
            }
            running.append(
                (
                    "\(writer) syncs",
                    try RunningProcess(
                        "/bin/sh", ["-c", #"for i in 1 2 3 4; do "$RESPOND_BIN" sync || exit 1; done"#],
                        environment: environment)
                ))
        }
        for (name, process) in running {
            let result = try process.finish()
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        for (home, writer) in [(alpha, "alpha"), (beta, "beta"), (alpha, "alpha")] {
            let synced = try respond(["sync"], home, writer: writer)
            #expect(synced.status == 0, "\(writer): \(synced.stderr)")
        }

        let expected = Set(
            ["alpha", "beta"].flatMap { writer in
                (1...3).flatMap { process in (1...perProcess).map { "\(writer)-\(process)-\($0)" } }
            })
        for (home, writer) in [(alpha, "alpha"), (beta, "beta")] {
            let notes = try journalLines("shared", home, writer: writer).compactMap { $0["text"] as? String }
            #expect(notes.count == expected.count, "\(writer) holds \(notes.count) notes")
            #expect(Set(notes) == expected, "\(writer) misses \(expected.subtracting(notes).sorted().prefix(5))")
            let status = try git(["status", "--porcelain"], in: home)
            #expect(!status.stdout.contains("UU ") && !status.stdout.contains("AA "), "\(status.stdout)")
            #expect(!FileManager.default.fileExists(atPath: home + "/.git/MERGE_HEAD"))
        }
        let timelines = try [(alpha, "alpha"), (beta, "beta")].map { home, writer in
            try respond(["timeline", "shared"], home, writer: writer).stdout
        }
        #expect(timelines[0] == timelines[1])
        let summaries = try [(alpha, "alpha"), (beta, "beta")].map { home, writer in
            try respond(["incidents", "--all", "--json"], home, writer: writer).stdout
                .replacingOccurrences(of: home.replacingOccurrences(of: "/", with: "\\/"), with: "HOME")
        }
        #expect(summaries[0] == summaries[1])
        #expect(FileManager.default.fileExists(atPath: alpha + "/incidents/shared/timeline@beta.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: alpha + "/incidents/shared/timeline@alpha.jsonl"))
    }

    @Test("a push the remote refuses is fetched, merged and pushed again")
    func rejectedPushIsRetried() throws {
        let (remote, homes) = try team(["alpha"])
        let alpha = try #require(homes["alpha"])
        // The remote refuses the first push it is sent, as when another machine's push got there first.
        let hook = remote + "/hooks/pre-receive"
        try #"""
        #!/bin/sh
        if [ ! -e "$GIT_DIR/refused-once" ]; then touch "$GIT_DIR/refused-once"; echo "busy" >&2; exit 1; fi
        exit 0
        """#.write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        #expect(try respond(["start", "disk-full", "--detach", "--id", "retry"], alpha, writer: "alpha").status == 0)
        let synced = try respond(["sync"], alpha, writer: "alpha")
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("refused 1 push"), "\(synced.stdout)")
        let pushed = try git(["--git-dir", remote, "ls-tree", "-r", "--name-only", "main"], in: alpha)
        #expect(pushed.stdout.contains("incidents/retry/timeline.jsonl"), "\(pushed.stdout) \(pushed.stderr)")
    }

    @Test("a remote that cannot be reached is said, with exit status 69, and nothing recorded is lost")
    func unreachableRemote() throws {
        let (_, homes) = try team(["alpha"])
        let alpha = try #require(homes["alpha"])
        #expect(try respond(["start", "disk-full", "--detach", "--id", "offline"], alpha, writer: "alpha").status == 0)
        #expect(try git(["remote", "set-url", "origin", alpha + "/../gone.git"], in: alpha).status == 0)
        let synced = try respond(["sync"], alpha, writer: "alpha")
        #expect(synced.status == 69)
        #expect(synced.stderr.contains("cannot reach the remote origin"), "\(synced.stderr)")
        #expect(try respond(["log", "offline", "note", "still here"], alpha, writer: "alpha").status == 0)
    }

    @Test("a home that is not a git work tree, or has no remote, is said with exit status 78")
    func notSetUp() throws {
        let plain = try makeHome()
        let notTree = try respond(["sync"], plain, writer: "alpha")
        #expect(notTree.status == 78)
        #expect(notTree.stderr.contains("is not a git work tree"), "\(notTree.stderr)")
        #expect(try git(["init", "--quiet"], in: plain).status == 0)
        let noRemote = try respond(["sync"], plain, writer: "alpha")
        #expect(noRemote.status == 78)
        #expect(noRemote.stderr.contains("has no git remote"), "\(noRemote.stderr)")
    }

    @Test("a machine without git is told to install it, exit status 78, and nothing recorded is lost")
    func gitNotInstalled() throws {
        let (_, homes) = try team(["alpha"])
        let alpha = try #require(homes["alpha"])
        #expect(try respond(["start", "disk-full", "--detach", "--id", "nogit"], alpha, writer: "alpha").status == 0)
        var environment = machine(alpha, writer: "alpha")
        environment["PATH"] = try freshDirectory()
        let synced = try runProcess(PackagePaths.binary, ["sync"], environment: environment)
        #expect(synced.status == 78)
        #expect(synced.stderr.contains("git is not installed here"), "\(synced.stderr)")
        #expect(try respond(["log", "nogit", "note", "still here"], alpha, writer: "alpha").status == 0)
    }

    @Test("a home whose git configuration names hooks, a monitor or remote programs syncs without running them")
    func configuredCommandsDoNotRun() throws {
        let (_, homes) = try team(["alpha"])
        let alpha = try #require(homes["alpha"])
        let marker = try freshDirectory() + "/ran"
        let script = alpha + "/../hostile.sh"
        try "#!/bin/sh\ntouch \(shellQuoted(marker))\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let hooks = alpha + "/.git/hooks"
        for hook in ["post-commit", "pre-push", "post-merge", "reference-transaction", "pre-auto-gc"] {
            try FileManager.default.copyItem(atPath: script, toPath: hooks + "/" + hook)
        }
        for (key, value) in [
            ("core.fsmonitor", script), ("remote.origin.uploadpack", "\(script); git-upload-pack"),
            ("remote.origin.receivepack", "\(script); git-receive-pack"),
        ] {
            #expect(try git(["config", key, value], in: alpha).status == 0)
        }
        #expect(try respond(["start", "disk-full", "--detach", "--id", "hostile"], alpha, writer: "alpha").status == 0)
        let synced = try respond(["sync"], alpha, writer: "alpha")
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("a home whose git configuration names a merge driver, a filter or an include is refused, exit status 78")
    func driversInConfigAreRefused() throws {
        let (_, homes) = try team(["alpha"])
        let alpha = try #require(homes["alpha"])
        #expect(try respond(["start", "disk-full", "--detach", "--id", "drivers"], alpha, writer: "alpha").status == 0)
        for (key, value) in [("merge.union2.driver", "touch ran"), ("filter.x.smudge", "cat"), ("include.path", "x")] {
            #expect(try git(["config", key, value], in: alpha).status == 0)
            let synced = try respond(["sync"], alpha, writer: "alpha")
            #expect(synced.status == 78)
            #expect(synced.stderr.contains(key) && synced.stderr.contains("config --unset"), "\(synced.stderr)")
            #expect(try git(["config", "--unset", key], in: alpha).status == 0)
        }
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
    }

    @Test("the same incident opened on two machines stops the sync with the work tree as it was")
    func conflictLeavesTheTreeAsItWas() throws {
        let (_, homes) = try team(["alpha", "beta"])
        let alpha = try #require(homes["alpha"])
        let beta = try #require(homes["beta"])
        #expect(try respond(["start", "disk-full", "--detach", "--id", "twice"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["start", "disk-full", "--detach", "--id", "twice"], beta, writer: "beta").status == 0)
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
        let journal = beta + "/incidents/twice/timeline.jsonl"
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        let synced = try respond(["sync"], beta, writer: "beta")
        #expect(synced.status == 1)
        #expect(synced.stderr.contains("was undone"), "\(synced.stderr)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: beta + "/.git/MERGE_HEAD"))
        let status = try git(["status", "--porcelain"], in: beta)
        #expect(!status.stdout.contains("AA "), "\(status.stdout)")
        #expect(try respond(["log", "twice", "note", "still writable"], beta, writer: "beta").status == 0)
    }

    @Test("p in the review on another machine's event pins that event, in the timeline, the export and on sync")
    func pinAnotherMachinesEvent() throws {
        let (_, homes) = try team(["alpha", "beta"])
        let alpha = try #require(homes["alpha"])
        let beta = try #require(homes["beta"])
        #expect(try respond(["start", "disk-full", "--detach", "--id", "pins"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["sync"], beta, writer: "beta").status == 0)
        #expect(try respond(["log", "pins", "note", "seen from beta"], beta, writer: "beta").status == 0)
        #expect(try respond(["sync"], beta, writer: "beta").status == 0)
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
        let review = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) review pins --sync 0; echo EXITED $?",
            variables: machine(alpha, writer: "alpha"), width: 120, directory: try freshDirectory())
        try review.waitFor("#1@beta")
        try review.sendKeys("p")
        try review.waitFor("#1@beta pinned")
        try review.sendKeys("q")
        try review.waitFor("EXITED 0", history: true)
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["sync"], beta, writer: "beta").status == 0)
        for (home, writer) in [(alpha, "alpha"), (beta, "beta")] {
            let timeline = try respond(["timeline", "pins"], home, writer: writer)
            let lines = timeline.stdout.split(separator: "\n")
            let pinned = lines.filter { $0.contains("pinned") && !$0.contains("pinned #") }
            #expect(pinned.count == 1 && pinned[0].hasPrefix("#1@beta "), "\(timeline.stdout)")
        }
        let export = try respond(["export", "pins", "--format", "json", "-o", "-"], beta, writer: "beta")
        let document = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        let pins = try #require(summary["pinned"] as? [[String: Any]])
        #expect(pins.map { "\($0["seq"] ?? "")@\($0["writer"] ?? "")" } == ["1@beta"], "\(summary)")
        #expect(summary["pinnedSeqs"] as? [Int] == [])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.filter { $0["writer"] as? String == "beta" }.count == 1)
        #expect(events.contains { $0["kind"] as? String == "pin-changed" && $0["eventWriter"] as? String == "beta" })
    }

    @Test("a review on another machine shows what the responder recorded after a background sync, and a failed sync")
    func reviewFollowsAnotherMachine() throws {
        let (_, homes) = try team(["alpha", "beta"])
        let alpha = try #require(homes["alpha"])
        let beta = try #require(homes["beta"])
        #expect(try respond(["start", "disk-full", "--detach", "--id", "live"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["sync"], beta, writer: "beta").status == 0)
        let review = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) review live --sync 1; echo EXITED $?",
            variables: machine(beta, writer: "beta"), width: 120, directory: try freshDirectory())
        try review.waitFor("REVIEW")
        #expect(try respond(["log", "live", "note", "db-2 disk at 91%"], alpha, writer: "alpha").status == 0)
        #expect(try respond(["sync"], alpha, writer: "alpha").status == 0)
        try review.waitFor("db-2 disk at 91%", timeout: 30)
        #expect(try git(["remote", "set-url", "origin", beta + "/../gone.git"], in: beta).status == 0)
        try review.waitFor("remote unreachable — retrying", timeout: 30)
    }
}
