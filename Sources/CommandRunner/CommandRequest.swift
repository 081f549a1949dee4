import Foundation
import RunbookKit

/// What to run and where: the final command line, how, in which directory and environment, for how long, and
/// the incident directory that keeps its output.
public struct CommandRequest: Sendable {
    /// The command line exactly as confirmed, placeholders filled.
    public var commandLine: String
    /// Runs with `sh -e` (stop at the first failure) instead of `sh` (every line in turn); see `CommandTemplate`.
    public var isScript: Bool
    /// The incident's directory; the full output goes to `commands/…` under it.
    public var incidentDirectory: String
    /// Where the command runs.
    public var workingDirectory: String
    /// The command's environment: the responder's own by default.
    public var environment: [String: String]
    /// How long the command may run before it is stopped with `timed out`; 5 minutes by default.
    public var timeout: Duration
    /// How long after SIGTERM the process group gets SIGKILL.
    public var killGrace: Duration
    /// How much output the journal's excerpt keeps.
    public var excerptLimits: ExcerptLimits

    /// The default timeout: 5 minutes.
    public static let defaultTimeout: Duration = .seconds(300)

    /// Creates a request; directory and environment default to this process's.
    public init(
        commandLine: String, isScript: Bool = false, incidentDirectory: String,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Duration = CommandRequest.defaultTimeout, killGrace: Duration = .seconds(2),
        excerptLimits: ExcerptLimits = .standard
    ) {
        self.commandLine = commandLine
        self.isScript = isScript
        self.incidentDirectory = incidentDirectory
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.killGrace = killGrace
        self.excerptLimits = excerptLimits
    }

    /// The `/bin/sh` arguments: `-c` with the whole text, plus `-e` for a script.
    var shellArguments: [String] {
        ["/bin/sh"] + (isScript ? ["-e"] : []) + ["-c", commandLine]
    }
}
