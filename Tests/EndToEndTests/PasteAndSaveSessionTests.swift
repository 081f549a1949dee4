import Foundation
import TestSupport
import Testing

/// What reaches the journal when text is pasted, when appends fail and the responder quits, and while another
/// process holds the journal's lock: through the real binary in tmux.
@Suite("Pastes, unsaved events and a locked journal in a real terminal", .serialized, .temporaryFiles, .tags(.slow))
struct PasteAndSaveSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    /// `respond start disk-full` in a pane, its exit status printed when it ends; waits for the walkthrough.
    private func start() throws -> TmuxSession {
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) start disk-full; echo EXITED $?",
            variables: home.variables(actor: "alice"), directory: home.path)
        try session.waitFor("Diagnosis 0/2")
        return session
    }

    private func journalPath() throws -> String {
        try files.onlyIncidentDirectory() + "/timeline.jsonl"
    }

    /// Makes every later append fail for real, whoever runs the tests (root included, whom file modes do not
    /// stop): a line from a newer schema at the end of the journal, after which writers refuse to append.
    private func refuseAppends() throws -> String {
        let journal = try journalPath()
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"v\":99,\"seq\":2,\"kind\":\"from-the-future\"}\n".utf8))
        try handle.close()
        return try String(contentsOfFile: journal, encoding: .utf8)
    }

    /// The rescue files in the incident directory, by path.
    private func rescueFiles() throws -> [String] {
        let directory = try files.onlyIncidentDirectory()
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("timeline.rescue-") && $0.hasSuffix(".jsonl") }.map { directory + "/" + $0 }
    }

    /// Checks the one rescue file: mode 0600, journal lines holding exactly `kinds` by alice.
    private func expectRescued(_ kinds: [String]) throws {
        let rescued = try rescueFiles()
        #expect(rescued.count == 1, "rescue files: \(rescued)")
        let path = try #require(rescued.first)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(lines.compactMap { $0["kind"] as? String } == kinds)
        #expect(lines.allSatisfy { $0["actor"] as? String == "alice" && $0["occurredAt"] is String })
    }

    /// The process id of the pane's `respond` (the shell's child).
    private func guidePID(_ session: TmuxSession) throws -> Int32 {
        let child = try runProcess("/usr/bin/pgrep", ["-P", "\(try session.panePID())"], environment: [:])
        return try #require(Int32(child.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test("three lines of kubectl output pasted into the note prompt are one note, and nothing else is recorded")
    func pastedLinesAreOneNote() throws {
        let session = try start()
        try session.sendKeys("n")
        try session.waitFor("Enter saves")
        let output = """
            NAME                       READY   STATUS             RESTARTS
            payment-api-7d9f-x2x       1/1     Running            0
            notification-worker-5c     0/1     CrashLoopBackOff   12
            """
        try session.paste(output + "\n")
        try session.waitFor("CrashLoopBackOff   12↵")
        try session.sendKeys("Enter")
        try session.waitUntil("the note is saved") { !$0.contains("Enter saves") && $0.contains("saved") }
        try session.sendKeys("t")
        try session.waitFor("notification-worker-5c")
        #expect(try files.kinds() == ["incident-opened", "note"])
        let note = try #require(try files.journal().last)
        #expect(note["text"] as? String == output)
        #expect(note["pinned"] as? Bool == false)
        try session.sendKeys("q", "q", "q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test("a paste where no field is open does nothing but say so")
    func pasteWithoutField() throws {
        let session = try start()
        try session.paste("q\ne\nN\n")
        try session.waitFor("paste ignored")
        #expect(try !session.paneDead())
        #expect(try files.kinds() == ["incident-opened"])
    }

    @Test("q with unsaved events asks; W writes them to a rescue file next to the journal, names it and exits 3")
    func quitWritesRescueFile() throws {
        let session = try start()
        let journal = try refuseAppends()
        try session.sendKeys("Space")
        try session.waitFor("ERROR")
        try session.sendKeys("q")
        try session.waitFor("Queue Backlog")
        try session.sendKeys("q")
        try session.waitFor("quit? 1 event not saved")
        try session.sendKeys("Enter")
        try session.waitFor("type discard and Enter")
        #expect(try !session.paneDead())
        try session.sendKeys("W")
        let screen = try session.waitFor("EXITED 3", joined: true, history: true)
        #expect(screen.contains("were written to \(try files.onlyIncidentDirectory())/timeline.rescue-"))
        try expectRescued(["step-done"])
        #expect(try String(contentsOfFile: try journalPath(), encoding: .utf8) == journal)
    }

    @Test("typing discard and Enter quits without the unsaved events, and writes no rescue file")
    func discardAfterTyping() throws {
        let session = try start()
        _ = try refuseAppends()
        try session.sendKeys("Space")
        try session.waitFor("ERROR")
        try session.sendKeys("q", "q")
        try session.waitFor("quit? 1 event not saved")
        try session.type("discard")
        try session.sendKeys("Enter")
        try session.waitFor("EXITED 0", history: true)
        #expect(try rescueFiles().isEmpty)
    }

    @Test("Ctrl-C with unsaved events writes a rescue file without asking, exits 3; respond log records them again")
    func interruptWritesRescueFile() throws {
        let session = try start()
        let journal = try journalPath()
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        _ = try refuseAppends()
        try session.sendKeys("Space")
        try session.waitFor("ERROR")
        try session.sendKeys("n")
        try session.type("最後一筆")
        try session.sendKeys("Enter")
        try session.waitUntil("the note prompt closed") { !$0.contains("Enter saves") }
        try session.sendKeys("C-c")
        try session.waitFor("EXITED 3", history: true)
        try expectRescued(["step-done", "note"])

        // The procedure docs/journal-format.md gives: fix what refused the appends, then record each event again
        // with respond log at the time it happened.
        try before.write(toFile: journal, atomically: false, encoding: .utf8)
        let rescued = try String(contentsOfFile: try #require(try rescueFiles().first), encoding: .utf8)
            .split(separator: "\n")
            .map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = files.home
        environment["RESPOND_RUNBOOKS"] = PackagePaths.fixtureRunbooks
        let id = (try files.onlyIncidentDirectory() as NSString).lastPathComponent
        let step = try #require(rescued.first)
        let note = try #require(rescued.last)
        for arguments in [
            ["step", "1", "done", "--at", try #require(step["occurredAt"] as? String)],
            ["note", try #require(note["text"] as? String), "--at", try #require(note["occurredAt"] as? String)],
        ] {
            let logged = try runProcess(
                PackagePaths.binary, ["log", id] + arguments + ["--as", "alice"], environment: environment)
            #expect(logged.status == 0, "\(logged.stderr)")
        }
        let recorded = try files.journal()
        #expect(recorded.compactMap { $0["kind"] as? String } == ["incident-opened", "step-done", "note"])
        #expect(recorded.last?["text"] as? String == "最後一筆")
        #expect(recorded.dropFirst().map { $0["occurredAt"] as? String } == rescued.map { $0["occurredAt"] as? String })
    }

    @Test("SIGTERM with unsaved events writes the rescue file before the guide ends with 143")
    func terminateWritesRescueFile() throws {
        let session = try start()
        _ = try refuseAppends()
        try session.sendKeys("Space")
        try session.waitFor("ERROR")
        #expect(Glibc.kill(try guidePID(session), SIGTERM) == 0)
        let screen = try session.waitFor("EXITED 143", joined: true, history: true)
        #expect(screen.contains("timeline.rescue-"))
        try expectRescued(["step-done"])
    }

    @Test("while another process holds the journal's lock the status bar says saving… and keys work; then saved")
    func lockedJournalKeepsKeys() throws {
        let session = try start()
        let journal = try journalPath()
        let holder = try SpawnedGroup(
            script: #"exec flock -o "$JOURNAL" sleep 600"#, environment: ["JOURNAL": journal])
        defer { try? holder.kill() }
        let locked = eventually {
            (try? runProcess("/usr/bin/flock", ["-n", "-E", "9", journal, "true"], environment: [:]))?.status == 9
        }
        try #require(locked, "the lock holder never took the lock")
        try session.sendKeys("Space")
        try session.waitFor("saving…", timeout: 5)
        try session.sendKeys("j")
        let moved = try session.waitFor("item 3/6", timeout: 5)
        #expect(moved.contains("saving…"))
        #expect(try files.kinds() == ["incident-opened"])
        try holder.kill()
        try session.waitUntil("the status bar says saved") { $0.contains("saved") && !$0.contains("saving") }
        #expect(try files.kinds() == ["incident-opened", "step-done"])
    }
}
