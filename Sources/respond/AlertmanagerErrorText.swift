import AlertmanagerClient
import Localization

extension AlertmanagerError {
    /// The error in the language of `localizer`, as `respond alerts` says it; the detail the HTTP client gives
    /// stays as it wrote it.
    func description(in localizer: Localizer) -> String {
        switch self {
        case .badAddress(let address):
            localizer.tr("cli.alertmanager.bad_address", ["address": address])
        case .unreachable(let address, let detail):
            localizer.tr("cli.alertmanager.unreachable", ["address": address, "detail": detail])
        case .httpStatus(let address, let status):
            localizer.tr("cli.alertmanager.http_status", ["address": address, "status": String(status)])
        case .badAnswer(let address, let detail):
            localizer.tr("cli.alertmanager.bad_answer", ["address": address, "detail": detail])
        }
    }
}
