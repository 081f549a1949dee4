import Foundation
import TestSupport
import Testing

/// A responder's whole session, driven through the real binary in tmux: what the screen shows and what lands
/// on disk. Each test has its own tmux server and incident home; they run one at a time to spare the machine.
@Suite("A responder walks a runbook in the terminal", .serialized, .temporaryFiles, .tags(.slow))
struct GuideSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    private var variables: [String: String] { home.variables(actor: "alice") }

    /// Runs `respond ARGS` in a pane and prints its exit status when it ends.
    private func start(_ arguments: String = "", width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) \(arguments); echo EXITED $?",
            variables: variables, width: width, height: height, directory: home.path)
    }

    /// Appends raw text to the only incident's journal, as another program would; returns the journal's path.
    @discardableResult
    private func appendToJournal(_ text: String) throws -> String {
        let journal = try files.onlyIncidentDirectory() + "/timeline.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
        return journal
    }

    /// `respond log last ARGUMENTS` run as a second process on the same incident home.
    private func logFromAnotherTerminal(_ arguments: [String]) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = files.home
        environment["RESPOND_RUNBOOKS"] = PackagePaths.fixtureRunbooks
        let logged = try runProcess(PackagePaths.binary, ["log", "last"] + arguments, environment: environment)
        #expect(logged.status == 0, "\(logged.stderr)")
    }

    /// Starts the guide and opens a new incident from the catalog.
    private func startIncidentFromCatalog() throws -> TmuxSession {
        let session = try start()
        try openIncidentFromCatalog(session)
        return session
    }

    /// From the catalog, filtered by a symptom, into a new incident's walkthrough.
    private func openIncidentFromCatalog(_ session: TmuxSession) throws {
        try session.waitFor("Queue Backlog")
        try session.waitFor("Disk Full")
        try session.sendKeys("/")
        try session.type("kafka")
        try session.waitUntil("the filter leaves only Queue Backlog") {
            $0.contains("Queue Backlog") && !$0.contains("Disk Full")
        }
        try session.sendKeys("Enter")
        try session.waitFor("start an incident")
        try session.sendKeys("Enter")
        try session.waitFor("Diagnosis 0/3")
    }

    @Test("catalog, filter, start, steps done and skipped, a Chinese note, checks, status, resize, export, resume")
    func wholeSession() throws {
        let session = try startIncidentFromCatalog()

        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/3")
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 2/3")
        try session.sendKeys("s")
        try session.waitFor("why skip this step?")
        try session.type("logs 權限不足")
        try session.sendKeys("Enter")
        try session.waitFor("Resolution 0/2 · item 4/8")
        try session.sendKeys("O")
        // The box's last rows are drawn after its title, so wait for the whole list.
        let outline = try session.waitUntil("the outline lists every step") {
            $0.contains("outline: go to") && $0.contains("Verification")
        }
        #expect(outline.contains("Diagnosis ✓ 1."))
        #expect(outline.contains("Diagnosis ✓ 2."))
        #expect(outline.contains("Diagnosis » 3."))
        try session.sendKeys("Escape")
        try session.waitUntil("the outline closes") { !$0.contains("outline: go to") }

        try session.sendKeys("n")
        try session.type("重啟了 payment-worker，lag 開始下降")
        try session.sendKeys("Enter")

        try session.sendKeys("j", "j", "Space", "j", "Space", "j", "Space")
        try session.waitFor("[x] 沒有新的 CommitFailedException")
        let checked = try session.capture()
        #expect(checked.contains("[x] Consumer lag 低於 1000"))
        #expect(checked.contains("[x] 付款通知延遲恢復正常"))

        try session.sendKeys("S")
        try session.waitFor("set status")
        try session.sendKeys("j", "j", "Enter")
        try session.waitUntil("the status bar shows mitigated and saved") {
            $0.contains("mitigated") && $0.contains("saved") && !$0.contains("set status")
        }

        try session.resize(width: 40, height: 12)
        let narrow = try session.waitUntil("the walkthrough is laid out in 40 columns") {
            rows(of: $0).count == 12 && $0.contains("mitigated")
        }
        #expect(!narrow.contains("terminal too small"))
        try session.resize(width: 39, height: 11)
        try session.waitFor("terminal too small")
        try session.resize(width: 80, height: 24)
        let restored = try session.waitFor("Verification 3/")
        #expect(!restored.contains("terminal too small"))

        try session.sendKeys("t")
        try session.waitFor("重啟了 payment-worker，lag 開始下降")
        try session.sendKeys("q")
        try session.waitFor("Verification 3/")

        try session.sendKeys("x")
        try session.waitFor("postmortem draft:")
        try session.sendKeys("q")
        try session.waitFor("matches for \"kafka\"")
        try session.sendKeys("Escape")
        try session.waitFor("Disk Full")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)

        let journal = try files.journal()
        let kinds = journal.compactMap { $0["kind"] as? String }
        #expect(kinds.first == "incident-opened")
        #expect(kinds.filter { $0 == "step-done" }.count == 2)
        #expect(kinds.filter { $0 == "checklist-checked" }.count == 3)
        #expect(kinds.contains("export-written"))
        #expect(journal.allSatisfy { $0["actor"] as? String == "alice" })
        let skipped = try #require(journal.first { $0["kind"] as? String == "step-skipped" })
        #expect(skipped["reason"] as? String == "logs 權限不足")
        let note = try #require(journal.first { $0["kind"] as? String == "note" })
        #expect(note["text"] as? String == "重啟了 payment-worker，lag 開始下降")
        let status = try #require(journal.first { $0["kind"] as? String == "status-changed" })
        #expect(status["status"] as? String == "mitigated")
        let seqs = journal.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...journal.count))

        let postmortem = try String(
            contentsOfFile: try files.onlyIncidentDirectory() + "/postmortem.md", encoding: .utf8)
        #expect(postmortem.contains("Queue Backlog"))
        #expect(postmortem.contains("重啟了 payment-worker，lag 開始下降"))
        #expect(postmortem.contains("logs 權限不足"))

        // 120 columns: the outline sits beside the step and shows every section's progress.
        let resumed = try start("resume", width: 120, height: 30)
        // The whole frame, not its first rows: the status bar is drawn after the outline.
        let screen = try resumed.waitUntil("the outline and the status bar are drawn") {
            $0.contains("Diagnosis 3/3") && $0.contains("mitigated")
        }
        #expect(screen.contains("Verification 3/"))
        #expect(screen.contains("alice"))
        resumed.kill()
        #expect(try files.incidentIDs().count == 1)
    }

    @Test("events another process appends to the incident show up in the open timeline without a key")
    func followsOtherWriters() throws {
        let session = try startIncidentFromCatalog()
        try session.sendKeys("t")
        try session.waitFor("opened")
        try logFromAnotherTerminal(["note", "指揮官：請十分鐘後更新狀態", "--as", "carol"])
        let screen = try session.waitFor("指揮官：請十分鐘後更新狀態")
        #expect(screen.contains("carol"))
        #expect(try files.kinds() == ["incident-opened", "note"])
    }

    @Test("a damaged line another process appends is named on screen, and later events still arrive")
    func damagedLineFromOtherWriter() throws {
        let session = try startIncidentFromCatalog()
        try appendToJournal("this is not an event\n")
        try session.waitFor("journal line 2")
        try logFromAnotherTerminal(["note", "still following", "--as", "carol"])
        try session.sendKeys("t")
        try session.waitFor("still following")
    }

    @Test("an append the journal refuses shows ERROR in the status bar and the guide keeps running")
    func failedAppendIsShown() throws {
        let session = try startIncidentFromCatalog()
        let journal = try appendToJournal("{\"v\":99,\"seq\":2,\"kind\":\"from-the-future\"}\n")

        let linesBefore = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count
        try session.sendKeys("Space")
        try session.waitFor("ERROR")
        // The guide keeps taking keys: j moves to the next item while the error and the unsaved step stay shown.
        try session.sendKeys("j")
        let moved = try session.waitUntil("j moved on with the error still shown") {
            $0.contains("item 3/8") && $0.contains("ERROR")
        }
        #expect(moved.contains("NOT SAVED") || moved.contains("R retries"))
        #expect(try !session.paneDead())
        #expect(try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count == linesBefore)
    }

    @Test("the shipped library: a symptom in Chinese finds the runbook, and its walkthrough opens")
    func shippedLibrary() throws {
        let session = try TmuxSession(
            command: shellQuoted(PackagePaths.binary),
            variables: variables.merging(["RESPOND_RUNBOOKS": PackagePaths.shippedRunbooks]) { $1 },
            directory: home.path)
        try session.waitFor("High CPU Usage")
        try session.sendKeys("/")
        try session.type("記憶體")
        try session.waitUntil("the filter puts High Memory Usage first") { screen in
            screen.split(separator: "\n").first { $0.contains("▸") }?.contains("High Memory Usage") == true
        }
        try session.sendKeys("Enter")
        try session.waitFor("start an incident")
        try session.sendKeys("Enter")
        try session.waitFor("Diagnosis 0/")
        #expect(try files.kinds() == ["incident-opened"])
    }

    @Test("SIGKILL in the middle of a session loses nothing the status bar showed as saved")
    func killedSessionKeepsSavedEvents() throws {
        let session = try TmuxSession(
            command: "exec \(shellQuoted(PackagePaths.binary))", variables: variables, directory: home.path)
        try openIncidentFromCatalog(session)
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/3")
        try session.sendKeys("n")
        try session.type("SIGKILL 前的最後一筆")
        try session.sendKeys("Enter")
        try session.sendKeys("Space")
        try session.waitUntil("the second step shows as done and saved") {
            $0.contains("Diagnosis 2/3") && $0.contains("saved") && !$0.contains("saving")
        }

        #expect(Glibc.kill(try session.panePID(), SIGKILL) == 0)
        try session.waitUntil("the pane's program is dead") { _ in (try? session.paneDead()) == true }

        let journal = try files.journal()
        #expect(journal.compactMap { $0["kind"] as? String }.filter { $0 == "step-done" }.count == 2)
        #expect(journal.contains { $0["text"] as? String == "SIGKILL 前的最後一筆" })

        let resumed = try start("resume")
        try resumed.waitFor("Diagnosis 2/3")
    }

    @Test("SIGTERM ends the guide with status 143 and gives the shell back a sane terminal")
    func terminatedSessionRestoresTerminal() throws {
        let modes = "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '"
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)); echo EXITED $?; echo MODES $(\(modes))",
            variables: variables, directory: home.path)
        try session.waitFor("Queue Backlog")
        let shell = try session.panePID()
        let child = try runProcess("/usr/bin/pgrep", ["-P", "\(shell)"], environment: [:])
        let pid = try #require(Int32(child.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Glibc.kill(pid, SIGTERM) == 0)
        let screen = try session.waitFor("MODES", history: true)
        #expect(screen.contains("EXITED 143"))
        #expect(screen.contains("MODES icanon echo"))
        #expect(!screen.contains("Queue Backlog"))
    }

    @Test("Ctrl-C quits cleanly, keeping the incident open and resumable")
    func controlCQuitsCleanly() throws {
        let session = try startIncidentFromCatalog()
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/3")
        try session.sendKeys("C-c")
        try session.waitFor("EXITED 0", history: true)
        #expect(try files.kinds() == ["incident-opened", "step-done"])
        let resumed = try start("resume")
        try resumed.waitFor("Diagnosis 1/3")
    }

    @Test("Ctrl-Z gives the terminal back to a job-control shell, and fg repaints the whole screen")
    func suspendAndResume() throws {
        let session = try TmuxSession(
            command: "bash -c "
                + shellQuoted(
                    "set -m; \(shellQuoted(PackagePaths.binary)); echo STOPPED $?; fg; echo EXITED $?"),
            variables: variables, directory: home.path)
        try session.waitFor("Queue Backlog")
        try session.sendKeys("C-z")
        try session.sendKeys("j")
        let resumed = try session.waitFor("▸ P2")
        #expect(resumed.contains("respond · runbooks"))
        #expect(resumed.contains("Messaging 問題"))
        #expect(resumed.contains("Queue Backlog"))
        #expect(!resumed.contains("STOPPED"))
        try session.sendKeys("q")
        let shell = try session.waitFor("EXITED 0", history: true)
        #expect(shell.contains("STOPPED 148"))
    }

    @Test("NO_COLOR draws the catalog without color; without it the severity badges are colored")
    func noColor() throws {
        let colored = try TmuxSession(
            command: shellQuoted(PackagePaths.binary), variables: variables, directory: home.path)
        try colored.waitFor("Queue Backlog")
        let styled = try colored.captureWithEscapes()
        #expect(usesColor(styled), "no color in: \(styled.debugDescription)")
        colored.kill()

        let plain = try TmuxSession(
            command: shellQuoted(PackagePaths.binary), variables: variables.merging(["NO_COLOR": "1"]) { $1 },
            directory: home.path)
        try plain.waitFor("Queue Backlog")
        #expect(!usesColor(try plain.captureWithEscapes()))
    }

    /// The captured screen's rows (capture-pane ends every row, the last included, with a newline).
    private func rows(of screen: String) -> [Substring] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast())
    }

    /// Whether any SGR sequence in the captured text sets a foreground or background color other than the
    /// terminal's default.
    private func usesColor(_ styled: String) -> Bool {
        let parts = styled.components(separatedBy: "\u{1B}[").dropFirst()
        return parts.contains { part in
            guard let end = part.firstIndex(of: "m") else { return false }
            return part[..<end].split(separator: ";").contains { parameter in
                guard let code = Int(parameter) else { return false }
                return (30...38).contains(code) || (40...48).contains(code) || (90...97).contains(code)
                    || (100...107).contains(code)
            }
        }
    }
}
