import AlertmanagerClient
import ArgumentParser
import FoundationEssentials
import Localization

/// The Alertmanager the guide reads firing alerts from: the catalog lists them, and an incident opened from one
/// records when it stops firing.
struct AlertmanagerOption: ParsableArguments {
    @Option(
        help:
            "The Alertmanager whose firing alerts the guide shows, e.g. http://alertmanager:9093 (default: $RESPOND_ALERTMANAGER)."
    )
    var alertmanager: String?

    /// How often the guide reads the alerts again unless `RESPOND_ALERTS_INTERVAL` says otherwise, in seconds.
    static let defaultInterval = 30

    /// The client and the refresh interval, or nil when no Alertmanager is configured; a bad address or interval
    /// is a usage error said in the words of `localizer`, before the screen is taken over.
    func watch(
        environment: [String: String] = ProcessInfo.processInfo.environment, localizer: Localizer
    ) throws -> (client: AlertmanagerClient, interval: Double)? {
        guard let address = alertmanager ?? environment["RESPOND_ALERTMANAGER"].flatMap({ $0.isEmpty ? nil : $0 })
        else { return nil }
        let client: AlertmanagerClient
        do {
            client = try AlertmanagerClient(address: address)
        } catch {
            throw usageError(error.description)
        }
        guard let text = environment["RESPOND_ALERTS_INTERVAL"], !text.isEmpty else {
            return (client, Double(Self.defaultInterval))
        }
        guard let seconds = Int(text), (1...86_400).contains(seconds) else {
            throw CLIError(localizer.tr("cli.environment.alerts_interval", ["value": text]))
        }
        return (client, Double(seconds))
    }
}
