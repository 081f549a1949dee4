import Foundation
import IncidentKit
import Testing

@Suite("Response metrics from milestones")
struct MetricsTests {
    @Test("all four metrics come from impact start, detection, opening, mitigation and resolution")
    func allFour() {
        var journal = JournalBuilder.opened()
        journal.add(.milestone(.impactStarted), at: 1, occurred: -30)
        journal.add(.milestone(.detected), at: 2, occurred: -10)
        journal.add(.statusChanged(.mitigated), at: 25)
        journal.add(.statusChanged(.resolved), at: 65)
        let metrics = Metrics(journal.state)
        #expect(metrics.timeToDetect == TimeInterval(20 * 60))
        #expect(metrics.timeToAcknowledge == TimeInterval(10 * 60))
        #expect(metrics.timeToMitigate == TimeInterval(55 * 60))
        #expect(metrics.timeToResolve == TimeInterval(95 * 60))
    }

    @Test("without an impact start, TTD is unknown and TTM and TTR count from detection")
    func noImpactStart() {
        var journal = JournalBuilder.opened()
        journal.add(.statusChanged(.mitigated), at: 12)
        let metrics = Metrics(journal.state)
        #expect(metrics.timeToDetect == nil)
        #expect(metrics.timeToAcknowledge == 0)
        #expect(metrics.timeToMitigate == TimeInterval(12 * 60))
        #expect(metrics.timeToResolve == nil)
    }

    @Test("before the incident is opened only impact and detection can be measured")
    func beforeOpening() {
        let metrics = Metrics(Milestones(impactStarted: JournalBuilder.time(0), detectedRecorded: JournalBuilder.time(3)))
        #expect(metrics.timeToDetect == 180)
        #expect(metrics.timeToAcknowledge == nil)
        #expect(metrics.timeToMitigate == nil)
    }

    @Test("durations read as two units", arguments: [
        (0.0 as Double, "0s"), (45.4, "45s"), (750, "12m 30s"), (60, "1m 00s"), (3900, "1h 05m"),
        (93_660, "1d 02h"), (-90, "-1m 30s"),
    ])
    func format(seconds: Double, expected: String) {
        #expect(DurationFormat.string(seconds) == expected)
    }

    @Test("a missing duration reads as the placeholder")
    func missing() {
        #expect(DurationFormat.string(nil, placeholder: "—") == "—")
    }
}
