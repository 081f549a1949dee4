import AlertmanagerClient
import Localization

extension AlertmanagerError {
    /// The error in the language of `localizer`, as `respond alerts` says it; the detail libcurl or the payload
    /// decoder gives stays as it wrote it.
    func description(in localizer: Localizer) -> String {
        switch self {
        case .badAddress(let address):
            localizer.tr("cli.alertmanager.bad_address", ["address": address])
        case .unreachable(let address, let detail):
            localizer.tr("cli.alertmanager.unreachable", ["address": address, "detail": detail])
        case .timedOut(let address, let seconds):
            localizer.tr("cli.alertmanager.timed_out", ["address": address, "seconds": String(seconds)])
        case .httpStatus(let address, let status):
            localizer.tr("cli.alertmanager.http_status", ["address": address, "status": String(status)])
        case .badAnswer(let address, let detail):
            localizer.tr("cli.alertmanager.bad_answer", ["address": address, "detail": detail])
        case .tooLarge(let address, let limit):
            localizer.tr("cli.alertmanager.too_large", ["address": address, "limit": String(limit)])
        case .libcurlMissing(let library, let detail):
            localizer.tr("cli.alertmanager.libcurl_missing", ["library": library, "detail": detail])
        }
    }
}
