import Alerts
import Foundation
import FoundationNetworking

/// Reads the alerts firing now from an Alertmanager's HTTP API v2 (`GET /api/v2/alerts`). URLSession (Foundation's,
/// over libcurl) is the client: it speaks http and https with the host's proxy and CA settings and adds nothing to a
/// binary that already links Foundation. Every request has a deadline, and an answer larger than any real alert list
/// is cut off rather than held.
public struct AlertmanagerClient: Sendable {
    /// The Alertmanager's base address, without a trailing slash.
    public let address: String
    private let base: URL
    private let timeout: Double

    /// A client of the Alertmanager at `address` (`http://host:9093`, or a path prefix behind a proxy).
    public init(address: String, timeout: Double = 5) throws(AlertmanagerError) {
        var trimmed = address.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else { throw .badAddress(address) }
        self.address = trimmed
        self.base = url
        self.timeout = timeout
    }

    /// The alerts firing now: active, and neither silenced nor inhibited unless asked for.
    public func firingAlerts(includeSuppressed: Bool = false) throws(AlertmanagerError) -> [Alert] {
        var components = URLComponents(
            url: base.appendingPathComponent("api/v2/alerts"), resolvingAgainstBaseURL: false)
        components?.queryItems = [
            URLQueryItem(name: "active", value: "true"),
            URLQueryItem(name: "silenced", value: includeSuppressed ? "true" : "false"),
            URLQueryItem(name: "inhibited", value: includeSuppressed ? "true" : "false"),
        ]
        guard let url = components?.url else { throw .badAddress(address) }
        let body = try get(url)
        do {
            return try AlertPayload.decode(body, allowingNone: true).alerts
        } catch {
            throw .badAnswer(address: address, detail: error.description)
        }
    }

    private func get(_ url: URL) throws(AlertmanagerError) -> [UInt8] {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let collector = BoundedBody(limit: AlertPayload.sizeLimit)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        session.dataTask(with: request).resume()
        // The resource timeout ends the task; the extra second only covers the delegate's own callback.
        guard collector.finished.wait(timeout: .now() + timeout + 1) == .success else {
            throw .unreachable(address: address, detail: "no answer within \(Int(timeout)) s")
        }
        let outcome = collector.outcome
        if let failure = outcome.failure {
            throw .unreachable(address: address, detail: failure)
        }
        guard outcome.status == 200 else {
            if outcome.tooLarge {
                throw .badAnswer(address: address, detail: "more than \(AlertPayload.sizeLimit) bytes")
            }
            throw .httpStatus(address: address, status: outcome.status)
        }
        if outcome.tooLarge { throw .badAnswer(address: address, detail: "more than \(AlertPayload.sizeLimit) bytes") }
        return outcome.body
    }
}

/// Collects a response body up to a limit and says when the request has ended, however it ended.
private final class BoundedBody: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Outcome {
        var status = 0
        var body: [UInt8] = []
        var tooLarge = false
        var failure: String?
    }

    let finished = DispatchSemaphore(value: 0)
    private let limit: Int
    private let lock = NSLock()
    private var state = Outcome()

    init(limit: Int) {
        self.limit = limit
    }

    var outcome: Outcome {
        lock.withLock { state }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { state.status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = lock.withLock { () -> Bool in
            guard state.body.count + data.count <= limit else {
                state.tooLarge = true
                return true
            }
            state.body.append(contentsOf: data)
            return false
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            if let error, !state.tooLarge {
                state.failure = (error as NSError).localizedDescription
            }
        }
        finished.signal()
    }
}
