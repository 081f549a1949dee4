import Foundation
import TestSupport

/// A tmux test's own directory (the sessions' config and working directory) with an incident home inside it,
/// removed when the test ends: its suite is marked `.temporaryFiles`.
struct SessionHome {
    /// The directory's path.
    let path: String
    /// The incident home inside it, read as another tool would.
    let files: TmuxIncidentFiles

    /// Creates a fresh directory inside the running test's temporary directory.
    init() throws {
        path = try freshDirectory()
        files = TmuxIncidentFiles(home: path + "/home")
    }

    /// The variables that point `respond` at this home and the fixture runbooks and name the responder.
    func variables(actor: String) -> [String: String] {
        ["RESPOND_HOME": files.home, "RESPOND_RUNBOOKS": PackagePaths.fixtureRunbooks, "RESPOND_ACTOR": actor]
    }

    /// Runs `respond ARGUMENTS` (a shell line) as `actor` in a tmux pane of its own, in this directory, printing
    /// its exit status when it ends.
    func session(_ arguments: String, as actor: String, width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) \(arguments); echo EXITED $?",
            variables: variables(actor: actor), width: width, height: height, directory: path)
    }

    /// Runs a `respond` subcommand to completion as `actor`, over this home.
    func run(_ arguments: [String], as actor: String) throws -> ProcessResult {
        try runProcess(
            PackagePaths.binary, arguments,
            environment: ProcessInfo.processInfo.environment.merging(variables(actor: actor)) { $1 })
    }
}
