import Alerts
import GuideUI
import Localization
import RunbookKit

/// What a library makes of an alert: the runbook it is for and the severity its label maps to. The guide's catalog
/// and the picker of a payload's alerts list alerts this way.
struct AlertMapping: Sendable {
    private let matcher: AlertRunbookMatcher
    private let severities: AlertSeverityMapping

    /// The mapping of `catalog`'s runbooks (every one is parsed) and its `alert-severity.json`, whose problems are
    /// said in the words of `localizer`.
    init(catalog: Catalog, localizer: Localizer) throws {
        matcher = AlertRunbookMatcher(targets: catalog.alertTargets())
        severities = AlertSeverityMapping(overrides: try catalog.alertSeverityOverrides(localizer))
    }

    /// The alert with its runbook (nil when none, or several, fit) and severity.
    func listed(_ alert: Alert) -> CatalogAlert {
        var runbook: String?
        if case .runbook(let id, _) = matcher.match(alert) { runbook = id }
        return CatalogAlert(alert: alert, runbook: runbook, severity: severities.severity(of: alert))
    }
}
