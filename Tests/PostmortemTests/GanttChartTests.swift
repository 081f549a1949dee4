import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import Testing

@Suite("The Mermaid gantt chart")
struct GanttChartTests {
    private func time(_ minute: Double) -> Date { PostmortemFixture.time(minute) }

    @Test("phases exist only between milestones that exist, and bars without length are left out")
    func phases() {
        let lines = GanttChart.mermaid(
            milestones: Milestones(acknowledged: time(0), mitigated: time(30)), sectionTimes: [], runbooks: [:],
            localizer: Localizer(.english), clock: .utc
        )
        #expect(
            lines == [
                "```mermaid", "gantt", "    title Incident timeline (UTC)", "    dateFormat YYYY-MM-DDTHH:mm:ss",
                "    axisFormat %H:%M", "    section Phases",
                "    Acknowledged → mitigated :2026-11-27T00:20:00, 2026-11-27T00:50:00", "```",
            ])
    }

    @Test("an incident just opened has a chart with no bars")
    func empty() {
        let lines = GanttChart.mermaid(
            milestones: Milestones(acknowledged: time(0)), sectionTimes: [], runbooks: [:],
            localizer: Localizer(.english), clock: .utc)
        #expect(!lines.contains { $0.contains(" :") })
        #expect(lines.first == "```mermaid" && lines.last == "```")
    }

    @Test("section names cannot break the chart's syntax")
    func labels() {
        let section = AdherenceReport.SectionTime(
            runbook: "r", section: .diagnosis, title: "診斷: step #1; x\ny", seconds: 90, start: time(0), end: time(2)
        )
        let lines = GanttChart.mermaid(
            milestones: Milestones(), sectionTimes: [section], runbooks: [:], localizer: Localizer(.english),
            clock: .utc)
        #expect(lines.contains("    section r"))
        #expect(lines.contains("    診斷 step 1 x y 1m 30s :2026-11-27T00:20:00, 2026-11-27T00:22:00"))
    }
}
