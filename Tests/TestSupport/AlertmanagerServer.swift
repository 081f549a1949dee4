import Foundation

/// A real Alertmanager (Debian's `prometheus-alertmanager`) on a free loopback port, with a minimal configuration
/// and its own storage folder, stopped when the value goes away. Alerts are posted through its own API.
public final class AlertmanagerServer {
    /// The program, as Debian installs it; `make test` installs the package.
    public static let program = "/usr/bin/prometheus-alertmanager"

    /// The base address, `http://127.0.0.1:PORT`.
    public let address: String
    private let process: ChildProcess
    private let folder: String

    /// Starts an Alertmanager in a folder of its own inside `directory` and waits until it answers `/-/ready`.
    public init(directory: String) throws {
        folder = directory + "/alertmanager-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try """
        route:
          receiver: none
          group_wait: 1s
        receivers:
          - name: none
        """.write(toFile: folder + "/alertmanager.yml", atomically: true, encoding: .utf8)
        let port = try freeLoopbackPort()
        address = "http://127.0.0.1:\(port)"
        process = try ChildProcess(
            Self.program,
            [
                "--config.file=\(folder)/alertmanager.yml", "--storage.path=\(folder)/data",
                "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=", "--log.level=warn",
            ],
            environment: ["PATH": "/usr/bin:/bin"], stdout: .file(folder + "/stdout.log"),
            stderr: .file(folder + "/stderr.log"), ownProcessGroup: true)
        let ready = eventually(within: 20) { (try? self.get("/-/ready").status) == 200 }
        guard ready else {
            stop()
            let log = (try? String(contentsOfFile: folder + "/stderr.log", encoding: .utf8)) ?? ""
            throw ChildProcessError(description: "Alertmanager did not become ready on port \(port): \(log)")
        }
    }

    deinit {
        stop()
    }

    /// Posts alerts (API v2 `postableAlert` objects as JSON) and waits until the API lists them.
    public func post(_ alertsJSON: String, expecting count: Int) throws {
        let (status, body) = try request("POST", "/api/v2/alerts", body: alertsJSON)
        guard status == 200 else {
            throw ChildProcessError(description: "Alertmanager refused the alerts: HTTP \(status) \(body)")
        }
        let listed = eventually(within: 10) { self.activeAlertCount() == count }
        guard listed else { throw ChildProcessError(description: "Alertmanager did not list \(count) alerts") }
    }

    /// Posts a JSON body to a path of the API (a silence to `/api/v2/silences`).
    public func post(_ json: String, to path: String) throws {
        let (status, body) = try request("POST", path, body: json)
        guard status == 200 else {
            throw ChildProcessError(description: "Alertmanager refused the post to \(path): HTTP \(status) \(body)")
        }
    }

    /// How many alerts the API lists as active now.
    public func activeAlertCount() -> Int? {
        guard let (status, body) = try? get("/api/v2/alerts?active=true&silenced=false&inhibited=false"),
            status == 200, let list = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [Any]
        else { return nil }
        return list.count
    }

    /// Stops the server.
    public func stop() {
        kill(-process.pid, SIGTERM)
        _ = try? process.waitForExit()
    }

    /// A GET of a path of the API: status and body.
    public func get(_ path: String) throws -> (status: Int, body: String) {
        try request("GET", path, body: nil)
    }

    private func request(_ method: String, _ path: String, body: String?) throws -> (status: Int, body: String) {
        var arguments = ["-sS", "-m", "5", "-o", "-", "-w", "\n%{http_code}", "-X", method]
        if let body {
            arguments += ["-H", "Content-Type: application/json", "--data-binary", body]
        }
        arguments.append(address + path)
        let result = try runProcess("/usr/bin/curl", arguments, environment: ["PATH": "/usr/bin:/bin"])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let status = Int(lines.last ?? "") ?? 0
        return (status, lines.dropLast().joined(separator: "\n"))
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on now: the kernel picks it for a socket bound to port 0.
public func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw ChildProcessError(description: "socket: \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
        }
    }
    guard bound else { throw ChildProcessError(description: "bind: \(String(cString: strerror(errno)))") }
    return Int(UInt16(bigEndian: address.sin_port))
}
