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
}
