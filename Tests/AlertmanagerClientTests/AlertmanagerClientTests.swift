import Alerts
import Foundation
import TestSupport
import Testing

@testable import AlertmanagerClient

/// The client against a real Alertmanager started for each test, and against addresses where none answers.
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

    @Test("Nothing listening is one clear error, at once")
    func refused() throws {
        let port = try freeLoopbackPort()
        let client = try AlertmanagerClient(address: "http://127.0.0.1:\(port)")
        #expect {
            try client.firingAlerts()
        } throws: { error in
            guard case .unreachable(let address, _) = error as? AlertmanagerError else { return false }
            return address == "http://127.0.0.1:\(port)"
        }
    }

    @Test("A server that accepts but never answers times out within the time allowed")
    func silentServer() throws {
        let (descriptor, port) = try listeningSocketThatNeverAnswers()
        defer { close(descriptor) }
        let client = try AlertmanagerClient(address: "http://127.0.0.1:\(port)", timeout: 1)
        let started = Date()
        #expect(throws: AlertmanagerError.self) { try client.firingAlerts() }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("A web server that is not an Alertmanager is named by its HTTP status")
    func notAnAlertmanager() throws {
        let server = try AlertmanagerServer(directory: directory)
        let client = try AlertmanagerClient(address: server.address + "/not/here")
        #expect(throws: AlertmanagerError.httpStatus(address: server.address + "/not/here", status: 404)) {
            try client.firingAlerts()
        }
    }

    @Test("Addresses that are not http or https URLs are refused before anything is sent")
    func badAddresses() {
        for address in ["", "alertmanager:9093", "ftp://host/", "http://", "file:///etc/passwd"] {
            #expect(throws: AlertmanagerError.badAddress(address)) { try AlertmanagerClient(address: address) }
        }
    }

    private func listeningSocketThatNeverAnswers() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        try #require(ready)
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
