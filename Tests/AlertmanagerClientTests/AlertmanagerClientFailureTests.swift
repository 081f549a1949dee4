import Alerts
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import AlertmanagerClient

/// Each way a request can fail is its own typed error, at once or within the time allowed, never a hang.
@Suite("An Alertmanager request that fails says how")
struct AlertmanagerClientFailureTests {
    @Test("An HTTP error status is named by its number")
    func errorStatus() throws {
        let server = try CannedHTTPServer(
            answer: CannedHTTPServer.response(status: "503 Service Unavailable", body: Array("{}".utf8)))
        let client = try AlertmanagerClient(address: server.address)
        #expect(throws: AlertmanagerError.httpStatus(address: server.address, status: 503)) {
            try client.firingAlerts()
        }
    }

    @Test("A body over the size limit is cut off, whether or not its length is announced", arguments: [true, false])
    func overLimit(announcingLength: Bool) throws {
        let body = [UInt8](repeating: UInt8(ascii: " "), count: AlertPayload.sizeLimit + 1)
        let server = try CannedHTTPServer(
            answer: CannedHTTPServer.response(status: "200 OK", body: body, announcingLength: announcingLength))
        let client = try AlertmanagerClient(address: server.address)
        #expect(throws: AlertmanagerError.tooLarge(address: server.address, limit: AlertPayload.sizeLimit)) {
            try client.firingAlerts()
        }
    }

    @Test("A body just under the size limit is read whole")
    func underLimit() throws {
        let list = Array("[]".utf8)
        let body = list + [UInt8](repeating: UInt8(ascii: " "), count: AlertPayload.sizeLimit - list.count)
        let server = try CannedHTTPServer(answer: CannedHTTPServer.response(status: "200 OK", body: body))
        #expect(try AlertmanagerClient(address: server.address).firingAlerts() == [])
    }

    @Test("An announced length of 4 GB is refused before any of the body is read")
    func hugeAnnouncedLength() throws {
        let server = try CannedHTTPServer(
            answer: Array("HTTP/1.1 200 OK\r\nContent-Length: 4294967296\r\nConnection: close\r\n\r\n[".utf8))
        let client = try AlertmanagerClient(address: server.address, timeout: 30)
        let started = Date()
        #expect(throws: AlertmanagerError.tooLarge(address: server.address, limit: AlertPayload.sizeLimit)) {
            try client.firingAlerts()
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test(
        "A redirect to a scheme other than http or https is not followed",
        arguments: ["file:///etc/passwd", "gopher://127.0.0.1:9/"])
    func redirectElsewhere(location: String) throws {
        let server = try CannedHTTPServer(
            answer: CannedHTTPServer.response(status: "302 Found", headers: ["Location: \(location)"], body: []))
        let client = try AlertmanagerClient(address: server.address)
        #expect {
            try client.firingAlerts()
        } throws: { error in
            guard case .unreachable(server.address, let detail) = error as? AlertmanagerError else { return false }
            return !detail.isEmpty
        }
    }

    @Test("A compressed body is never inflated, so the size limit counts the bytes that arrive")
    func compressedBody() throws {
        // `[]` gzipped: were it inflated, it would read as an empty list, and a gzip bomb would be inflated too.
        let gzipped: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x8B, 0x8E, 0x05, 0x00, 0x29, 0xBB, 0x4C, 0x0D,
            0x02, 0x00, 0x00, 0x00,
        ]
        let server = try CannedHTTPServer(
            answer: CannedHTTPServer.response(status: "200 OK", headers: ["Content-Encoding: gzip"], body: gzipped))
        #expect {
            try AlertmanagerClient(address: server.address).firingAlerts()
        } throws: { error in
            guard case .badAnswer(server.address, _) = error as? AlertmanagerError else { return false }
            return true
        }
    }

    @Test("A server that accepts but never answers is a timeout naming the seconds allowed")
    func neverAnswers() throws {
        let server = try CannedHTTPServer(answer: nil)
        let client = try AlertmanagerClient(address: server.address, timeout: 1)
        let started = Date()
        #expect(throws: AlertmanagerError.timedOut(address: server.address, seconds: 1)) {
            try client.firingAlerts()
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("A server that trickles its answer a byte at a time is cut off when the whole time allowed is up")
    func trickles() throws {
        let head = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[".utf8)
        let server = try CannedHTTPServer(answer: head, trickle: 0.2)
        let client = try AlertmanagerClient(address: server.address, timeout: 1)
        let started = Date()
        #expect(throws: AlertmanagerError.timedOut(address: server.address, seconds: 1)) {
            try client.firingAlerts()
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("A refused connection is unreachable at once, with libcurl's reason")
    func refused() throws {
        let address = "http://127.0.0.1:\(try freeLoopbackPort())"
        let started = Date()
        #expect {
            try AlertmanagerClient(address: address).firingAlerts()
        } throws: { error in
            guard case .unreachable(address, let detail) = error as? AlertmanagerError else { return false }
            return !detail.isEmpty
        }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test("A libcurl that cannot be loaded is its own error, naming the library and what to install")
    func missingLibrary() throws {
        let client = try AlertmanagerClient(address: "http://127.0.0.1:9", library: "libcurl-absent.so.4")
        #expect {
            try client.firingAlerts()
        } throws: { error in
            guard case .libcurlMissing(let library, let detail) = error as? AlertmanagerError else { return false }
            return library == "libcurl-absent.so.4" && detail.contains("libcurl-absent.so.4")
                && (error as? AlertmanagerError)?.description.contains("apt-get install libcurl4") == true
        }
    }

    @Test("A library at that name without libcurl's functions is the same error, naming what is missing")
    func wrongLibrary() throws {
        let client = try AlertmanagerClient(address: "http://127.0.0.1:9", library: "libc.so.6")
        #expect {
            try client.firingAlerts()
        } throws: { error in
            guard case .libcurlMissing("libc.so.6", let detail) = error as? AlertmanagerError else { return false }
            return detail.contains("curl_global_init")
        }
    }

    @Test("Several threads may read at the same time, through the one libcurl loaded")
    func concurrentRequests() throws {
        let server = try CannedHTTPServer(answer: CannedHTTPServer.response(status: "200 OK", body: Array("[]".utf8)))
        let address = server.address
        let answered = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if (try? AlertmanagerClient(address: address).firingAlerts()) == [] {
                answered.withLock { $0 += 1 }
            }
        }
        #expect(answered.withLock { $0 } == 8)
    }

    @Test(
        "Addresses that are not http or https URLs, or hold a space or a control byte, are refused before anything is sent"
    )
    func badAddresses() {
        let addresses = [
            "", "alertmanager:9093", "ftp://host/", "http://", "file:///etc/passwd", "gopher://host/",
            "http://host/\r\nHost: other", "http://host/a b", "http://host/\u{1B}[31m", "http://ho\u{85}st/",
        ]
        for address in addresses {
            #expect(throws: AlertmanagerError.badAddress(address)) { try AlertmanagerClient(address: address) }
        }
    }
}
