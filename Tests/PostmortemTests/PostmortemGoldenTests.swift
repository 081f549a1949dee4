import Foundation
import IncidentModel
import Localization
import Postmortem
import TestSupport
import Testing

@Suite("The postmortem draft of a hand-written incident matches its golden files")
struct PostmortemGoldenTests {
    private func markdown(
        _ language: Language = .english, clock: ZoneClock = .utc, _ options: PostmortemOptions = PostmortemOptions()
    ) -> String {
        PostmortemRenderer.markdown(
            events: PostmortemFixture.events,
            runbooks: PostmortemFixture.runbooks, incidentID: PostmortemFixture.incidentID,
            generatedAt: PostmortemFixture.generatedAt, localizer: Localizer(language), clock: clock, options: options
        )
    }

    @Test("the full draft in English with times in UTC, diagram included")
    func full() throws {
        expectGolden(markdown(), file: "postmortem.md")
    }

    @Test("the full draft in Traditional Chinese with times in Taipei, diagram included")
    func chinese() throws {
        expectGolden(markdown(.traditionalChinese, clock: try PostmortemFixture.taipei()), file: "postmortem.zh-TW.md")
    }

    @Test("without the diagram the draft is the same up to the timeline picture")
    func noDiagram() throws {
        let without = markdown(.english, clock: .utc, PostmortemOptions(includeDiagram: false))
        #expect(!without.contains("```mermaid"))
        let full = markdown()
        let cut = try #require(full.range(of: "\n\n## Timeline picture"))
        #expect(without == String(full[..<cut.lowerBound]) + "\n")
    }

    @Test("the gantt block")
    func gantt() throws {
        let report = Adherence.report(events: PostmortemFixture.events, runbooks: PostmortemFixture.runbooks)
        let lines = GanttChart.mermaid(
            milestones: IncidentState.fold(PostmortemFixture.events).milestones, sectionTimes: report.sectionTimes,
            runbooks: PostmortemFixture.runbooks, localizer: Localizer(.english), clock: .utc
        )
        expectGolden(lines.joined(separator: "\n") + "\n", file: "gantt.md")
    }
}
