import Foundation
import IncidentModel
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
        let metrics = Metrics(
            Milestones(impactStarted: JournalBuilder.time(0), detectedRecorded: JournalBuilder.time(3)))
        #expect(metrics.timeToDetect == 180)
        #expect(metrics.timeToAcknowledge == nil)
        #expect(metrics.timeToMitigate == nil)
    }

    @Test(
        "durations read as two units",
        arguments: [
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

@Suite("Clock and stopwatch readings")
struct ClockReadingTests {
    @Test(
        "a date reads as its UTC time of day, seconds rounded down, before 1970 too",
        arguments: [
            ("2026-11-27T03:04:05.999Z", "03:04:05"),
            ("2026-11-27T00:00:00.000Z", "00:00:00"),
            ("2026-11-27T23:59:59.000Z", "23:59:59"),
            ("1969-12-31T23:59:59.500Z", "23:59:59"),
        ])
    func timeOfDay(timestamp: String, expected: String) throws {
        let date = try #require(JournalTime.date(from: timestamp))
        #expect(JournalTime.clock(date) == expected)
    }

    @Test(
        "a span reads as H:MM:SS, hours past a day included, never negative",
        arguments: [(0.0, "0:00:00"), (249.9, "0:04:09"), (93_600, "26:00:00"), (-5, "0:00:00")])
    func stopwatch(seconds: Double, expected: String) {
        #expect(DurationFormat.clock(seconds) == expected)
    }

    @Test("readings no clock or stopwatch can show are placeholders, not crashes")
    func impossibleReadings() {
        #expect(JournalTime.clock(Date(timeIntervalSince1970: .infinity)) == "--:--:--")
        #expect(DurationFormat.clock(.nan) == "?:??:??")
        #expect(DurationFormat.clock(.infinity) == "?:??:??")
    }
}
