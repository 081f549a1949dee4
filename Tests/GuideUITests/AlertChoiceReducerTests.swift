import Alerts
import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

/// `respond start --alert-json` in a terminal with a payload of several different alerts: the guide asks which one
/// with a picker, and the one chosen starts the incident as the command line would have.
@Suite("choosing an alert of a payload")
struct AlertChoiceReducerTests {
    static func choice(title: String? = nil, severity: Severity? = nil, drill: Bool = false) -> AlertChoice {
        AlertChoice(
            alerts: CatalogAlertsReducerTests.firing, source: "webhook", groupKey: "{}:{}", title: title,
            severity: severity, drill: drill, id: nil)
    }

    @Test("the picker lists each alert with its severity, name, runbook and key labels")
    func picker() {
        let (model, effects) = launch(Fixtures.model(), .chooseAlert(Self.choice()))
        #expect(effects.isEmpty)
        guard case .picker(let picker)? = model.overlay else {
            Issue.record("no picker: \(String(describing: model.overlay))")
            return
        }
        #expect(
            picker.options == [
                "P1  HighCPUUsage  → high-cpu-usage  namespace=shop pod=api-7", "P2  DiskAlmostFull  no runbook",
            ])
        #expect(view(model).textLines.contains { $0.contains("start from which alert?") })
    }

    @Test("the chosen alert opens the incident with the payload's source and group key and the command line's options")
    func chosen() {
        let model = launch(Fixtures.model(), .chooseAlert(Self.choice(title: "結帳 CPU", severity: .p0, drill: true))).0
        let (_, effects) = run(model, keys(.enter))
        let record = AlertRecord(CatalogAlertsReducerTests.cpuAlert, source: "webhook", groupKey: "{}:{}")
        #expect(
            effects.last == [
                .openIncidentFromAlert(
                    runbook: "high-cpu-usage", title: "結帳 CPU", severity: .p0, drill: true, id: nil, alert: record)
            ])
    }

    @Test("an alert without a runbook cannot be chosen to start: the notice says so; Esc leaves the catalog")
    func withoutRunbook() {
        let model = launch(Fixtures.model(), .chooseAlert(Self.choice())).0
        let (chosen, effects) = run(model, keys(.down, .enter))
        #expect(effects.last == [])
        #expect(chosen.notice?.text.contains("no runbook is for alert DiskAlmostFull") == true)
        let left = run(model, keys(.escape)).0
        #expect(left.overlay == nil)
        #expect(left.screen == .catalog)
    }
}
