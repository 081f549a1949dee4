import FoundationEssentials
import IncidentModel

/// What to run and where: the final command line, how, in which directory and environment, for how long, and
/// the incident directory that keeps its output.
public struct CommandRequest: Sendable {
    /// The command line exactly as confirmed, placeholders filled.
    public var commandLine: String
    /// Stops at the first failing command (`bash -e`) instead of running every command in turn; see
    /// `ShellInvocation` and `CommandTemplate`.
    public var isScript: Bool
    /// The step the command comes from, which names its output file; nil for a command of no step.
    public var step: StepRef?
    /// The incident's directory; the output goes to `commands/…` under it.
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
    /// The most bytes of output the output file keeps; the rest is counted, not kept.
    public var outputCap: Int

    /// The default timeout: 5 minutes.
    public static let defaultTimeout: Duration = .seconds(300)
    /// The default cap of an output file: 20 MiB.
    public static let defaultOutputCap = 20 << 20

    /// Creates a request; directory and environment default to this process's.
    public init(
        commandLine: String, isScript: Bool = false, step: StepRef? = nil, incidentDirectory: String,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Duration = CommandRequest.defaultTimeout, killGrace: Duration = .seconds(2),
        excerptLimits: ExcerptLimits = .standard, outputCap: Int = CommandRequest.defaultOutputCap
    ) {
        self.commandLine = commandLine
        self.isScript = isScript
        self.step = step
        self.incidentDirectory = incidentDirectory
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.killGrace = killGrace
        self.excerptLimits = excerptLimits
        self.outputCap = outputCap
    }
}
