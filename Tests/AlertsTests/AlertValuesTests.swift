import RunbookKit
import Testing

@testable import Alerts

@Suite("An alert's severity label maps to a severity and its labels fill placeholders")
struct AlertValuesTests {
    @Test("critical, warning and info map to P1, P2, P3; a P-level label is taken as it is; others are unknown")
    func severities() {
        let mapping = AlertSeverityMapping()
        func severity(_ label: String?) -> Severity? {
            mapping.severity(
                of: Alert(labels: ["alertname": "A"].merging(label.map { ["severity": $0] } ?? [:]) { $1 }))
        }
        #expect(severity("critical") == .p1)
        #expect(severity("Warning") == .p2)
        #expect(severity("info") == .p3)
        #expect(severity("p0") == .p0)
        #expect(severity("sev-banana") == nil)
        #expect(severity(nil) == nil)
    }

    @Test("A library's own mapping comes before the built-in one")
    func overrides() {
        let mapping = AlertSeverityMapping(overrides: ["CRITICAL": .p0, "page": .p0])
        #expect(mapping.severity(of: Alert(labels: ["alertname": "A", "severity": "critical"])) == .p0)
        #expect(mapping.severity(of: Alert(labels: ["alertname": "A", "severity": "warning"])) == .p2)
    }

    @Test("Placeholders take the label of the same name in any case, with - and _ as one")
    func placeholderValues() {
        let labels = ["namespace": "shop", "pod_name": "api-7", "Service": "checkout", "empty": ""]
        let values = AlertLabelValues.defaults(
            for: ["NAMESPACE", "pod-name", "$labels.service", "empty", "node"], labels: labels)
        #expect(values == ["NAMESPACE": "shop", "pod-name": "api-7", "$labels.service": "checkout"])
    }
}
