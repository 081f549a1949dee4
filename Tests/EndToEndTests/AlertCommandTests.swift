import Foundation
import TestSupport
import Testing

/// Incidents started from alerts, and the alerts firing now, against a real Alertmanager and the shipped runbooks.
@Suite("An incident starts from the alert that fired", .serialized, .temporaryFiles, .tags(.slow))
struct AlertCommandTests {
    private let home: String

    init() throws {
        home = try makeHome()
    }

    private func run(
        _ arguments: [String], stdin: String? = nil, alertmanager: String? = nil,
        runbooks: String = PackagePaths.shippedRunbooks
    ) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["RESPOND_HOME"] = home + "/incidents-home"
        environment["RESPOND_RUNBOOKS"] = runbooks
        environment["RESPOND_ACTOR"] = "alice"
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        environment.removeValue(forKey: "RESPOND_LANG")
        environment["RESPOND_ALERTMANAGER"] = alertmanager
        var stdinPath: String?
        if let stdin {
            stdinPath = home + "/stdin-\(UUID().uuidString).json"
            try stdin.write(toFile: stdinPath!, atomically: true, encoding: .utf8)
        }
        return try runProcess(PackagePaths.binary, arguments, environment: environment, stdinPath: stdinPath)
    }

    private func journal(of id: String) throws -> [[String: Any]] {
        try fileLines(home + "/incidents-home/incidents/\(id)/timeline.jsonl").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    private static let firing = """
        [{"labels":{"alertname":"HighCPUUsage","namespace":"shop","pod":"api-7","severity":"critical"},
          "annotations":{"summary":"CPU 使用率 > 80%"},"generatorURL":"http://prometheus.example/graph?g0.expr=cpu"},
         {"labels":{"alertname":"SomethingNoRunbookNames","severity":"info"}}]
        """

    @Test("respond alerts lists what fires now with the runbook and severity each maps to")
    func listsFiringAlerts() throws {
        let server = try AlertmanagerServer(directory: home)
        try server.post(Self.firing, expecting: 2)
        let listed = try run(["alerts", "--json"], alertmanager: server.address)
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let cpu = try #require(rows.first { $0["name"] as? String == "HighCPUUsage" })
        #expect(cpu["runbook"] as? String == "high-cpu-usage")
        #expect(cpu["severity"] as? String == "P1")
        #expect((cpu["labels"] as? [String: String])?["pod"] == "api-7")
        let unknown = try #require(rows.first { $0["name"] as? String == "SomethingNoRunbookNames" })
        #expect(unknown["runbook"] is NSNull)
        let table = try run(["alerts", "--alertmanager", server.address])
        #expect(table.status == 0)
        #expect(table.stdout.contains("high-cpu-usage") && table.stdout.contains("(no runbook)"))
    }

    @Test("An Alertmanager that is not there is one line and a non-zero exit, not a hang")
    func unreachable() throws {
        let port = try freeLoopbackPort()
        let result = try run(["alerts", "--alertmanager", "http://127.0.0.1:\(port)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot reach the Alertmanager at http://127.0.0.1:\(port)"))
        #expect(try run(["alerts"]).status == 64, "no address at all is a usage error")
    }

    @Test("start --alert-json - opens the right runbook with the alert, its severity and its start in the journal")
    func startFromPayload() throws {
        let server = try AlertmanagerServer(directory: home)
        try server.post(Self.firing, expecting: 2)
        let payload = try server.get("/api/v2/alerts?filter=alertname%3D%22HighCPUUsage%22").body
        let started = try run(["start", "--alert-json", "-", "--detach"], stdin: payload)
        #expect(started.status == 0, "\(started.stderr)")
        let id = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let events = try journal(of: id)
        #expect(events.map { $0["kind"] as? String } == ["incident-opened", "alert-attached", "milestone"])
        #expect(events[0]["runbook"] as? String == "high-cpu-usage")
        #expect(events[0]["severity"] as? String == "P1")
        #expect(events[1]["alertname"] as? String == "HighCPUUsage")
        #expect((events[1]["labels"] as? [String: String])?["namespace"] == "shop")
        #expect(events[1]["generatorURL"] as? String == "http://prometheus.example/graph?g0.expr=cpu")
        #expect((events[1]["fingerprint"] as? String)?.isEmpty == false)
        #expect(events[2]["milestone"] as? String == "impact-started")
        #expect(events[2]["occurredAt"] as? String == events[1]["startsAt"] as? String)
    }

    @Test("start --alert finds the runbook by a name its Detection section lists, in any case")
    func startByName() throws {
        let started = try run(["start", "--alert", "cputhrottlinghigh", "--detach", "--severity", "P0"])
        #expect(started.status == 0, "\(started.stderr)")
        let events = try journal(of: started.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(events[0]["runbook"] as? String == "high-cpu-usage")
        #expect(events[0]["severity"] as? String == "P0", "--severity overrides the alert's")
        #expect(events[1]["source"] as? String == "name")
        let unknown = try run(["start", "--alert", "HighCPUUsag", "--detach"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no runbook names the alert HighCPUUsag"))
        #expect(unknown.stderr.contains("high-cpu-usage"), "the closest runbook is suggested")
    }

    @Test("A payload with several alerts needs --fingerprint; a bad payload is refused with what was expected")
    func severalAndBad() throws {
        let payload = """
            {"version":"4","groupKey":"g","alerts":[
              {"labels":{"alertname":"HighCPUUsage","pod":"a"},"fingerprint":"aaa111"},
              {"labels":{"alertname":"PodCrashLooping","pod":"b"},"fingerprint":"bbb222"}]}
            """
        let file = home + "/payload.json"
        try payload.write(toFile: file, atomically: true, encoding: .utf8)
        let ambiguous = try run(["start", "--alert-json", file, "--detach"])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("aaa111") && ambiguous.stderr.contains("bbb222"))
        let chosen = try run(["start", "--alert-json", file, "--fingerprint", "aaa", "--detach"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let events = try journal(of: chosen.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(events[1]["groupKey"] as? String == "g")
        #expect(events[1]["source"] as? String == "webhook")
        let bad = try run(["start", "--alert-json", "-", "--detach"], stdin: "{not json")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("standard input: the alert payload is not JSON"))
        let both = try run(["start", "high-cpu-usage", "--alert", "HighCPUUsage", "--detach"])
        #expect(both.status == 64)
    }

    @Test("An alert whose runbook only says it moved is refused with where it went, and no incident is opened")
    func alertOnMovedStub() throws {
        let payload = #"{"labels":{"alertname":"OldDiskAlert","severity":"warning"}}"#
        for arguments in [["--alert", "OldDiskAlert"], ["--alert-json", "-"]] {
            let started = try run(
                ["start"] + arguments + ["--detach"], stdin: payload, runbooks: PackagePaths.alertLibrary)
            #expect(started.status == 1, "\(arguments)")
            #expect(
                started.stderr
                    == "Error: OldDiskAlert only says its runbook moved to ../storage/VolumeFillingUp.md: start the"
                    + " runbook there instead\n", "\(arguments)")
            #expect(started.stdout.isEmpty)
        }
        let incidents = (try? FileManager.default.contentsOfDirectory(atPath: home + "/incidents-home/incidents")) ?? []
        #expect(incidents.isEmpty, "\(incidents)")
    }

    @Test("A library's alert-severity.json maps labels; a FIFO or a bad file there is refused at once, not waited on")
    func librarySeverityMapping() throws {
        let library = home + "/library"
        try FileManager.default.copyItem(atPath: PackagePaths.shippedRunbooks, toPath: library)
        let mapping = library + "/alert-severity.json"
        try #"{"critical": "P0"}"#.write(toFile: mapping, atomically: true, encoding: .utf8)
        let payload = #"{"labels":{"alertname":"HighCPUUsage","severity":"critical"}}"#
        let mapped = try run(["start", "--alert-json", "-", "--detach"], stdin: payload, runbooks: library)
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let events = try journal(of: mapped.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(events[0]["severity"] as? String == "P0")

        try #"{"critical": "P9"}"#.write(toFile: mapping, atomically: true, encoding: .utf8)
        let badValue = try run(["start", "--alert-json", "-", "--detach"], stdin: payload, runbooks: library)
        #expect(badValue.status == 1)
        #expect(badValue.stderr.contains(#""critical" maps to "P9""#))

        try FileManager.default.removeItem(atPath: mapping)
        #expect(mkfifo(mapping, 0o600) == 0)
        let fifo = try run(["start", "--alert-json", "-", "--detach"], stdin: payload, runbooks: library)
        #expect(fifo.status == 1)
        #expect(fifo.stderr.contains("alert-severity.json cannot be read"))
    }
}
