import ArgumentParser
import CommandRunner
import Foundation

/// Options of the commands that open the guide, about running a runbook's commands from it.
struct CommandOptions: ParsableArguments {
    @Flag(name: .customLong("no-exec"), help: "Never run a runbook's commands from the guide; they can still be copied (also RESPOND_NO_EXEC=1).")
    var noExec = false

    @Option(name: .customLong("command-timeout"), help: "Seconds a command run from the guide may take before it is stopped (default: $RESPOND_COMMAND_TIMEOUT, else 300).")
    var commandTimeout: Int?

    /// Whether commands may run, from `--no-exec` and `RESPOND_NO_EXEC`.
    func policy(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExecutionPolicy {
        ExecutionPolicy.resolve(noExecFlag: noExec, environment: environment)
    }

    /// The policy and the timeout together, for the runtime.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommandSettings {
        CommandSettings(policy: policy(environment: environment), timeout: try timeout(environment: environment))
    }

    /// The longest timeout accepted: a week. A command that must run longer belongs in a shell, not the guide.
    static let maximumTimeout = 7 * 24 * 60 * 60

    /// How long a command may run, or an error naming the bad value.
    func timeout(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Duration {
        if let commandTimeout {
            guard (1...Self.maximumTimeout).contains(commandTimeout) else {
                throw CLIError("--command-timeout must be 1 to \(Self.maximumTimeout) seconds, not \(commandTimeout)")
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
}
