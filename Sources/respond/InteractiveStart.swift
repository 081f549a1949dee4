import GuideUI
import RunbookKit

/// The interactive half of `respond start RUNBOOK`: a new incident on the runbook, straight into its
/// walkthrough. `StartCommand` calls this when `--detach` is absent.
enum InteractiveStart {
    /// Opens the guide on a new incident; a nil title or severity takes the runbook's.
    static func run(
        runbook: String, title: String?, severity: Severity?, drill: Bool, id: String?, options: GlobalOptions,
        commands: CommandOptions, alerts: AlertmanagerOption, sync: SyncOption
    ) throws {
        try InteractiveGuide.run(
            .start(runbook: runbook, title: title, severity: severity, drill: drill, id: id), options: options,
            commands: commands, alerts: alerts, sync: sync)
    }
}
