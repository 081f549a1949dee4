import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import Testing

/// The Detection section of an incident opened from an alert says which alert, where and since when, and links to
/// the rule that raised it.
@Suite("The postmortem's Detection section names the alert the incident was opened from")
struct PostmortemDetectionAlertTests {
    private static let alert = AlertRecord(
        name: "HighCPUUsage", labels: ["alertname": "HighCPUUsage", "pod": "api-7", "namespace": "shop"],
        fingerprint: "f1", startsAt: PostmortemFixture.time(-5),
        generatorURL: "http://prometheus.example/graph?g0.expr=cpu", source: "webhook")

    private static func detection(_ alerts: [AlertRecord], language: Language = .english) throws -> String {
        let events =
            [
                Event(
                    seq: 1, recordedAt: PostmortemFixture.time(0), actor: "alice",
                    kind: .incidentOpened(
                        title: "t", severity: .p2, runbook: "high-cpu-usage", drill: false, roles: [:]))
            ]
            + alerts.enumerated().map { index, alert in
                Event(
                    seq: index + 2, recordedAt: PostmortemFixture.time(0), actor: "alice", kind: .alertAttached(alert))
            }
        let markdown = PostmortemRenderer.markdown(
            events: events, runbooks: PostmortemFixture.runbooks,
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt,
            localizer: Localizer(language), clock: .utc, options: PostmortemOptions(includeDiagram: false))
        let heading = language == .english ? "Detection" : "偵測"
        let start = try #require(markdown.range(of: "\n## \(heading)\n"))
        let rest = markdown[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test("the alert's name, its labels but alertname in order, when it began firing and its generator URL")
    func english() throws {
        let section = try Self.detection([Self.alert])
        #expect(
            section.contains(
                "- Opened from the alert `HighCPUUsage` with the labels `namespace=shop`, `pod=api-7`, firing since "
                    + "2026-11-27T00:15:00Z ([the rule that raised it](<http://prometheus.example/graph?g0.expr=cpu>))."
            ))
    }

    @Test("in Traditional Chinese too")
    func traditionalChinese() throws {
        let section = try Self.detection([Self.alert], language: .traditionalChinese)
        #expect(section.contains("- 由告警 `HighCPUUsage` 開立，標籤為 `namespace=shop`, `pod=api-7`，自 "))
        #expect(section.contains("（[觸發它的規則](<http://prometheus.example/graph?g0.expr=cpu>)）。"))
    }

    @Test("an alert known only by name is named alone; an incident not opened from an alert names none")
    func nameOnlyAndNone() throws {
        let byName = try Self.detection([AlertRecord(name: "HighCPUUsage", source: "name")])
        #expect(byName.contains("- Opened from the alert `HighCPUUsage`.\n"))
        #expect(!(try Self.detection([])).contains("Opened from the alert"))
    }

    @Test("labels and a URL from Alertmanager cannot break out of their code span or link")
    func hostileValues() throws {
        let hostile = AlertRecord(
            name: "A`B", labels: ["team": "x` **bold**"], generatorURL: "http://x/a b)|<c>", source: "single")
        let section = try Self.detection([hostile])
        #expect(section.contains("``A`B``"))
        #expect(section.contains("``team=x` **bold**``"))
        #expect(section.contains("(<http://x/ab)%7C%3Cc%3E>)"))
    }
}
