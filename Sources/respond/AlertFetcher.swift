import AlertmanagerClient
import Alerts
import Foundation
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
    private let state = Mutex(State())

    private struct State {
        var running = false
        var answer: Message?
        var mapping: AlertMapping?
    }

    /// A fetcher of the alerts on `client`'s Alertmanager, matched against `catalog`'s runbooks, saying what went
    /// wrong in the words of `localizer`.
    init(client: AlertmanagerClient, catalog: Catalog, localizer: Localizer) {
        self.client = client
        self.catalog = catalog
        self.localizer = localizer
    }

    /// Starts a fetch unless one is under way; its answer comes from `poll`.
    func start() {
        let started = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            return true
        }
        guard started else { return }
        Thread.detachNewThread { [self] in
            let answer = fetch()
            state.withLock { state in
                state.answer = answer
                state.running = false
            }
        }
    }

    /// The answer of the last fetch, once, when it has arrived.
    func poll() -> [Message] {
        state.withLock { state in
            defer { state.answer = nil }
            return state.answer.map { [$0] } ?? []
        }
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
        if let made = state.withLock({ $0.mapping }) { return made }
        let made = try AlertMapping(catalog: catalog, localizer: localizer)
        state.withLock { $0.mapping = made }
        return made
    }
}
