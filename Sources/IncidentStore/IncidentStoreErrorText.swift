import FoundationEssentials
import Glibc
import IncidentModel
import Localization

extension IncidentStoreError {
    /// The error in the language of `localizer`, as the command line and the guide show it; `description` stays
    /// English for logs and tests.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .journal(let error):
            error.description(in: localizer)
        case .invalidID(let id):
            localizer.tr("cli.incident.invalid_id", ["id": id])
        case .alreadyExists(let id, let directory):
            localizer.tr("cli.incident.already_exists", ["id": id, "directory": directory])
        case .directory(let path, let code):
            localizer.tr("cli.incident.directory", ["path": path, "reason": String(cString: strerror(code))])
        case .notFound(let reference, let candidates):
            candidates.isEmpty
                ? localizer.tr("cli.incident.not_found_none", ["reference": reference])
                : localizer.tr(
                    "cli.incident.not_found_recent",
                    ["reference": reference, "candidates": candidates.joined(separator: ", ")])
        case .ambiguous(let reference, let candidates):
            localizer.tr(
                "cli.incident.ambiguous", ["reference": reference, "candidates": candidates.joined(separator: ", ")])
        case .unreadable(let id, let reason):
            localizer.tr("cli.incident.unreadable", ["id": id, "reason": reason])
        case .notAJournal(let path):
            localizer.tr("cli.incident.not_a_journal", ["path": path])
        case .invalidWriter(let writer):
            localizer.tr("cli.incident.invalid_writer", ["writer": writer])
        }
    }
}
