import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import Testing

@Suite("The postmortem draft as GitHub renders it")
struct PostmortemStructureTests {
    private let html: String = GFMHTML.render(
        PostmortemRenderer.markdown(
            events: PostmortemFixture.events,
            runbooks: PostmortemFixture.runbooks, incidentID: PostmortemFixture.incidentID,
            generatedAt: PostmortemFixture.generatedAt, localizer: Localizer(.english), clock: .utc
        ))

    private func matches(_ pattern: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test("has one title and its sections in the agreed order")
    func sectionOrder() {
        #expect(matches("<h1>(.*?)</h1>") == ["Postmortem: Checkout CPU 飽和"])
        #expect(
            matches("<h2>(.*?)</h2>") == [
                "Facts", "Summary", "Impact", "Responders", "Detection", "Trigger", "Resolution", "Timeline",
                "Actions taken", "Verification", "Root cause", "Contributing factors", "Communication", "Action items",
                "Lessons learned", "Key metrics", "Adherence to the runbook", "Timeline picture",
            ])
    }

    @Test("every timeline row has its four cells, and the hostile note did not become markup")
    func timelineRows() throws {
        let start = try #require(html.range(of: "<h2>Timeline</h2>"))
        let end = try #require(html.range(of: "<h2>Actions taken</h2>"))
        let rows = html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").filter {
            $0.contains("<td>")
        }
        #expect(rows.count == PostmortemFixture.events.count - 3, "every event but the pin, the copy and the export")
        #expect(rows.allSatisfy { $0.components(separatedBy: "<td>").count - 1 == 4 })
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("# not a heading | <code>rm -rf</code>") == false)
        #expect(html.contains("# not a heading | `rm -rf`"))
    }

    @Test("open verification items stand out as unticked boxes marked OPEN")
    func openItems() {
        #expect(html.contains("<strong>OPEN</strong> 2. API p99 latency &lt; 500ms"))
        #expect(html.contains("checked=\"\" disabled=\"\" /> 1. CPU 使用率 &lt; 70%"))
    }

    @Test("a journal with only the opening still gives every section, with placeholders")
    func minimal() {
        let events = [
            Event(
                seq: 1, id: UUID(), recordedAt: PostmortemFixture.time(0), actor: "a",
                kind: .incidentOpened(title: "t", severity: .p3, runbook: "gone", drill: true, roles: [:]))
        ]
        let markdown = PostmortemRenderer.markdown(
            events: events, runbooks: [:], incidentID: "x",
            generatedAt: PostmortemFixture.time(1), localizer: Localizer(.english), clock: .utc,
            options: PostmortemOptions(includeDiagram: false)
        )
        #expect(markdown.contains("| Kind | **Drill** |"))
        #expect(markdown.contains("| Resolved | not yet |"))
        #expect(markdown.contains("| TTR (time to resolve) | unknown |"))
        #expect(markdown.contains("_The runbooks used have no verification checklist._"))
        #expect(!markdown.contains("Timeline picture"))
    }
}
