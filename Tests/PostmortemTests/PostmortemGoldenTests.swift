import Foundation
import IncidentModel
import Postmortem
import TestSupport
import Testing

@Suite("The postmortem draft of a hand-written incident matches its golden files")
struct PostmortemGoldenTests {
    private func markdown(_ options: PostmortemOptions = PostmortemOptions()) -> String {
        PostmortemRenderer.markdown(
            state: IncidentState.fold(PostmortemFixture.events), events: PostmortemFixture.events,
            runbooks: PostmortemFixture.runbooks, incidentID: PostmortemFixture.incidentID,
            generatedAt: PostmortemFixture.generatedAt, options: options
        )
    }

    @Test("the full draft, diagram included")
    func full() throws {
        expectGolden(markdown(), file: "postmortem.md")
    }

    @Test("without the diagram the draft is the same up to the timeline picture")
    func noDiagram() throws {
        let without = markdown(PostmortemOptions(includeDiagram: false))
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
            runbooks: PostmortemFixture.runbooks
        )
        expectGolden(lines.joined(separator: "\n") + "\n", file: "gantt.md")
    }
}
