import FoundationEssentials
import TerminalText

/// One alert as Alertmanager tells of it, in a webhook notification or from its API: what fired, with the labels
/// and annotations the rule gave it.
public struct Alert: Sendable, Hashable, Codable {
    /// The `alertname` label.
    public let name: String
    /// Every label, `alertname` included.
    public let labels: [String: String]
    /// Every annotation (`summary`, `description`, `runbook_url`, …).
    public let annotations: [String: String]
    /// Alertmanager's identity of the alert, when given.
    public let fingerprint: String?
    /// When the alert started firing.
    public let startsAt: Date?
    /// When it stopped, or will be considered stopped; nil when not given or given as Go's zero time.
    public let endsAt: Date?
    /// The link back to the rule's expression in Prometheus.
    public let generatorURL: String?
    /// `firing` or `resolved` (webhook), `active`, `suppressed` or `unprocessed` (API v2).
    public let state: String?
    /// Whether a silence or inhibition suppresses it (API v2 `status.silencedBy` / `inhibitedBy`).
    public let suppressed: Bool

    /// An alert from its parts.
    public init(
        labels: [String: String], annotations: [String: String] = [:], fingerprint: String? = nil,
        startsAt: Date? = nil, endsAt: Date? = nil, generatorURL: String? = nil, state: String? = nil,
        suppressed: Bool = false
    ) {
        self.name = labels["alertname"] ?? ""
        self.labels = labels
        self.annotations = annotations
        self.fingerprint = fingerprint
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
        self.state = state
        self.suppressed = suppressed
    }

    /// The `severity` label, when the rule gave one.
    public var severityLabel: String? { labels["severity"] }

    /// The runbook link of the alert: the `runbook_url` annotation, else `runbook`.
    public var runbookURL: String? {
        for key in ["runbook_url", "runbook"] {
            if let value = annotations[key]?.trimmingScalars(in: .whitespaces), !value.isEmpty { return value }
        }
        return nil
    }

    /// Whether the alert is firing now: not resolved, not suppressed, and not past its end.
    public func isFiring(at now: Date) -> Bool {
        if state == "resolved" || suppressed { return false }
        if let endsAt, endsAt <= now { return false }
        return true
    }
}
