import Alerts
import RunbookKit

extension Catalog {
    /// What each runbook of the library answers to, for finding the runbook of an alert: its file's path inside
    /// the library, the alerts its Detection section names, and its title. Every runbook is parsed (in parallel).
    func alertTargets() -> [AlertTarget] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return mapRunbooks { runbook in
            let path = runbook.path.hasPrefix(prefix) ? String(runbook.path.dropFirst(prefix.count)) : runbook.path
            return AlertTarget(id: runbook.id, path: path, alerts: runbook.detectionAlerts, names: [runbook.title])
        }
    }
}
