import Foundation
import TestSupport
import Testing

/// Without a usable terminal the guide refuses with one clear line and exit status 2, pointing at the
/// commands that work without one; it never leaves curses to print and exit on its own.
@Suite("The guide refuses a terminal it cannot use", .serialized, .temporaryFiles, .tags(.slow))
struct GuideTerminalCheckTests {
    private let nonInteractiveCommands = [
        "respond list", "respond show", "respond start RUNBOOK --detach", "respond log",
    ]

    @Test("stdin that is not a terminal gives one line on stderr and exit status 2")
    func stdinNotATerminal() throws {
        let home = try freshDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = home
        environment["RESPOND_RUNBOOKS"] = PackagePaths.fixtureRunbooks
        environment["TERM"] = "xterm-256color"
        let result = try runProcess(PackagePaths.binary, [], environment: environment, stdinPath: "/dev/null")
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input is not a terminal"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        for command in nonInteractiveCommands {
            #expect(result.stderr.contains(command))
        }
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "a terminal the guide cannot drive gives the clear error and exit status 2",
        arguments: [
            ("dumb", "TERM=dumb cannot show the guide"),
            ("no-such-terminal-9000", "TERM=no-such-terminal-9000 is unknown to terminfo"),
        ]
    )
    func unusableTerminal(term: String, message: String) throws {
        let directory = try freshDirectory()
        let session = try TmuxSession(
            command: "TERM=\(term) \(shellQuoted(PackagePaths.binary)); echo EXITED $?",
            variables: ["RESPOND_HOME": directory, "RESPOND_RUNBOOKS": PackagePaths.fixtureRunbooks],
            directory: directory)
        let screen = try session.waitFor("EXITED", joined: true, history: true)
        #expect(screen.contains(message))
        #expect(screen.contains("respond start RUNBOOK --detach"))
        #expect(screen.contains("EXITED 2"))
    }
}
