import Foundation
import IncidentModel
import Postmortem
import TestSupport
import Testing

@Suite("The JSON export of a whole incident")
struct IncidentExportTests {
    private func json() throws -> String {
        try PostmortemRenderer.json(
            state: IncidentState.fold(PostmortemFixture.events), events: PostmortemFixture.events,
            runbooks: PostmortemFixture.runbooks, incidentID: PostmortemFixture.incidentID,
            generatedAt: PostmortemFixture.generatedAt
        )
    }

    @Test("matches its golden file")
    func golden() throws {
        expectGolden(try json(), file: "export.json")
    }

    @Test("written piece by piece, is JSONEncoder's encoding of the whole export, with and without events")
    func streamed() throws {
        let hostile = Event(
            seq: 99, recordedAt: PostmortemFixture.generatedAt, occurredAt: PostmortemFixture.generatedAt,
            actor: "a\"{[,:]}\\",
            kind: .note(text: "{\"x\": [1, 2]}, \\\" \u{1} / 繁體", pinned: false, commander: false)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(JournalTime.string(from: date))
        }
        for events in [PostmortemFixture.events + [hostile], []] {
            let state = IncidentState.fold(events)
            var pieces: [UInt8] = []
            try PostmortemRenderer.writeJSON(
                state: state, events: events, runbooks: PostmortemFixture.runbooks,
                incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt
            ) { pieces += $0 }
            let export = IncidentExport(
                state: state, events: events, runbooks: PostmortemFixture.runbooks,
                incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt
            )
            let whole = String(decoding: try encoder.encode(export), as: UTF8.self) + "\n"
            #expect(String(decoding: pieces, as: UTF8.self) == whole)
        }
    }

    @Test("carries every event exactly as the journal codec reads it back")
    func eventsRoundTrip() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try json().utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [Any])
        #expect(events.count == PostmortemFixture.events.count)
        let decoded = try events.map { event in
            try EventCodec.event(from: JSONSerialization.data(withJSONObject: event))
        }
        #expect(decoded == PostmortemFixture.events)
    }

    @Test("summarises status, severity, roles, milestones, metrics and progress")
    func summary() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try json().utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["status"] as? String == "resolved")
        #expect(summary["severity"] as? String == "P1")
        #expect(summary["roles"] as? [String: String] == ["commander": "erin", "scribe": "dave", "responder": "alice"])
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(metrics["timeToResolve"] as? Double == 3300)
        let milestones = try #require(object["milestones"] as? [String: Any])
        #expect(milestones["impactStarted"] as? String == "2026-11-27T00:05:00.000Z")
        let progress = try #require(object["progress"] as? [[String: Any]])
        #expect(progress.first?["open"] as? [Int] == [2, 3])
    }

    @Test("writes durations to the millisecond, without the float noise of subtracting dates")
    func durationsWithoutNoise() throws {
        let detected = PostmortemFixture.time(0)
        let opened = Date(timeIntervalSinceReferenceDate: PostmortemFixture.baseSeconds + 73.04)
        #expect(opened.timeIntervalSince(detected) != 73.04, "the dates alone give a noisy difference")
        let events = [
            Event(seq: 1, recordedAt: detected, actor: "a", kind: .milestone(.detected)),
            Event(
                seq: 2, recordedAt: opened, actor: "a",
                kind: .incidentOpened(title: "t", severity: .p1, runbook: "r", drill: false, roles: [:])),
            Event(
                seq: 3, recordedAt: opened.addingTimeInterval(61.37), actor: "a", kind: .statusChanged(.resolved)),
        ]
        let json = try PostmortemRenderer.json(
            state: IncidentState.fold(events), events: events, runbooks: [:], incidentID: "i",
            generatedAt: PostmortemFixture.generatedAt)
        #expect(json.contains("\"timeToAcknowledge\" : 73.04,"))
        #expect(json.contains("\"timeToResolve\" : 134.41"))
        #expect(json.contains("\"seconds\" : 61.37,"))
        let noisy = try #require(try NSRegularExpression(pattern: "[0-9]\\.[0-9]{4,}"))
        #expect(noisy.numberOfMatches(in: json, range: NSRange(json.startIndex..., in: json)) == 0, "\(json)")
    }
}
