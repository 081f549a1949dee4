import Foundation
import TestSupport
import Testing

/// The guide as a responder expects it, driven through the real binary in tmux: resuming where the journal says,
/// a start form whose title typing replaces, copying inside tmux, and the layout at 80 and 200 columns.
@Suite("The guide behaves as its users expect", .serialized, .temporaryFiles, .tags(.slow))
struct GuideExpectationsSessionTests {
    private let home: SessionHome

    init() throws {
        home = try SessionHome()
    }

    /// Runs `respond ARGS` in a pane and prints its exit status when it ends.
    private func start(_ arguments: String = "", width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) \(arguments); echo EXITED $?",
            variables: home.variables(actor: "alice"), width: width, height: height, directory: home.path)
    }

    /// From the catalog into a new Queue Backlog incident; `title` is typed into the start form when given.
    private func openQueueBacklog(_ session: TmuxSession, title: String? = nil) throws {
        try session.waitFor("Queue Backlog")
        try session.sendKeys("/")
        try session.type("kafka")
        try session.waitUntil("the filter leaves only Queue Backlog") {
            $0.contains("Queue Backlog") && !$0.contains("Disk Full")
        }
        try session.sendKeys("Enter")
        try session.waitFor("start an incident")
        if let title { try session.type(title) }
        try session.sendKeys("Enter")
        try session.waitFor("Diagnosis 0/3")
    }

    @Test("a symptom only a runbook's text names is found as soon as the runbooks are indexed, with no other key")
    func symptomInTheTextAlone() throws {
        let session = try start()
        try session.waitFor("Disk Full")
        try session.sendKeys("/")
        // "rotation" is in Disk Full's Root Cause Fix, in no index row and no other runbook.
        try session.type("rotation")
        let screen = try session.waitUntil("the search over the runbooks' text finds Disk Full") {
            $0.contains("matches for \"rotation\": 1") && $0.contains("Disk Full")
        }
        #expect(!screen.contains("Queue Backlog"))
        #expect(!screen.contains("so far"))
    }

    @Test("respond resume opens on the step after the last one acted on, not on the first step")
    func resumeWhereTheJournalSays() throws {
        let session = try start()
        try openQueueBacklog(session)
        try session.sendKeys("Space")
        try session.waitFor("Diagnosis 1/3")
        try session.sendKeys("s")
        try session.waitFor("why skip this step?")
        try session.type("pods 都正常")
        try session.sendKeys("Enter")
        try session.waitUntil("the skip is saved") { $0.contains("Diagnosis 2/3") && $0.contains("saved") }
        // What the status bar shows as saved is on disk: the guide can go without quitting.
        session.kill()

        let resumed = try start("resume")
        let screen = try resumed.waitFor("Diagnosis · 3. 查看 worker logs")
        #expect(screen.contains("item 3/8"))
    }

    @Test("resume after every step is handled opens on the verification items")
    func resumeOnVerification() throws {
        let session = try start()
        try openQueueBacklog(session)
        try session.sendKeys("Space", "Space", "Space", "Space", "Space")
        try session.waitUntil("every step is saved") { $0.contains("item 6/8") && $0.contains("saved") }
        // What the status bar shows as saved is on disk: the guide can go without quitting.
        session.kill()

        let resumed = try start("resume")
        try resumed.waitFor("item 6/8")
    }

    @Test("typing in the start form replaces the prefilled title; End keeps it to add to")
    func startFormTitle() throws {
        let session = try start()
        try openQueueBacklog(session, title: "付款 lag 飆高")
        let header = try #require(try session.capture().split(separator: "\n").first)
        #expect(header.contains("付款 lag 飆高 · Queue Backlog"), "\(header)")
        #expect(!header.contains("Queue Backlog付款"))
        try session.sendKeys("q")
        try session.waitFor("matches for \"kafka\"")
        try session.sendKeys("Enter")
        try session.waitFor("start an incident")
        try session.sendKeys("End")
        try session.type(" (payments)")
        try session.sendKeys("Enter")
        try session.waitFor("Queue Backlog (payments)")
    }

    /// Copies the first step's only command with `y`; returns the screen once the notice shows `notice`.
    private func copyFirstCommand(_ session: TmuxSession, notice: String) throws -> String {
        try openQueueBacklog(session)
        try session.sendKeys("y")
        return try session.waitFor(notice)
    }

    static let firstCommand = "kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group payment-workers"

    @Test("inside tmux with set-clipboard on, y sends plain OSC 52 and tmux keeps the command as a paste buffer")
    func copyInsideTmuxWithSetClipboardOn() throws {
        let session = try start()
        try session.setOption("set-clipboard", "on")
        try copyFirstCommand(session, notice: "sent as OSC 52; tmux keeps it as a paste buffer")
        #expect(eventually { ((try? session.newestBuffer()) ?? nil)?.contains(Self.firstCommand) == true })
        // The buffer is tmux's own from the sequence: nothing was loaded beside it.
        #expect(try session.bufferCount() == 1)
    }

    @Test("inside tmux that does not keep OSC 52, y also puts the command in tmux's paste buffer")
    func copyInsideTmuxWithSetClipboardOff() throws {
        let session = try start()
        try session.setOption("set-clipboard", "off")
        try copyFirstCommand(session, notice: "sent as OSC 52 and put in tmux's paste buffer")
        let buffer = try #require(try session.newestBuffer())
        #expect(buffer.contains(Self.firstCommand))
    }

    @Test("at 80 columns the status bar shows the id without its runbook part; at 200 the text keeps its measure")
    func layoutAtEightyAndTwoHundredColumns() throws {
        let session = try start()
        try openQueueBacklog(session)
        let screen = try session.waitFor("investigating")
        let bar = try #require(screen.split(separator: "\n").first { $0.contains("investigating") })
        #expect(bar.firstMatch(of: #/^ \d{8}T\d{4}Z │ P1 │/#) != nil, "\(bar)")
        #expect(!bar.contains("…"))

        try session.resize(width: 200, height: 30)
        let wide = try session.waitFor("queue-backlog │ P1")
        let rows = wide.split(separator: "\n", omittingEmptySubsequences: false)
        let outlined = rows.dropFirst().prefix(20).filter { $0.contains("│") }
        #expect(outlined.allSatisfy { displayColumn(of: "│", in: String($0)) == 48 }, "\(wide)")
    }

    /// `respond ARGUMENTS` run as a second process on the same incident home, as a script would.
    private func respondFromAnotherTerminal(_ arguments: [String]) throws {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(home.variables(actor: "bob")) { $1 }
        let result = try runProcess(PackagePaths.binary, arguments, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("the timeline's ↑ earlier marker stands after the first row's text, which is cut with … rather than covered")
    func timelineMarker() throws {
        try respondFromAnotherTerminal(["start", "queue-backlog", "--detach"])
        for index in 1...14 {
            try respondFromAnotherTerminal([
                "log", "last", "note",
                "第 \(index) 次觀察：payment-worker 的 consumer lag 仍在上升，rebalance 每分鐘發生一次以上",
            ])
        }
        let session = try start("resume")
        try session.waitFor("Diagnosis 0/3")
        try session.sendKeys("t")
        for _ in 0..<6 {
            let screen = try session.waitFor("earlier")
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let first = rows[1]
            let marker = try #require(first.firstMatch(of: #/ ↑ (\d+) earlier/#), "no marker: \(first)")
            let earlier = try #require(Int(marker.output.1))
            let shown = first[..<marker.range.lowerBound].replacingOccurrences(
                of: #"\s+$"#, with: "", options: .regularExpression)
            try session.sendKeys("k")
            // One row later the same text is on the second row, where no marker covers it. The marker's count says
            // the scroll has been drawn; any other change (the status bar's clock) may come first.
            let next = try session.waitUntil("the timeline scrolled one row") { text in
                let top = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first ?? ""
                return earlier == 1 ? !top.contains("earlier") : top.contains("↑ \(earlier - 1) earlier")
            }
            let whole = String(next.split(separator: "\n", omittingEmptySubsequences: false)[2])
                .replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            let kept = shown.dropLast().replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            #expect(
                shown == whole || (shown.hasSuffix("…") && whole.hasPrefix(kept)),
                "the marker hides text: \(first) / \(whole)")
        }
    }

    @Test("the placeholder prompt shows the line of a multi-line block that holds the placeholder")
    func placeholderLine() throws {
        let runbooks = home.path + "/runbooks"
        try FileManager.default.createDirectory(atPath: runbooks, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.fixtureRunbooks) {
            var text = try String(contentsOfFile: PackagePaths.fixtureRunbooks + "/" + name, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "echo \"checking <service-name>\"",
                with:
                    "echo \"first line of the block\"\necho \"second\"\nsystemctl status --no-pager --lines=50 \"<service-name>\""
            )
            try text.write(toFile: runbooks + "/" + name, atomically: true, encoding: .utf8)
        }
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) start service-check",
            variables: home.variables(actor: "alice").merging(["RESPOND_RUNBOOKS": runbooks]) { $1 },
            directory: home.path)
        try session.waitFor("Diagnosis 0/2")
        try session.sendKeys("R")
        // The capture may catch the box half drawn, so wait for its bottom edge below the title.
        let screen = try session.waitUntil("the placeholder prompt drawn whole") { text in
            let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let title = rows.firstIndex(where: { $0.contains("value for <service-name>") }) else { return false }
            return rows[(title + 1)...].contains { $0.contains("└") }
        }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = try #require(rows.firstIndex { $0.contains("value for <service-name>") })
        #expect(rows[title + 1].contains("systemctl status --no-pager --lines=50 \"<service-name>\""), "\(screen)")
        #expect(!rows[title + 1].contains("first line of the block"))
    }
}
