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
}
