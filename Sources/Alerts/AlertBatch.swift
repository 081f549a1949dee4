/// The alerts of one payload, with what the payload says of them as a group.
public struct AlertBatch: Sendable, Equatable {
    /// Where the payload came from, by its shape.
    public enum Source: String, Sendable, Equatable {
        /// An Alertmanager webhook notification (`version` "4").
        case webhook
        /// A list of API v2 alert objects (`GET /api/v2/alerts`, `amtool alert query -o json`).
        case apiList = "api-list"
        /// One alert object.
        case single
    }

    /// The alerts, in the payload's order.
    public let alerts: [Alert]
    /// The payload's shape.
    public let source: Source
    /// The webhook's `groupKey`.
    public let groupKey: String?
    /// The webhook's `externalURL`: the Alertmanager that sent it.
    public let externalURL: String?
    /// The webhook's `commonLabels`.
    public let commonLabels: [String: String]

    /// A batch from its parts.
    public init(
        alerts: [Alert], source: Source, groupKey: String? = nil, externalURL: String? = nil,
        commonLabels: [String: String] = [:]
    ) {
        self.alerts = alerts
        self.source = source
        self.groupKey = groupKey
        self.externalURL = externalURL
        self.commonLabels = commonLabels
    }

    /// The alerts with different names or label sets, one each: a webhook repeats an alert that fired again.
    public var distinctAlerts: [Alert] {
        var seen: Set<String> = []
        return alerts.filter { alert in
            let identity =
                alert.fingerprint
                ?? alert.labels.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(
                    separator: "\u{1F}")
            return seen.insert(identity).inserted
        }
    }
}
