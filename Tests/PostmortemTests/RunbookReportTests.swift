import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import TestSupport
import Testing

@Suite("The runbook report across a window of incidents")
struct RunbookReportTests {
    private typealias Fixture = RunbookReportFixture

    @Test("incidents opened in the window count, drills apart; damaged lines are counted; the old incident is not")
    func counts() throws {
        let report = try Fixture.report()
        #expect(report.incidents == 3)
        #expect(report.drills == 1)
        #expect(report.damagedLines == 2)
        #expect(report.since == Fixture.window.start && report.until == Fixture.window.end)
        let disk = try #require(report.runbooks.first { $0.id == "disk-full" })
        #expect(disk.incidents == 3 && disk.drills == 1)
        #expect(disk.lastUsed == Fixture.daysAgo(0.5))
        #expect(!disk.skippedSteps.contains { $0.reasons.contains("an old reason") })
    }

    @Test("every runbook of the library is listed, the ones with the most evidence first")
    func everyRunbookInOrder() throws {
        let report = try Fixture.report()
        #expect(report.runbooks.map(\.id) == ["disk-full", "db-down", "api-down", "cache"])
        #expect(report.runbooks.map(\.needsAttention) == [true, true, false, false])
        let unused = try #require(report.runbooks.first { $0.id == "cache" })
        #expect(unused.incidents == 0 && unused.drills == 0 && unused.lastUsed == nil)
    }

    @Test("medians of the real incidents' times to mitigate and resolve")
    func medians() throws {
        let report = try Fixture.report()
        let disk = try #require(report.runbooks.first { $0.id == "disk-full" })
        // inc-a: 20 and 60 minutes from impact; inc-b: 40 and 100; the damaged one is neither.
        #expect(disk.medianTimeToMitigate == 1800.0)
        #expect(disk.medianTimeToResolve == 4800.0)
        let db = try #require(report.runbooks.first { $0.id == "db-down" })
        #expect(db.medianTimeToMitigate == 2400.0 && db.medianTimeToResolve == 6000.0)
    }

