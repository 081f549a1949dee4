import Localization
import RunbookKit

/// Refuses to open an incident on a file that only says its runbook moved (issue #16's stub): such a file has no
/// steps to walk, and the responder needs the place it names rather than an empty incident.
func requireStartable(_ runbook: Runbook, _ localizer: Localizer) throws {
    guard let destination = runbook.movedTo else { return }
    throw CLIError(localizer.tr("cli.start.moved_stub", ["id": runbook.id, "destination": destination]))
}
