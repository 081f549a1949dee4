import Alerts
import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

/// The catalog with an Alertmanager configured: the firing alerts above the runbooks, fetched by the runtime and
/// refreshed at an interval, and Enter on one starting an incident from it.
@Suite("the catalog's firing alerts")
struct CatalogAlertsReducerTests {
    static let cpuAlert = Alert(
        labels: ["alertname": "HighCPUUsage", "namespace": "shop", "pod": "api-7", "severity": "critical"],
        annotations: ["summary": "CPU > 80%"], fingerprint: "f00d", startsAt: Fixtures.opened.addingTimeInterval(-600),
        generatorURL: "http://prometheus.example/graph")
    static let orphanAlert = Alert(
        labels: ["alertname": "DiskAlmostFull", "severity": "warning"], fingerprint: "0bad",
        startsAt: Fixtures.opened.addingTimeInterval(-60))
    static let firing = [
        CatalogAlert(alert: cpuAlert, runbook: "high-cpu-usage", severity: .p1),
        CatalogAlert(alert: orphanAlert, runbook: nil, severity: .p2),
    ]

    /// The guide on the fixture library with an Alertmanager read every 30 seconds, launched on the catalog.
    static func launched(width: Int = 80, height: Int = 24) -> (AppModel, [Effect]) {
        var model = Fixtures.model(width: width, height: height)
        model.alertRefreshInterval = 30
        return launch(model, .catalog)
    }

    @Test("the catalog asks for the alerts at launch and draws its first frame without them: loading alerts…")
    func firstFrameDoesNotWait() {
        let (model, effects) = Self.launched()
        #expect(effects == [.fetchAlerts])
        let lines = view(model).textLines
        #expect(lines[1].contains("Firing alerts"))
        #expect(lines[2].contains("loading alerts…"))
        #expect(lines.contains { $0.contains("High CPU Usage") })
    }

    @Test("no Alertmanager, no section and no fetch")
    func notConfigured() {
        let (model, effects) = launch(Fixtures.model(), .catalog)
        #expect(effects.isEmpty)
        #expect(!view(model).textLines.contains { $0.contains("Firing alerts") })
        #expect(alertEffects(run(model, [.tick(now: Fixtures.opened.addingTimeInterval(3600))]).1) == [[]])
    }

    @Test("one fetch at a time, and the next only once the interval has passed since the last was asked for")
    func refreshInterval() {
        let (model, _) = Self.launched()
        let early = Fixtures.opened.addingTimeInterval(10)
        let late = Fixtures.opened.addingTimeInterval(31)
        #expect(alertEffects(run(model, [.tick(now: late)]).1) == [[]], "the first fetch has not answered")
        let answered = update(model, .alertsFetched(Self.firing)).0
        #expect(alertEffects(run(answered, [.tick(now: early)]).1) == [[]])
        #expect(alertEffects(run(answered, [.tick(now: late)]).1) == [[.fetchAlerts]])
    }

    /// The effects of each message but the review marks' request, which the first tick on the catalog makes too.
    private func alertEffects(_ effects: [[Effect]]) -> [[Effect]] {
        effects.map { $0.filter { $0 != .loadReviewMarks } }
    }

    @Test("each alert is listed with its severity, name, age and runbook, or no runbook")
    func listed() {
        let model = update(Self.launched().0, .alertsFetched(Self.firing)).0
        let lines = view(model).textLines
        let cpu = lines.first { $0.contains("HighCPUUsage") } ?? ""
        #expect(cpu.contains("P1") && cpu.contains("10m") && cpu.contains("→ high-cpu-usage"))
        #expect(cpu.contains("namespace=shop"), "its labels, as far as the row has room")
        let orphan = lines.first { $0.contains("DiskAlmostFull") } ?? ""
        #expect(orphan.contains("P2") && orphan.contains("1m") && orphan.contains("no runbook"))
    }

    @Test("Enter on an alert opens the incident on its runbook with the alert, as start --alert-json records it")
    func enterStarts() {
        let model = update(Self.launched().0, .alertsFetched(Self.firing)).0
        #expect(model.catalog.cursor == 2, "the selection stayed on the first runbook as the alerts arrived")
        let (_, effects) = run(model, keys(.character("g"), .enter))
        let record = AlertRecord(Self.cpuAlert, source: "alertmanager")
        #expect(
            effects.last == [
                .openIncidentFromAlert(
                    runbook: "high-cpu-usage", title: "HighCPUUsage: High CPU Usage", severity: .p1, drill: false,
                    id: nil, alert: record)
            ])
        #expect(
            record.openingEvents(actor: "alice") == [
                NewEvent(actor: "alice", kind: .alertAttached(record)),
                NewEvent(
                    actor: "alice", kind: .milestone(.impactStarted), occurredAt: Self.cpuAlert.startsAt),
            ])
    }

    @Test("Enter on an alert no runbook is for says so and starts nothing")
    func enterWithoutRunbook() {
        let model = update(Self.launched().0, .alertsFetched(Self.firing)).0
        let (after, effects) = run(model, keys(.character("g"), .down, .enter))
        #expect(effects.last == [])
        #expect(after.notice?.isError == true)
        #expect(after.notice?.text.contains("no runbook is for alert DiskAlmostFull") == true)
    }

    @Test("a silenced alert is not listed; none firing says so")
    func silencedAndNone() {
        let silenced = Alert(labels: ["alertname": "Quiet"], fingerprint: "5", suppressed: true)
        let model = update(
            Self.launched().0, .alertsFetched([CatalogAlert(alert: silenced, runbook: nil, severity: nil)])
        ).0
        let lines = view(model).textLines
        #expect(!lines.contains { $0.contains("Quiet") })
        #expect(lines[2].contains("no alerts firing"))
    }

    @Test("an unreachable Alertmanager is one line on the catalog, and the runbooks still start")
    func failure() {
        let reason = "cannot reach the Alertmanager at http://127.0.0.1:9: connection refused"
        let model = update(Self.launched().0, .alertsFetchFailed(reason: reason)).0
        let lines = view(model).textLines
        #expect(lines[2].contains("alerts: cannot reach the Alertmanager"))
        let (_, effects) = run(model, keys(.enter))
        #expect(effects.last == [], "Enter on the first runbook opens its start form")
        #expect(run(model, keys(.enter)).0.overlay != nil)
    }

    @Test("the cursor stays on the same alert when a refresh adds one before it")
    func selectionFollowsAlert() {
        var model = update(Self.launched().0, .alertsFetched([Self.firing[1]])).0
        model = run(model, keys(.character("g"))).0
        #expect(model.catalog.cursor == 0)
        model = update(model, .alertsFetched(Self.firing)).0
        #expect(model.catalog.cursor == 1)
    }
}
