import FoundationEssentials

/// Asks the runtime for the alerts firing now when an Alertmanager is configured and something needs them (the
/// catalog shows them; an incident walked with an attached alert not yet resolved watches for its end), no fetch is
/// under way, and the refresh interval has passed since the last one was asked for. The answer arrives later as
/// `.alertsFetched` or `.alertsFetchFailed`.
func requestingAlerts(_ model: AppModel, _ effects: [Effect]) -> (AppModel, [Effect]) {
    guard let interval = model.alertRefreshInterval, !model.alerts.inFlight, model.wantsAlerts else {
        return (model, effects)
    }
    if let asked = model.alerts.askedAt, model.now.timeIntervalSince(asked) < interval { return (model, effects) }
    var model = model
    model.alerts.inFlight = true
    model.alerts.askedAt = model.now
    return (model, effects + [.fetchAlerts])
}

extension AppModel {
    /// Whether the alerts firing now are needed: on the catalog, or while an incident with an attached alert that is
    /// not recorded as resolved is walked. The commander's review only reads the journal.
    var wantsAlerts: Bool {
        guard review == nil else { return false }
        return screen == .catalog || (screens.contains(.walkthrough) && !unresolvedAlerts.isEmpty)
    }
}

/// Takes in the alerts firing now: the catalog lists them (keeping its selection on the same row), and an attached
/// alert that is no longer among them is recorded as resolved.
func alertsFetched(_ model: AppModel, _ alerts: [CatalogAlert]) -> (AppModel, [Effect]) {
    var model = model
    let selected = model.selectedCatalogRow
    model.alerts.inFlight = false
    model.alerts.answer = .firing(alerts)
    model.reselectCatalogRow(selected)
    return recordingResolvedAlerts(model, firing: alerts.map(\.alert))
}

/// Takes in a failed fetch: the catalog says why in one line, and nothing is concluded about attached alerts.
func alertsFetchFailed(_ model: AppModel, reason: String) -> (AppModel, [Effect]) {
    var model = model
    let selected = model.selectedCatalogRow
    model.alerts.inFlight = false
    model.alerts.answer = .failed(reason)
    model.reselectCatalogRow(selected)
    return (model, [])
}
