import Foundation
import IncidentModel
import Localization
import Postmortem
import Testing

@Suite("The postmortem says which machine recorded what")
struct PostmortemMachinesTests {
    private static func timeline(_ events: [Event]) -> String {
        let markdown = PostmortemRenderer.markdown(
            events: events, runbooks: PostmortemFixture.runbooks,
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt,
            localizer: Localizer(.english), clock: .utc, options: PostmortemOptions(includeDiagram: false))
        guard let start = markdown.range(of: "\n## Timeline\n") else { return "" }
        let rest = markdown[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    private static let opened = Event(
        seq: 1, recordedAt: PostmortemFixture.time(0), actor: "alice",
        kind: .incidentOpened(title: "t", severity: .p2, runbook: "high-cpu-usage", drill: false, roles: [:]))

    @Test("each row names the machine once events come from more than one")
    func machinesNamed() {
        let note = Event(
            seq: 1, recordedAt: PostmortemFixture.time(3), actor: "carol",
            kind: .note(text: "db looks fine", pinned: false, commander: true), writer: "carol-laptop")
        let timeline = Self.timeline(JournalOrder.ordered([Self.opened, note]))
        #expect(timeline.contains("| carol on carol-laptop | "), "\(timeline)")
        #expect(timeline.contains("| alice on the opening machine | "), "\(timeline)")
    }

    @Test("an incident worked from one machine names none")
    func oneMachineNamesNone() {
        let note = Event(
            seq: 2, recordedAt: PostmortemFixture.time(3), actor: "carol",
            kind: .note(text: "db looks fine", pinned: false, commander: true))
        let timeline = Self.timeline([Self.opened, note])
        #expect(timeline.contains("| carol | "), "\(timeline)")
        #expect(!timeline.contains("opening machine"), "\(timeline)")
    }
}
