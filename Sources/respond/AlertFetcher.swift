import AlertmanagerClient
import Alerts
import FoundationEssentials
import GuideUI
import Localization
import RunbookKit
import Synchronization

/// Reads the alerts firing now for the guide, on a thread of its own so that no key waits on the network: started
/// for `Effect.fetchAlerts`, polled by the run loop, which hands its answer to `update` as `.alertsFetched` or
/// `.alertsFetchFailed`. Each alert comes with the runbook it maps to and the severity its label maps to; the
/// library's runbooks are matched once, on the first fetch, off the key path too.
final class AlertFetcher: Sendable {
    private let client: AlertmanagerClient
    private let catalog: Catalog
    private let localizer: Localizer
    private let job = BackgroundJob()
    /// The library's mapping of alerts, once the first fetch made it.
    private let mapped = Mutex<AlertMapping?>(nil)

    /// A fetcher of the alerts on `client`'s Alertmanager, matched against `catalog`'s runbooks, saying what went
    /// wrong in the words of `localizer`.
    init(client: AlertmanagerClient, catalog: Catalog, localizer: Localizer) {
        self.client = client
        self.catalog = catalog
        self.localizer = localizer
    }

    /// Starts a fetch unless one is under way; its answer comes from `poll`.
    func start() {
        job.start { [self] in fetch() }
    }

    /// The answer of the last fetch, once, when it has arrived.
    func poll() -> [Message] {
        job.poll()
    }

    private func fetch() -> Message {
        let alerts: [Alert]
        do {
            // Silenced and inhibited alerts too: the guide lists only the others, but one that a silence hides has
            // not stopped firing.
            alerts = try client.firingAlerts(includeSuppressed: true)
        } catch {
            return .alertsFetchFailed(reason: error.description(in: localizer))
        }
        let mapping: AlertMapping
        do {
            mapping = try self.mapping()
        } catch {
            return .alertsFetchFailed(reason: "\(error)")
        }
        let now = Date()
        return .alertsFetched(
            alerts.sorted { ($0.startsAt ?? now, $0.name) < ($1.startsAt ?? now, $1.name) }.map(mapping.listed))
    }

    /// The library's mapping of alerts, made on the first fetch.
    private func mapping() throws -> AlertMapping {
        if let made = mapped.withLock({ $0 }) { return made }
        let made = try AlertMapping(catalog: catalog, localizer: localizer)
        mapped.withLock { $0 = made }
        return made
    }
}