    @Test("skipped steps with every reason, items open at resolution and commands not in the runbook")
    func evidence() throws {
        let report = try Fixture.report()
        let disk = try #require(report.runbooks.first { $0.id == "disk-full" })
        #expect(
            disk.skippedSteps == [
                .init(
                    step: "diagnosis-2", title: "Find the largest directory", count: 2,
                    reasons: ["df already clear", "no shell access"])
            ])
        #expect(
            disk.openAtResolution == [
                .init(item: 3, text: "DiskFull alert resolved", count: 2),
                .init(item: 2, text: "Writes succeed", count: 1),
            ])
        #expect(disk.commandsNotInRunbook == [.init(command: "du -sh /srv", count: 3, incidents: 2)])
        let db = try #require(report.runbooks.first { $0.id == "db-down" })
        #expect(db.commandsNotInRunbook == [.init(command: "systemctl restart postgresql", count: 1, incidents: 1)])
        #expect(db.openAtResolution == [.init(item: 1, text: "Primary accepts connections", count: 1)])
    }

    @Test("feedback with its incident, step, author and time, and whether it was reviewed")
    func feedback() throws {
        let report = try Fixture.report()
        let disk = try #require(report.runbooks.first { $0.id == "disk-full" })
        #expect(
            disk.feedback == [
                .init(
                    reference: "inc-a#7", incident: "inc-a", step: "diagnosis-2", author: "bob",
                    at: Fixture.daysAgo(2).addingTimeInterval(5 * 60), text: "du needs -x", reviewed: false)
            ])
        let db = try #require(report.runbooks.first { $0.id == "db-down" })
        #expect(db.feedback.map(\.reference) == ["inc-b#11"] && db.feedback.map(\.reviewed) == [true])
    }

    @Test("a note in another machine's file is named with its writer, apart from the opener's note of the same seq")
    func feedbackOfAnotherMachine() throws {
        let opened = Fixture.daysAgo(1)
        let note = EventKind.runbookFeedback(runbook: "cache", step: nil, text: "name the redis host")
        let events =
            Fixture.incident(opened: opened, runbook: "cache", [(1, "alice", note)])
            + [Event(seq: 2, recordedAt: opened.addingTimeInterval(120), actor: "bob", kind: note, writer: "laptop")]
        var builder = RunbookReportBuilder(
            library: try Fixture.library(), window: Fixture.window, now: Fixture.now, reviewed: ["shared#2"])
        builder.add(incident: "shared", events: events, damagedLines: 0)
        let cache = try #require(builder.report().runbooks.first { $0.id == "cache" })
        #expect(cache.feedback.map(\.reference) == ["shared#2", "shared#2@laptop"])
        #expect(cache.feedback.map(\.reviewed) == [true, false])
    }

    @Test("a runbook is stale when its Last Updated is further back than its Review Cycle allows")
    func stale() throws {
        let report = try Fixture.report()
        let byID = Dictionary(uniqueKeysWithValues: report.runbooks.map { ($0.id, $0) })
        #expect(byID["db-down"]?.stale == true && byID["db-down"]?.reviewDue == "2025-02-01")
        #expect(byID["disk-full"]?.stale == false && byID["disk-full"]?.reviewDue == "2027-02-01")
        #expect(byID["api-down"]?.reviewCycle == "monthly" && byID["api-down"]?.lastUpdated == "2026-11-20")
    }

    @Test("people, the P0 runbooks nobody drilled in the last quarter and the drills due")
    func drills() throws {
        let report = try Fixture.report()
        #expect(
            report.people == [
                .init(name: "alice", walked: ["disk-full"], drilledP0: []),
                .init(name: "carol", walked: ["disk-full"], drilledP0: []),
                .init(name: "dave", walked: ["disk-full"], drilledP0: []),
                .init(name: "erin", walked: [], drilledP0: ["db-down"]),
            ])
        #expect(report.undrilledP0 == ["api-down"])
        #expect(report.drillsDue == [.init(id: "api-down", severity: .p0, lastDrill: nil)])
    }

    @Test("the agenda in English, times in UTC")
    func goldenEnglish() throws {
        let markdown = RunbookReportMarkdown(try Fixture.report(), localizer: Localizer(.english), clock: .utc).text()
        expectGolden(markdown, file: "report.md")
    }

    @Test("the agenda in Traditional Chinese, times in Taipei")
    func goldenChinese() throws {
        let clock = ZoneClock(zone: try #require(TimeZone(identifier: "Asia/Taipei")))
        let markdown = RunbookReportMarkdown(
            try Fixture.report(), localizer: Localizer(.traditionalChinese), clock: clock
        ).text()
        expectGolden(markdown, file: "report.zh-TW.md")
    }

    @Test("the JSON has the issue's field names, times in UTC")
    func json() throws {
        let data = try Fixture.report().json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["since"] as? String == "2026-11-26T14:05:00.000Z")
        #expect(object["undrilledP0"] as? [String] == ["api-down"])
        let runbooks = try #require(object["runbooks"] as? [[String: Any]])
        let first = try #require(runbooks.first)
        for field in [
            "id", "title", "incidents", "drills", "skippedSteps", "openAtResolution", "commandsNotInRunbook",
            "feedback", "stale",
        ] {
            #expect(first[field] != nil, "\(field)")
        }
        let people = try #require(object["people"] as? [[String: Any]])
        #expect(people.compactMap { $0["name"] as? String } == ["alice", "carol", "dave", "erin"])
    }
}

@Suite("The runbook report's JSON, written piece by piece")
struct RunbookReportJSONTests {
    /// What `JSONEncoder` writes for the whole report at once, the form `json()` must keep byte for byte.
    private static func encodedWhole(_ report: RunbookReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(JournalTime.string(from: date))
        }
        return try encoder.encode(report) + Data("\n".utf8)
    }

    @Test("is byte for byte the whole report encoded at once, with and without feedback and runbooks")
    func sameAsWhole() throws {
        var report = try RunbookReportFixture.report()
        let index = try #require(report.runbooks.firstIndex { !$0.feedback.isEmpty })
        // A second note, so that notes written apart are joined as the encoder joins array elements.
        var second = report.runbooks[index].feedback[0]
        second.text = "a second note"
        report.runbooks[index].feedback.append(second)
        #expect(report.runbooks.contains { $0.feedback.isEmpty })
        #expect(try report.json() == Self.encodedWhole(report))
        var empty = report
        empty.runbooks = []
        #expect(try empty.json() == Self.encodedWhole(empty))
        var noFeedback = report
        for index in noFeedback.runbooks.indices { noFeedback.runbooks[index].feedback = [] }
        #expect(try noFeedback.json() == Self.encodedWhole(noFeedback))
    }

    @Test("keeps the encoder's escapes: controls, quotes, backslashes, slashes and text that looks like the layout")
    func escapes() throws {
        var report = try RunbookReportFixture.report()
        let tricky = "a\tb\nc\r\"d\"\\e/f\u{1}\u{1F}\u{7F} 中文 \n  \"feedback\" : [\n\n  ]"
        let index = try #require(report.runbooks.firstIndex { !$0.feedback.isEmpty })
        report.runbooks[index].feedback[0].text = tricky
        report.runbooks[index].title = tricky
        report.undrilledP0.append(tricky)
        #expect(try report.json() == Self.encodedWhole(report))
    }
}
