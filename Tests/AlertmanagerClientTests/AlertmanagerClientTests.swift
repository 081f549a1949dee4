import Alerts
import Foundation
import TestSupport
import Testing

@testable import AlertmanagerClient

/// The client against a real Alertmanager started for each test; `AlertmanagerClientFailureTests` tries addresses
/// where none answers, or a server that answers badly.
@Suite("Reading the alerts firing now from a real Alertmanager", .serialized, .temporaryFiles, .tags(.slow))
struct AlertmanagerClientTests {
    private let directory: String

    init() throws {
        directory = try freshDirectory()
    }

    private static let twoAlerts = """
        [{"labels":{"alertname":"HighCPUUsage","namespace":"shop","pod":"api-7","severity":"critical"},
          "annotations":{"runbook_url":"https://runbooks.example/high-cpu-usage.md","summary":"CPU 使用率 > 80%"},
          "generatorURL":"http://prometheus.example/graph?g0.expr=cpu"},
         {"labels":{"alertname":"NodeDiskFull","instance":"db-1:9100","severity":"warning"}}]
        """

    @Test("Firing alerts come back with labels, annotations, fingerprint, start and generator URL")
    func firing() throws {
        let server = try AlertmanagerServer(directory: directory)
        try server.post(Self.twoAlerts, expecting: 2)
        let alerts = try AlertmanagerClient(address: server.address + "/").firingAlerts()
        #expect(alerts.map(\.name).sorted() == ["HighCPUUsage", "NodeDiskFull"])
        let cpu = try #require(alerts.first { $0.name == "HighCPUUsage" })
        #expect(cpu.labels["pod"] == "api-7")
        #expect(cpu.annotations["summary"] == "CPU 使用率 > 80%")
        #expect(cpu.runbookURL == "https://runbooks.example/high-cpu-usage.md")
        #expect(cpu.generatorURL == "http://prometheus.example/graph?g0.expr=cpu")
        #expect(cpu.fingerprint?.isEmpty == false)
        #expect(cpu.startsAt.map { abs($0.timeIntervalSinceNow) < 300 } == true)
        #expect(cpu.isFiring(at: Date()))
    }

    @Test("An Alertmanager with nothing firing gives an empty list, not an error")
    func nothingFiring() throws {
        let server = try AlertmanagerServer(directory: directory)
        #expect(try AlertmanagerClient(address: server.address).firingAlerts() == [])
    }

    @Test("Silenced alerts are left out unless asked for")
    func silenced() throws {
        let server = try AlertmanagerServer(directory: directory)
        try server.post(Self.twoAlerts, expecting: 2)
        let now = Date()
        let format = ISO8601DateFormatter()
        let silence = """
            {"matchers":[{"name":"alertname","value":"NodeDiskFull","isRegex":false,"isEqual":true}],
             "startsAt":"\(format.string(from: now.addingTimeInterval(-60)))",
             "endsAt":"\(format.string(from: now.addingTimeInterval(3600)))","createdBy":"test","comment":"maintenance"}
            """
        try server.post(silence, to: "/api/v2/silences")
        let client = try AlertmanagerClient(address: server.address)
        let quiet = eventually { (try? client.firingAlerts().map(\.name)) == ["HighCPUUsage"] }
        #expect(quiet)
        #expect(try client.firingAlerts(includeSuppressed: true).count == 2)
    }

    @Test("A web server that is not an Alertmanager is named by its HTTP status")
    func notAnAlertmanager() throws {
        let server = try AlertmanagerServer(directory: directory)
        let client = try AlertmanagerClient(address: server.address + "/not/here")
        #expect(throws: AlertmanagerError.httpStatus(address: server.address + "/not/here", status: 404)) {
            try client.firingAlerts()
        }
    }
}
