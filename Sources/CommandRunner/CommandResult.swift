import FoundationEssentials
import IncidentModel

/// Why a command stopped before it finished on its own.
public enum StopReason: String, Hashable, Sendable {
    /// The responder stopped it (Ctrl-C in the output pane).
    case cancelled
    /// It ran past its timeout.
    case timedOut = "timed out"
}

/// What came of running a command.
public struct CommandResult: Hashable, Sendable {
    /// The command line as run.
    public var commandLine: String
    /// The block's status: its first failing command's, else the shell's own; nil when the shell was ended by
    /// a signal.
    public var exitCode: Int32?
    /// The signal that ended the shell, if one did.
    public var signal: Int32?
    /// Why it was stopped, when it did not finish on its own.
    public var stoppedBecause: StopReason?
    /// When it started (wall clock, for the record).
    public var startedAt: Date
    /// How long it ran, in seconds (monotonic clock).
    public var durationSeconds: Double
    /// The first and last lines of output, controls stripped, redacted, bounded.
    public var outputExcerpt: String
    /// The output's file, relative to the incident directory (`commands/….log`).
    public var outputFile: String
    /// How many bytes of output the command wrote, whether the file kept them or not.
    public var outputBytes: Int
    /// How many of them the file did not keep because it had reached its cap.
    public var outputDroppedBytes: Int
    /// The most bytes of output the file keeps.
    public var outputCap: Int
    /// Set when the output file could not be written whole (a full disk); the excerpt is still complete.
    public var outputFileProblem: String?

    /// Creates a result.
    public init(
        commandLine: String, exitCode: Int32?, signal: Int32?, stoppedBecause: StopReason?, startedAt: Date,
        durationSeconds: Double, outputExcerpt: String, outputFile: String, outputBytes: Int,
        outputDroppedBytes: Int = 0, outputCap: Int = CommandRequest.defaultOutputCap, outputFileProblem: String? = nil
    ) {
        self.commandLine = commandLine
        self.exitCode = exitCode
        self.signal = signal
        self.stoppedBecause = stoppedBecause
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.outputExcerpt = outputExcerpt
        self.outputFile = outputFile
        self.outputBytes = outputBytes
        self.outputDroppedBytes = outputDroppedBytes
        self.outputCap = outputCap
        self.outputFileProblem = outputFileProblem
    }

    /// One line for the output pane's footer: `exit 0 · 1.2s`, `timed out · 300.0s`, `killed by signal 9 · 0.1s`,
    /// followed by how much output the file did not keep past its cap, and why the output file is incomplete
    /// when it could not be written whole (a full disk, say).
    public var summary: String {
        let duration = EventWording.oneDecimal(durationSeconds) + "s"
        let ending: String
        if let stoppedBecause {
            ending = "\(stoppedBecause.rawValue) · \(duration)"
        } else if let exitCode {
            ending = "exit \(exitCode) · \(duration)"
        } else {
            ending = "killed by signal \(signal ?? 0) · \(duration)"
        }
        let dropped =
            outputDroppedBytes > 0
            ? " · \(ByteSize.format(outputDroppedBytes)) of output not kept "
                + "(over the \(ByteSize.format(outputCap)) cap)"
            : ""
        return ending + dropped + (outputFileProblem.map { " · output file incomplete: \($0)" } ?? "")
    }

    /// The journal record of this run, ready to append as `.commandRan`; the journal redacts its text again.
    public func commandRun(step: StepRef?, placeholders: [String: String]) -> CommandRun {
        CommandRun(
            command: commandLine, step: step, placeholders: placeholders, exitCode: exitCode,
            durationSeconds: durationSeconds, outputExcerpt: outputExcerpt, outputFile: outputFile,
            stoppedBecause: stoppedBecause?.rawValue, outputBytes: outputBytes,
            outputDroppedBytes: outputDroppedBytes > 0 ? outputDroppedBytes : nil)
    }
}
