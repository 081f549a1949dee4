import Foundation

/// A loopback server that answers every connection with the same bytes, whatever was asked, then closes it; or, with
/// no answer, accepts and never says anything; or, trickling, follows the answer with one byte every `trickle`
/// seconds for as long as the client reads (10 s at most). Stops listening when the value goes away.
final class CannedHTTPServer {
    /// The base address, `http://127.0.0.1:PORT`.
    let address: String
    private let descriptor: Int32

    /// A server that writes `answer` (a whole HTTP response, or its start when `trickle` is given) to each
    /// connection, or nothing when it is nil; with `trickle`, a space follows every `trickle` seconds.
    init(answer: [UInt8]?, trickle: Double? = nil) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 8) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        guard listener >= 0, listening else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            close(listener)
            throw error
        }
        descriptor = listener
        address = "http://127.0.0.1:\(UInt16(bigEndian: socketAddress.sin_port))"
        Thread.detachNewThread {
            var open: [Int32] = []
            // accept fails once deinit shuts the listener down; the silent server's connections stay open until then.
            // The listener is closed here, not in deinit, so that no accept ever runs on a descriptor number reused.
            while case let connection = accept(listener, nil, nil), connection >= 0 {
                guard let answer else {
                    open.append(connection)
                    continue
                }
                Self.readRequestHead(connection)
                Self.send(answer, to: connection)
                if let trickle {
                    // Until the client hangs up (a send to a closed connection fails), or for 10 s at most, so that
                    // a client without a deadline fails its test rather than hanging it.
                    let end = Date().addingTimeInterval(10)
                    while Date() < end, Self.send([UInt8(ascii: " ")], to: connection) {
                        Thread.sleep(forTimeInterval: trickle)
                    }
                }
                close(connection)
            }
            for connection in open { close(connection) }
            close(listener)
        }
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// An HTTP/1.1 response with `status`, a JSON content type, the header lines `headers` and `body`, announcing its
    /// length unless told not to (then the body ends when the connection closes).
    static func response(
        status: String, headers: [String] = [], body: [UInt8], announcingLength: Bool = true
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nConnection: close\r\n"
        for header in headers { head += header + "\r\n" }
        if announcingLength { head += "Content-Length: \(body.count)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    private static func readRequestHead(_ connection: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.ends(with: Array("\r\n\r\n".utf8)) {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            received += buffer.prefix(count)
        }
    }

    /// Writes `bytes`; false when the connection broke before all were written.
    @discardableResult
    private static func send(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a client that stops reading must not kill the test process with SIGPIPE.
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
