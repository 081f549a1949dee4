import ArgumentParser
import CommandRunner
import FoundationEssentials
import Localization

/// Options of the commands that open the guide, about running a runbook's commands from it.
struct CommandOptions: ParsableArguments {
    @Flag(
        name: .customLong("no-exec"),
        help: "Never run a runbook's commands from the guide; they can still be copied (also RESPOND_NO_EXEC=1).")
    var noExec = false

    @Option(
        name: .customLong("command-timeout"),
        help:
            "Seconds a command run from the guide may take before it is stopped (default: $RESPOND_COMMAND_TIMEOUT, else 300)."
    )
    var commandTimeout: Int?

    @Option(
        name: .customLong("output-cap"),
        help:
            "The most output of one command run from the guide its output file keeps, such as 20M, 512K or 1G; the rest is counted, not kept (default: $RESPOND_OUTPUT_CAP, else 20M)."
    )
    var outputCap: String?

    /// Whether commands may run, from `--no-exec` and `RESPOND_NO_EXEC`.
    func policy(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExecutionPolicy {
        ExecutionPolicy.resolve(noExecFlag: noExec, environment: environment)
    }

    /// The policy, the timeout and the output cap together, for the runtime; a bad value is said in the words
    /// of `localizer`.
    func settings(
        environment: [String: String] = ProcessInfo.processInfo.environment, localizer: Localizer
    ) throws -> CommandSettings {
        CommandSettings(
            policy: policy(environment: environment), timeout: try timeout(environment: environment, localizer),
            outputCap: try outputCap(environment: environment, localizer))
    }

    /// The longest timeout accepted: a week. A command that must run longer belongs in a shell, not the guide.
    static let maximumTimeout = 7 * 24 * 60 * 60

    /// How long a command may run, or an error naming the bad value.
    func timeout(
        environment: [String: String] = ProcessInfo.processInfo.environment, _ localizer: Localizer
    ) throws -> Duration {
        let maximum = String(Self.maximumTimeout)
        if let commandTimeout {
            guard (1...Self.maximumTimeout).contains(commandTimeout) else {
                throw usageError(
                    localizer.tr(
                        "cli.option.command_timeout", ["maximum": maximum, "value": String(commandTimeout)]))
            }
            return .seconds(commandTimeout)
        }
        if let text = environment["RESPOND_COMMAND_TIMEOUT"], !text.isEmpty {
            guard let seconds = Int(text), (1...Self.maximumTimeout).contains(seconds) else {
                throw CLIError(localizer.tr("cli.environment.command_timeout", ["maximum": maximum, "value": text]))
            }
            return .seconds(seconds)
        }
        return CommandRequest.defaultTimeout
    }

    /// The smallest and largest output caps accepted: 1 KiB, enough for an error message, to 1 TiB.
    static let outputCapRange = (1 << 10)...(1 << 40)

    /// How much of one run's output its file keeps, or an error naming the bad value.
    func outputCap(
        environment: [String: String] = ProcessInfo.processInfo.environment, _ localizer: Localizer
    ) throws -> Int {
        if let outputCap {
            return try Self.cap(outputCap, source: "--output-cap", localizer)
        }
        if let text = environment["RESPOND_OUTPUT_CAP"], !text.isEmpty {
            return try Self.cap(text, source: "RESPOND_OUTPUT_CAP", localizer)
        }
        return CommandRequest.defaultOutputCap
    }

    /// The cap `text` names; a bad one is a usage error when typed as an option, a one-line error when it comes
    /// from the environment.
    private static func cap(_ text: String, source: String, _ localizer: Localizer) throws -> Int {
        guard let bytes = ByteSize.parse(text), outputCapRange.contains(bytes) else {
            let message = localizer.tr("cli.option.output_cap", ["source": source, "value": text])
            if source.hasPrefix("--") { throw usageError(message) }
            throw CLIError(message)
        }
        return bytes
    }
}
