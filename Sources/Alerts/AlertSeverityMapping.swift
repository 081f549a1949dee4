import RunbookKit
import TerminalText

/// How an alert's `severity` label becomes an incident severity: `critical` → P1, `warning` → P2, `info` → P3 unless
/// the runbook library maps its own labels (the mapping a library keeps is given to `init(overrides:)`).
public struct AlertSeverityMapping: Sendable, Equatable {
    /// The built-in mapping, for labels the library does not map.
    public static let defaults: [String: Severity] = [
        "critical": .p1, "page": .p1, "error": .p2, "high": .p2, "warning": .p2, "warn": .p2, "medium": .p3,
        "info": .p3, "low": .p3, "none": .p3,
    ]

    private let table: [String: Severity]

    /// The built-in mapping with the library's own label → severity pairs on top (labels compared in any case).
    public init(overrides: [String: Severity] = [:]) {
        var table = Self.defaults
        for (label, severity) in overrides { table[label.lowercased()] = severity }
        self.table = table
    }

    /// The severity of an alert's label, or nil when it has none or one the mapping does not know.
    public func severity(of alert: Alert) -> Severity? {
        guard let label = alert.severityLabel?.trimmingScalars(in: .whitespaces).lowercased() else { return nil }
        if let severity = Severity(rawValue: label.uppercased()) { return severity }
        return table[label]
    }
}
