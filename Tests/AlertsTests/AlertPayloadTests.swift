import Foundation
import Testing

@testable import Alerts

@Suite("Alert payloads: a webhook notification, an API v2 list or one alert, and what is wrong with the rest")
struct AlertPayloadTests {
    private func decode(_ json: String) throws(AlertPayloadError) -> AlertBatch {
        try AlertPayload.decode(Array(json.utf8))
    }

    private let webhook = """
        {"version":"4","groupKey":"{}:{alertname=\\"HighCPUUsage\\"}","status":"firing","receiver":"respond",
         "externalURL":"http://am.example:9093","commonLabels":{"alertname":"HighCPUUsage","namespace":"shop"},
         "alerts":[
          {"status":"firing","labels":{"alertname":"HighCPUUsage","namespace":"shop","pod":"api-7","severity":"critical"},
           "annotations":{"summary":"CPU > 80%","runbook_url":"https://runbooks.example/performance/high-cpu-usage.md"},
           "startsAt":"2026-12-03T10:15:30.123456789Z","endsAt":"0001-01-01T00:00:00Z",
           "generatorURL":"http://prom.example/graph?g0.expr=up","fingerprint":"71531325213fb329"},
          {"status":"resolved","labels":{"alertname":"HighCPUUsage","namespace":"shop","pod":"api-8"},
           "annotations":{},"startsAt":"2026-12-03T18:00:00+08:00","endsAt":"2026-12-03T10:20:00Z"}
         ]}
        """

    @Test("A webhook payload gives every alert with its labels, annotations, times and the group's facts")
    func webhookPayload() throws {
        let batch = try decode(webhook)
        #expect(batch.source == .webhook)
        #expect(batch.groupKey == #"{}:{alertname="HighCPUUsage"}"#)
        #expect(batch.externalURL == "http://am.example:9093")
        #expect(batch.commonLabels == ["alertname": "HighCPUUsage", "namespace": "shop"])
        #expect(batch.alerts.count == 2)
        let first = batch.alerts[0]
        #expect(first.name == "HighCPUUsage")
        #expect(first.labels["pod"] == "api-7")
        #expect(first.severityLabel == "critical")
        #expect(first.runbookURL == "https://runbooks.example/performance/high-cpu-usage.md")
        #expect(first.fingerprint == "71531325213fb329")
        #expect(first.generatorURL == "http://prom.example/graph?g0.expr=up")
        let startsAt = try #require(first.startsAt).timeIntervalSince1970
        #expect(abs(startsAt - 1_796_292_930.123) < 0.000_5, "nanoseconds are read to the millisecond")
        #expect(first.endsAt == nil, "Go's zero time means no end")
        #expect(first.state == "firing")
        let second = batch.alerts[1]
        #expect(second.startsAt == Date(timeIntervalSince1970: 1_796_292_000))
        #expect(second.state == "resolved")
        #expect(!second.isFiring(at: Date(timeIntervalSince1970: 1_796_292_000)))
    }

    @Test("An API v2 list reads state, silences and inhibitions")
    func apiList() throws {
        let batch = try decode(
            """
            [{"annotations":{"runbook":"db/connections.md"},"endsAt":"2026-12-03T12:32:40.421Z",
              "fingerprint":"a1","receivers":[{"name":"none"}],"startsAt":"2026-12-03T12:27:40.421Z",
              "status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"2026-12-03T12:27:40.421Z",
              "generatorURL":"","labels":{"alertname":"DBConnections"}},
             {"labels":{"alertname":"Noisy"},"status":{"inhibitedBy":[],"silencedBy":["s1"],"state":"suppressed"}}]
            """)
        #expect(batch.source == .apiList)
        #expect(batch.alerts.map(\.name) == ["DBConnections", "Noisy"])
        #expect(batch.alerts[0].runbookURL == "db/connections.md")
        #expect(batch.alerts[0].generatorURL == nil)
        #expect(batch.alerts[0].state == "active")
        #expect(!batch.alerts[0].suppressed)
        #expect(batch.alerts[1].suppressed)
        let beforeEnd = Date(timeIntervalSince1970: 1_796_300_000)
        #expect(batch.alerts[0].isFiring(at: beforeEnd))
        #expect(!batch.alerts[1].isFiring(at: beforeEnd))
    }

    @Test("One alert object is a batch of one; missing optional fields are nil")
    func singleAlert() throws {
        let batch = try decode(#"{"labels":{"alertname":"DiskFull"}}"#)
        #expect(batch.source == .single)
        #expect(batch.alerts == [Alert(labels: ["alertname": "DiskFull"])])
    }

    @Test(
        "Bad payloads are refused with what was expected",
        arguments: [
            ("not json at all", "is not JSON"),
            ("", "is not JSON"),
            ("42", "the alert payload is a number"),
            (#"{"status":"firing"}"#, "an object without \"alerts\" or \"labels\""),
            (#"{"alerts":"x"}"#, "whose \"alerts\" is a string"),
            (#"{"alerts":[]}"#, "holds no alerts"),
            ("[]", "holds no alerts"),
            (#"[{"labels":{"severity":"critical"}}]"#, "alert 1 of the payload has no \"alertname\" label"),
            (#"[{"labels":{"alertname":"A"}}, 3]"#, "alert 2 of the payload: \"alert\" must be an object"),
            (#"[{"labels":{"alertname":1}}]"#, "\"labels\" must be an object of strings"),
            (#"[{"labels":{"alertname":"A"},"annotations":[]}]"#, "\"annotations\" must be an object of strings"),
            (#"[{"labels":{"alertname":"A"},"startsAt":"yesterday"}]"#, "\"startsAt\" must be an RFC 3339 time"),
            (#"[{"labels":{"alertname":"A"},"endsAt":5}]"#, "\"endsAt\" must be an RFC 3339 time"),
        ])
    func badPayloads(json: String, message: String) {
        #expect(throws: AlertPayloadError.self) { try decode(json) }
        do {
            _ = try decode(json)
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("Deep nesting and oversized payloads are refused, not followed")
    func hostileShapes() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: AlertPayloadError.self) { try decode(deep) }
        let large = [UInt8](repeating: 0x20, count: AlertPayload.sizeLimit + 1)
        #expect(throws: AlertPayloadError.tooLarge(bytes: large.count, limit: AlertPayload.sizeLimit)) {
            try AlertPayload.decode(large)
        }
    }

    @Test("A webhook that repeats an alert lists it once among the distinct alerts")
    func distinct() throws {
        let batch = try decode(
            #"[{"labels":{"alertname":"A","pod":"1"}},{"labels":{"pod":"1","alertname":"A"}},{"labels":{"alertname":"A","pod":"2"}}]"#
        )
        #expect(batch.distinctAlerts.map { $0.labels["pod"] } == ["1", "2"])
    }
}
