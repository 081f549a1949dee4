import ArgumentParser
import CommandRunner
import Foundation

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

    /// The policy, the timeout and the output cap together, for the runtime.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommandSettings {
        CommandSettings(
            policy: policy(environment: environment), timeout: try timeout(environment: environment),
            outputCap: try outputCap(environment: environment))
    }

    /// The longest timeout accepted: a week. A command that must run longer belongs in a shell, not the guide.
    static let maximumTimeout = 7 * 24 * 60 * 60

    /// How long a command may run, or an error naming the bad value.
    func timeout(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Duration {
        if let commandTimeout {
            guard (1...Self.maximumTimeout).contains(commandTimeout) else {
                throw usageError("--command-timeout must be 1 to \(Self.maximumTimeout) seconds, not \(commandTimeout)")
            }
            return .seconds(commandTimeout)
        }
        if let text = environment["RESPOND_COMMAND_TIMEOUT"], !text.isEmpty {
            guard let seconds = Int(text), (1...Self.maximumTimeout).contains(seconds) else {
                throw CLIError("RESPOND_COMMAND_TIMEOUT must be 1 to \(Self.maximumTimeout) seconds, not \"\(text)\"")
            }
            return .seconds(seconds)
        }
        return CommandRequest.defaultTimeout
    }

    /// The smallest and largest output caps accepted: 1 KiB, enough for an error message, to 1 TiB.
    static let outputCapRange = (1 << 10)...(1 << 40)

    /// How much of one run's output its file keeps, or an error naming the bad value.
    func outputCap(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let outputCap {
            return try Self.cap(outputCap, source: "--output-cap")
        }
        if let text = environment["RESPOND_OUTPUT_CAP"], !text.isEmpty {
            return try Self.cap(text, source: "RESPOND_OUTPUT_CAP")
        }
        return CommandRequest.defaultOutputCap
    }

    /// The cap `text` names; a bad one is a usage error when typed as an option, a one-line error when it comes
    /// from the environment.
    private static func cap(_ text: String, source: String) throws -> Int {
        guard let bytes = ByteSize.parse(text), outputCapRange.contains(bytes) else {
            let message = "\(source) must be a size from 1K to 1T, such as 20M, 512K or 1G, not \"\(text)\""
            if source.hasPrefix("--") { throw usageError(message) }
            throw CLIError(message)
        }
        return bytes
    }
}
