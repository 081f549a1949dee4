import Foundation
import TestSupport
import Testing

/// The guide with a real Alertmanager configured: the catalog lists what fires and starts an incident from it, and
/// an incident walked from an alert records once that the alert stopped firing.
@Suite("The guide reads a real Alertmanager", .serialized, .temporaryFiles, .tags(.slow))
struct AlertCatalogSessionTests {
    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    private func variables(_ server: AlertmanagerServer) -> [String: String] {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = PackagePaths.shippedRunbooks
        variables["RESPOND_ALERTMANAGER"] = server.address
        variables["RESPOND_ALERTS_INTERVAL"] = "1"
        return variables
    }

    private func resolvedCount() -> Int {
        ((try? files.kinds()) ?? []).filter { $0 == "alert-resolved" }.count
    }

    private static func time(_ offset: TimeInterval) -> String {
        ISO8601DateFormatter().string(from: Date().addingTimeInterval(offset))
    }

    @Test("the catalog lists the firing alert with its runbook; Enter opens it there with alert-attached")
    func catalogStartsFromAlert() throws {
        let server = try AlertmanagerServer(directory: home.path)
        try server.post(
            """
            [{"labels":{"alertname":"HighCPUUsage","namespace":"shop","pod":"api-7","severity":"critical"},
              "annotations":{"summary":"CPU > 80%"},"startsAt":"\(Self.time(-300))"}]
            """, expecting: 1)
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)); echo EXITED $?", variables: variables(server),
            directory: home.path)
        let listed = try session.waitFor("→ high-cpu-usage")
        #expect(listed.contains("Firing alerts"))
        #expect(listed.contains("P1   HighCPUUsage"))
        try session.sendKeys("g")
        try session.sendKeys("Enter")
        try session.waitFor("HighCPUUsage: High CPU Usage")
        let journal = try files.journal()
        #expect(
            journal.compactMap { $0["kind"] as? String }.prefix(3) == [
                "incident-opened", "alert-attached", "milestone",
            ])
        let opened = try #require(journal.first)
        #expect(opened["runbook"] as? String == "high-cpu-usage")
        #expect(opened["severity"] as? String == "P1")
        let attached = try #require(journal.first { $0["kind"] as? String == "alert-attached" })
        #expect(attached["alertname"] as? String == "HighCPUUsage")
        #expect(attached["source"] as? String == "alertmanager")
        #expect((attached["labels"] as? [String: String])?["pod"] == "api-7")
        #expect(attached["fingerprint"] as? String != nil)
        try session.sendKeys("q")
        try session.waitFor("Firing alerts")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test("an unreachable Alertmanager is one line on the catalog, and the guide still quits at once")
    func unreachable() throws {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_ALERTMANAGER"] = "http://127.0.0.1:\(try freeLoopbackPort())"
        let session = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)); echo EXITED $?", variables: variables,
            directory: home.path)
        try session.waitFor("alerts: cannot reach the Alertmanager")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test("the alert stops firing while walked: one alert-resolved, and still one after quitting and resuming")
    func resolvedOnce() throws {
        let server = try AlertmanagerServer(directory: home.path)
        try server.post(
            """
            [{"labels":{"alertname":"HighCPUUsage","namespace":"shop","severity":"critical"},
              "startsAt":"\(Self.time(-60))","endsAt":"\(Self.time(6))"}]
            """, expecting: 1)
        let payload = home.path + "/alert.json"
        try server.get("/api/v2/alerts").body.write(toFile: payload, atomically: true, encoding: .utf8)
        let started = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) start --alert-json \(shellQuoted(payload)); echo EXITED $?",
            variables: variables(server), directory: home.path)
        try started.waitFor("HighCPUUsage: High CPU Usage")
        #expect(eventually(within: 30) { resolvedCount() == 1 }, "\((try? files.kinds()) ?? [])")
        try started.waitFor("alert HighCPUUsage stopped firing")
        #expect(!eventually(within: 3) { resolvedCount() > 1 })
        let resolved = try #require(try files.journal().first { $0["kind"] as? String == "alert-resolved" })
        #expect(resolved["alertname"] as? String == "HighCPUUsage")
        #expect(resolved["fingerprint"] as? String != nil)
        try started.sendKeys("q")
        try started.waitFor("no alerts firing")
        try started.sendKeys("q")
        try started.waitFor("EXITED 0", history: true)

        let id = try files.incidentIDs().first ?? ""
        let resumed = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) resume \(id); echo EXITED $?",
            variables: variables(server), directory: home.path)
        try resumed.waitFor("HighCPUUsage: High CPU Usage")
        #expect(!eventually(within: 3) { resolvedCount() > 1 })
        try resumed.sendKeys("q")
        try resumed.waitFor("no alerts firing")
        #expect(resolvedCount() == 1)
        try resumed.sendKeys("q")
        try resumed.waitFor("EXITED 0", history: true)
    }
}
