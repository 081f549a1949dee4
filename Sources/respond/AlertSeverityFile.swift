import FoundationEssentials
import Glibc
import Localization
import RunbookKit

extension Catalog {
    /// The file in a runbook library that maps its alerts' `severity` labels to incident severities, e.g.
    /// `{"critical": "P0", "page": "P0", "warning": "P2"}`; labels it leaves out keep the built-in mapping.
    static let alertSeverityFile = "alert-severity.json"

    /// The library's own severity mapping, or an error naming the file and what is wrong in it. The file is read as
    /// a runbook file is (`readRunbookFile`): a FIFO, a device, a directory or an oversized file in a library is
    /// refused, never waited on or held.
    func alertSeverityOverrides(_ localizer: Localizer) throws -> [String: Severity] {
        let path = directory + "/" + Self.alertSeverityFile
        var info = stat()
        guard lstat(path, &info) == 0 else { return [:] }
        let data: Data
        switch Catalog.readRunbookFile(path) {
        case .data(let bytes): data = bytes
        case .unreadable(let problem):
            throw CLIError(
                localizer.tr(
                    "cli.alert_severity.unreadable", ["path": path, "problem": problem.message(in: localizer)]))
        }
        let table: [String: String]
        do {
            table = try JSONDecoder().decode([String: String].self, from: data)
        } catch {
            throw CLIError(localizer.tr("cli.alert_severity.not_a_table", ["path": path]))
        }
        var overrides: [String: Severity] = [:]
        for (label, value) in table {
            guard let severity = Severity(rawValue: value.uppercased()) else {
                throw CLIError(
                    localizer.tr("cli.alert_severity.bad_value", ["path": path, "label": label, "value": value]))
            }
            overrides[label] = severity
        }
        return overrides
    }
}
