import Foundation
import IncidentModel
import Testing

@Suite("The time an incident spent at each severity")
struct SeverityPeriodsTests {
    private static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    private static func event(_ seq: Int, _ minute: Double, _ kind: EventKind) -> Event {
        Event(seq: seq, recordedAt: start.addingTimeInterval(minute * 60), actor: "a", kind: kind)
    }

    @Test("each severity lasts until the next change, the last until the end given")
    func periods() {
        let state = IncidentState.fold([
            Self.event(1, 0, .incidentOpened(title: "t", severity: .p2, runbook: "r", drill: false, roles: [:])),
            Self.event(2, 5, .severityChanged(.p0)),
            Self.event(3, 20, .severityChanged(.p1)),
        ])
        let periods = state.severityPeriods(until: Self.start.addingTimeInterval(60 * 60))
        #expect(periods.map(\.severity) == [.p2, .p0, .p1])
        #expect(periods.map(\.seconds) == [300, 900, 2400])
        #expect(periods.map(\.stamp.seq) == [1, 2, 3])
    }

    @Test("a change back-dated before the one it follows leaves that one no time, never a negative one")
    func backDated() {
        let state = IncidentState.fold([
            Self.event(1, 10, .incidentOpened(title: "t", severity: .p2, runbook: "r", drill: false, roles: [:])),
            Event(
                seq: 2, recordedAt: Self.start.addingTimeInterval(900), occurredAt: Self.start, actor: "a",
                kind: .severityChanged(.p1)),
        ])
        #expect(state.severityPeriods(until: Self.start.addingTimeInterval(1200)).map(\.seconds) == [0, 1200])
    }

    @Test("an incident not yet opened has no severity periods")
    func empty() {
        #expect(IncidentState().severityPeriods(until: Self.start).isEmpty)
    }
}
