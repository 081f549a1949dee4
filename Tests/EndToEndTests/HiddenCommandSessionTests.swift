import Foundation
import TestSupport
import Testing

/// A command must be shown exactly as it will run, every line of it, or not run at all: through the real binary
/// in tmux, a block hiding a line behind an escape sequence, and a block longer than the screen.
@Suite("The guide shows every line of a command before it runs", .serialized, .temporaryFiles, .tags(.slow))
struct HiddenCommandSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    /// `respond start disk-full` on the library in `runbooks`, working in the test's directory.
    private func start(runbooks: String) throws -> TmuxSession {
        let variables = home.variables(actor: "alice").merging(["RESPOND_RUNBOOKS": runbooks]) { $1 }
        let session = try TmuxSession(
            command:
                "cd \(shellQuoted(home.path)) && \(shellQuoted(PackagePaths.binary)) start disk-full; echo EXITED $?",
            variables: variables, directory: home.path)
        try session.waitFor("Space done · s skip · y copy · R run")
        return session
    }

    @Test("R and y on a block hiding `touch PWNED` behind ESC ] 0 ; run and copy nothing; the step shows it escaped")
    func hostileBlockRefused() throws {
        let session = try start(runbooks: PackagePaths.hiddenCommandRunbooks)
        let screen = try session.waitFor("touch PWNED")
        #expect(screen.contains("│ df -h ␛]0;"))
        #expect(screen.contains("│ ␇"))
        try session.sendKeys("R")
        try session.waitFor("not run: the block hides U+001B ESC, U+0007 BEL")
        #expect(!(try session.capture().contains("run this command?")))
        try session.sendKeys("y")
        try session.waitFor("not copied: the block hides U+001B ESC, U+0007 BEL")
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
        #expect(!FileManager.default.fileExists(atPath: home.path + "/PWNED"))
        let kinds = try files.journal().compactMap { $0["kind"] as? String }
        #expect(kinds == ["incident-opened"])
    }

    @Test("a block longer than the screen is confirmed only after scrolling to its last line, which then runs")
    func longBlockConfirmation() throws {
        let runbooks = home.path + "/runbooks"
        try FileManager.default.createDirectory(atPath: runbooks, withIntermediateDirectories: true)
        let fixture = PackagePaths.hiddenCommandRunbooks
        try FileManager.default.copyItem(atPath: fixture + "/README.md", toPath: runbooks + "/README.md")
        let hostile = try String(contentsOfFile: fixture + "/disk-full.md", encoding: .utf8)
        let script = (1...59).map { "echo 第 \($0) 行" }.joined(separator: "\n") + "\ntouch LAST-LINE-RAN"
        let long = hostile.replacingOccurrences(of: "df -h \u{1B}]0;\ntouch PWNED\n\u{7}", with: script)
        try long.write(toFile: runbooks + "/disk-full.md", atomically: true, encoding: .utf8)

        let session = try start(runbooks: runbooks)
        try session.sendKeys("R")
        let first = try session.waitFor("lines 1–18 of 60 · ↓ more")
        #expect(first.contains("$ echo 第 1 行"))
        try session.sendKeys("Enter")
        try session.waitFor("not yet: scroll down")
        #expect(try session.capture().contains("run this command?"))
        for line in stride(from: 19, through: 60, by: 9) {
            try session.sendKeys("PageDown")
            try session.waitFor(line == 55 ? "touch LAST-LINE-RAN" : "echo 第 \(line) 行")
        }
        let last = try session.waitFor("lines 43–60 of 60")
        #expect(last.contains("touch LAST-LINE-RAN"))
        #expect(last.contains("Enter/y runs"))
        #expect(try files.journal().allSatisfy { $0["kind"] as? String != "command-ran" })
        try session.sendKeys("Enter")
        try session.waitUntil("the command ran to its last line") { $0.contains("exit 0") && $0.contains("saved") }
        #expect(FileManager.default.fileExists(atPath: home.path + "/LAST-LINE-RAN"))
    }
}
