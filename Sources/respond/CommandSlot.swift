import CommandRunner
import FoundationEssentials
import GuideUI
import IncidentModel
import Localization

/// How commands run from the guide: whether they may, for how long, and how much of their output is kept.
struct CommandSettings {
    /// Whether commands may run at all (`--no-exec`, `RESPOND_NO_EXEC`).
    let policy: ExecutionPolicy
    /// How long one may run before it is stopped.
    let timeout: Duration
    /// The most bytes of one run's output its output file keeps (`--output-cap`, `RESPOND_OUTPUT_CAP`).
    let outputCap: Int

    /// For a session that never runs commands (the read-only review), saying so in the words of `localizer`.
    static func readOnly(_ localizer: Localizer) -> CommandSettings {
        CommandSettings(
            policy: ExecutionPolicy(disabledBy: localizer.tr("ui.command.review_read_only")),
            timeout: CommandRequest.defaultTimeout, outputCap: CommandRequest.defaultOutputCap)
    }
}

/// The one command the guide runs at a time: started for `Effect.runCommand`, polled by the run loop for its
/// output and its end, which it reports as `Message.command(...)`.
final class CommandSlot {
    private let settings: CommandSettings
    private let localizer: Localizer
    private var running: (execution: CommandExecution, request: CommandRunRequest)?

    /// A slot that runs commands with these settings and tells how they went in the words of `localizer`.
    init(settings: CommandSettings, localizer: Localizer) {
        self.settings = settings
        self.localizer = localizer
    }

    /// Whether a command is running, so the loop polls it often.
    var isRunning: Bool { running != nil }

    /// Starts the command in the responder's working directory and environment; its output file goes under
    /// `incidentDirectory`, named after the step. Answers at once only when it cannot start.
    func start(_ request: CommandRunRequest, incidentDirectory: String) -> [Message] {
        guard running == nil else {
            return [.command(.failedToStart(reason: localizer.tr("ui.command.already_running")))]
        }
        let commandRequest = CommandRequest(
            commandLine: request.commandLine, isScript: request.isScript, step: request.step,
            incidentDirectory: incidentDirectory, timeout: settings.timeout, outputCap: settings.outputCap)
        do {
            let execution = try CommandExecution.start(
                commandRequest, policy: settings.policy, redact: { Redactor.redact($0) })
            running = (execution, request)
            return []
        } catch {
            return [.command(.failedToStart(reason: error.description))]
        }
    }

    /// Asks the running command to stop; its end arrives through `poll`.
    func cancel() {
        running?.execution.cancel()
    }

    /// The output since the last poll and, once the command has ended, its record for the journal.
    func poll() -> [Message] {
        guard let (execution, request) = running else { return [] }
        var output = execution.takeOutput()
        guard let result = execution.result else {
            return output.isEmpty ? [] : [.command(.output(output))]
        }
        output += execution.takeOutput()
        running = nil
        let run = result.commandRun(step: request.step, placeholders: request.placeholders)
        return (output.isEmpty ? [] : [.command(.output(output))]) + [
            .command(.finished(run, summary: result.summary(in: localizer)))
        ]
    }

    /// Stops a command still running when the guide ends on a signal, so that none outlives it, and returns
    /// its end to be recorded like any other.
    func stopBeforeExit() -> [Message] {
        guard let (execution, _) = running else { return [] }
        execution.cancel()
        guard execution.waitForResult(upTo: .seconds(5)) != nil else {
            running = nil
            return []
        }
        return poll()
    }
}
