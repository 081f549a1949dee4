import Foundation
import TestSupport
import Testing

/// Running a runbook's commands from the walkthrough, through the real binary in tmux: what the output pane
/// shows, what the journal records, the output file and the postmortem. The fixture runbook `service-check`
/// has a harmless command with a placeholder, one that runs for 30 seconds, and a no-run block.
@Suite("A responder runs a runbook's commands from the guide", .serialized, .temporaryFiles, .tags(.slow))
struct CommandRunTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    /// `respond start service-check ARGS` in a pane, working in the test's directory; prints its exit status.
    private func start(_ arguments: String = "", variables extra: [String: String] = [:]) throws -> TmuxSession {
        let variables = home.variables(actor: "alice").merging(extra) { $1 }
        let session = try TmuxSession(
            command:
                "cd \(shellQuoted(home.path)) && \(shellQuoted(PackagePaths.binary)) start service-check \(arguments); echo EXITED $?",
            variables: variables, directory: home.path)
        try session.waitFor("Space done · s skip · y copy · R run")
        return session
    }

    /// The journal's `command-ran` events.
    private func commandsRan() throws -> [[String: Any]] {
        try files.journal().filter { $0["kind"] as? String == "command-ran" }
    }

    /// Leaves the guide from the walkthrough and waits for the program to exit.
    private func quit(_ session: TmuxSession) throws {
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    /// Moves to the 30-second command and runs it, confirming at the prompt.
    private func runLongCommand(_ session: TmuxSession) throws {
        try session.sendKeys("j", "R")
        try session.waitFor("run this command?")
        try session.sendKeys("Enter")
    }

    @Test("a command with a placeholder runs once confirmed: output in the pane, the event, the file, the postmortem")
    func harmlessCommand() throws {
        let session = try start()
        try session.sendKeys("R")
        try session.waitFor("value for <service-name> (1/1)")
        try session.type("payments-api")
        try session.sendKeys("Enter")
        try session.waitFor("run this command?")
        #expect(try session.capture().contains("$ echo \"checking payments-api\""))
        try session.sendKeys("Enter")
        let pane = try session.waitUntil("the pane shows the output and the exit") {
            $0.contains("exit 0") && $0.contains("saved")
        }
        #expect(pane.contains("checking payments-api"))
        #expect(pane.contains("commands/"))

        let event = try #require(try commandsRan().first)
        #expect(event["command"] as? String == "echo \"checking payments-api\"")
        #expect(event["placeholders"] as? [String: String] == ["service-name": "payments-api"])
        #expect(event["exitCode"] as? Int == 0)
        #expect(event["step"] as? String == "diagnosis-1")
        #expect(event["outputExcerpt"] as? String == "+ echo \"checking payments-api\"\nchecking payments-api")
        #expect(event["outputBytes"] as? Int == 22)
        #expect(event["outputDroppedBytes"] == nil)
        let outputFile = try #require(event["outputFile"] as? String)
        #expect(outputFile.hasPrefix("commands/") && outputFile.hasSuffix("Z-service-check-diagnosis-1.log"))
        let output = try String(contentsOfFile: try files.onlyIncidentDirectory() + "/" + outputFile, encoding: .utf8)
        #expect(output == "+ echo \"checking payments-api\"\nchecking payments-api\n")

        try session.sendKeys("q")
        try session.waitFor("Space done · s skip · y copy · R run")
        try session.sendKeys("x")
        try session.waitFor("postmortem draft:")
        let postmortem = try String(
            contentsOfFile: try files.onlyIncidentDirectory() + "/postmortem.md", encoding: .utf8)
        let actions = try #require(postmortem.components(separatedBy: "## Actions taken").last)
        #expect(actions.contains("`echo \"checking payments-api\"` — exit 0 in"))
        // The link is relative to the postmortem, which sits in the incident directory beside `commands/`.
        #expect(actions.contains("[output](<\(outputFile)>)"))

        // The value typed is the default the next time the placeholder is asked for.
        try session.sendKeys("j", "j")
        try session.waitFor("▶ [1/2] bash · no-run")
        try session.sendKeys("Tab")
        try session.waitFor("▶ [2/2] bash")
        try session.sendKeys("R")
        try session.waitFor("value for <service-name> (1/1)")
        #expect(try session.capture().contains("│ payments-api"))
        try session.sendKeys("Escape")
        try session.waitFor("not run")
        try quit(session)
    }

    @Test("Ctrl-C in the pane stops a long command, not the guide, and records it as cancelled")
    func cancelLongCommand() throws {
        let session = try start()
        try runLongCommand(session)
        try session.waitFor("watching")
        try session.waitFor("Ctrl-C stops")
        try session.sendKeys("C-c")
        let pane = try session.waitFor("cancelled ·", timeout: 15)
        #expect(!pane.contains("\n done watching"))
        try session.waitUntil("the event is saved") { $0.contains("saved") }
        #expect(try !session.paneDead())

        let event = try #require(try commandsRan().first)
        #expect(event["stoppedBecause"] as? String == "cancelled")
        #expect(event["exitCode"] == nil)
        #expect((event["durationSeconds"] as? Double ?? 30) < 30)
        try session.sendKeys("q")
        try session.waitFor("Space done · s skip · y copy · R run")
        try quit(session)
    }

    @Test("quitting while a command runs asks first, then stops it and records it before the guide exits")
    func quitWhileRunning() throws {
        let session = try start()
        try runLongCommand(session)
        try session.waitFor("Ctrl-C stops")
        try session.sendKeys("q")
        try session.waitFor("the command keeps running")
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("a command is still running")
        try session.sendKeys("n")
        try session.waitUntil("the question is gone") { !$0.contains("a command is still running") }
        #expect(try !session.paneDead())
        try session.sendKeys("q")
        try session.waitFor("a command is still running")
        try session.sendKeys("y")
        try session.waitFor("EXITED 0", timeout: 15, history: true)
        let event = try #require(try commandsRan().first)
        #expect(event["stoppedBecause"] as? String == "cancelled")
    }

    @Test("SIGTERM to the guide while a command runs stops the command and still records it")
    func terminatedWhileRunning() throws {
        let session = try start()
        try runLongCommand(session)
        try session.waitFor("Ctrl-C stops")
        let shell = try session.panePID()
        let child = try runProcess("/usr/bin/pgrep", ["-P", "\(shell)"], environment: [:])
        let pid = try #require(Int32(child.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Glibc.kill(pid, SIGTERM) == 0)
        try session.waitFor("EXITED 143", timeout: 15, history: true)
        let event = try #require(try commandsRan().first)
        #expect(event["stoppedBecause"] as? String == "cancelled")
    }

    @Test("--command-timeout stops a command that runs too long and records it as timed out")
    func timeout() throws {
        let session = try start("--command-timeout 1")
        try runLongCommand(session)
        try session.waitFor("timed out ·", timeout: 15)
        try session.waitUntil("the event is saved") { $0.contains("saved") }
        let event = try #require(try commandsRan().first)
        #expect(event["stoppedBecause"] as? String == "timed out")
        #expect(event["outputExcerpt"] as? String == "+ echo \"watching\"\nwatching\n+ sleep 30")
        try session.sendKeys("q")
        try quit(session)
    }

    @Test("--no-exec refuses to run any block, says so, and records nothing; copying still works")
    func noExec() throws {
        let session = try start("--no-exec")
        try session.sendKeys("R")
        try session.waitFor("running commands is disabled (--no-exec); copy it with y instead")
        #expect(try !session.capture().contains("value for"))
        try session.sendKeys("y")
        try session.waitUntil("the copy is recorded") { $0.contains("saved") && !$0.contains("disabled") }
        try quit(session)
        let kinds = try files.kinds()
        #expect(!kinds.contains("command-ran"))
        #expect(kinds.contains("command-copied"))
        let directory = try files.onlyIncidentDirectory()
        #expect(!FileManager.default.fileExists(atPath: directory + "/commands"))
    }

    @Test("RESPOND_NO_EXEC=1 refuses the same way")
    func noExecEnvironment() throws {
        let session = try start(variables: ["RESPOND_NO_EXEC": "1"])
        try session.sendKeys("R")
        try session.waitFor("running commands is disabled (RESPOND_NO_EXEC=1); copy it with y instead")
        try quit(session)
        #expect(try !files.kinds().contains("command-ran"))
    }

    // MARK: - Blocks that fail, flood or overflow

    /// A runbook of its own, in the test's directory: a block whose first command fails, one printing an endless
    /// line, and one printing more than a small cap.
    private static let blockRuns = """
        # Runbook: Block Runs

        ## Symptoms

        - 區塊執行結果不正確

        ## Impact

        - **Severity**: P3
        - **Affected Users**: 內部使用者
        - **Business Impact**: 無

        ## Detection

        - **Alert**: `BlockRuns`

        ## Diagnosis

        ### Step 1: 第一個指令失敗

        ```bash
        false
        echo "after the failure"
        ```

        ### Step 2: 一行沒有結尾的輸出

        ```bash
        head -c 2000000000 /dev/zero | tr '\\0' x
        ```

        ### Step 3: 超過上限的輸出

        ```bash
        head -c 100000 /dev/zero | tr '\\0' y
        ```

        ## Resolution

        ### Immediate Actions

        1. 無

        ## Verification

        - [ ] 區塊結果正確

        ## Escalation

        - **L1 Support**: #infra-support

        ---

        **Last Updated**: 2026-01-10
        **Owner**: Payments Team
        **Review Cycle**: Quarterly
        """

    /// `respond start block-runs ARGS` over `blockRuns`, in a pane; prints its exit status.
    private func startBlockRuns(
        _ arguments: String = "", language: String = "en",
        waitingFor hints: String = "Space done · s skip · y copy · R run"
    ) throws -> TmuxSession {
        let runbooks = home.path + "/runbooks"
        try FileManager.default.createDirectory(atPath: runbooks, withIntermediateDirectories: true)
        try Self.blockRuns.write(toFile: runbooks + "/block-runs.md", atomically: true, encoding: .utf8)
        let variables = home.variables(actor: "alice").merging(["RESPOND_RUNBOOKS": runbooks, "RESPOND_LANG": language])
        {
            $1
        }
        let binary = shellQuoted(PackagePaths.binary)
        let session = try TmuxSession(
            command: "cd \(shellQuoted(home.path)) && \(binary) start block-runs \(arguments); echo EXITED $?",
            variables: variables, directory: home.path)
        try session.waitFor(hints)
        return session
    }

    @Test("in zh-TW the pane's summary of how the run ended is in Chinese")
    func chineseSummary() throws {
        let session = try startBlockRuns(language: "zh-TW", waitingFor: "Space 完成")
        try session.sendKeys("R")
        try session.waitFor("執行這個指令？")
        try session.sendKeys("Enter")
        let pane = try session.waitUntil("the run has ended and is saved") {
            $0.contains("結束碼 1 ·") && $0.contains("已儲存")
        }
        #expect(!pane.contains("exit 1 ·"))
    }

    /// Runs the selected block, confirming at the prompt.
    private func runSelected(_ session: TmuxSession) throws {
        try session.sendKeys("R")
        try session.waitFor("run this command?")
        try session.sendKeys("Enter")
    }

    @Test("a block whose first command fails shows the failure in the pane and is recorded as failed")
    func firstCommandFails() throws {
        let session = try startBlockRuns()
        try runSelected(session)
        let pane = try session.waitUntil("the run has ended and is saved") {
            $0.contains("exit 1 ·") && $0.contains("saved")
        }
        #expect(pane.contains("+ false"))
        #expect(pane.contains("! exit 1"))
        #expect(pane.contains("+ echo \"after the failure\""))
        #expect(pane.contains("after the failure"))
        #expect(!pane.contains("exit 0"))

        let event = try #require(try commandsRan().first)
        #expect(event["exitCode"] as? Int == 1)
        #expect(
            event["outputExcerpt"] as? String
                == "+ false\n! exit 1\n+ echo \"after the failure\"\nafter the failure")
        let outputFile = try #require(event["outputFile"] as? String)
        let output = try String(contentsOfFile: try files.onlyIncidentDirectory() + "/" + outputFile, encoding: .utf8)
        #expect(output == "+ false\n! exit 1\n+ echo \"after the failure\"\nafter the failure\n")
        try session.sendKeys("q")
        try quit(session)
    }

    @Test("Ctrl-C stops a command printing one endless line within seconds, and the pane stays usable")
    func cancelEndlessLine() throws {
        let session = try startBlockRuns()
        try session.sendKeys("j")
        try runSelected(session)
        try session.waitFor("xxxxxxxxxxxxxxxxxxxx")
        try session.waitFor("Ctrl-C stops")
        try session.sendKeys("C-c")
        try session.waitFor("cancelled ·", timeout: 8)
        try session.waitUntil("the event is saved") { $0.contains("saved") }
        let event = try #require(try commandsRan().first)
        #expect(event["stoppedBecause"] as? String == "cancelled")
        #expect((event["outputBytes"] as? Int ?? 0) > 0)
        try session.sendKeys("q")
        try quit(session)
    }

    @Test("--output-cap keeps that much of a run's output and the pane and the record say how much was not kept")
    func outputCap() throws {
        let session = try startBlockRuns("--output-cap 4K")
        try session.sendKeys("j", "j")
        try runSelected(session)
        try session.waitUntil("the run has ended and is saved") {
            $0.contains("exit 0 ·") && $0.contains("saved")
        }
        try session.waitFor("of output not kept (over the 4 KiB cap)", joined: true)
        let event = try #require(try commandsRan().first)
        #expect(event["outputBytes"] as? Int == 100_000)
        let dropped = try #require(event["outputDroppedBytes"] as? Int)
        #expect(dropped > 90_000)
        let outputFile = try #require(event["outputFile"] as? String)
        let size = try #require(
            try FileManager.default.attributesOfItem(
                atPath: try files.onlyIncidentDirectory() + "/" + outputFile)[.size] as? Int)
        #expect(size < 4096 + 300)
        try session.sendKeys("q")
        try quit(session)
    }

    @Test("a bad --output-cap is refused before the guide opens, naming the value and the sizes accepted")
    func badOutputCap() throws {
        let result = try runProcess(
            PackagePaths.binary, ["start", "service-check", "--output-cap", "20X"],
            environment: home.variables(actor: "alice"), directory: home.path)
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "--output-cap must be a size from 1K to 1T, such as 20M, 512K or 1G, not \"20X\""))
        #expect(try files.incidentIDs().isEmpty)
    }
}
