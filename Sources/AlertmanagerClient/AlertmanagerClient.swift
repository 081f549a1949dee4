import Alerts
import FoundationEssentials
import TerminalText

/// Reads the alerts firing now from an Alertmanager's HTTP API v2 (`GET /api/v2/alerts`). Debian's libcurl is the
/// client, loaded on the first request (see `Libcurl`): it speaks http and https with the host's proxy and CA settings,
/// and a process that never reads alerts does not load it. Every request has a deadline, and an answer larger than
/// any real alert list is cut off rather than held.
public struct AlertmanagerClient: Sendable {
    /// The shared library Debian's `libcurl4` installs, from which libcurl is loaded on the first request.
    public static let debianLibcurl = "libcurl.so.4"

    /// The Alertmanager's base address, without a trailing slash.
    public let address: String
    private let base: URL
    private let timeout: Double
    private let library: String

    /// A client of the Alertmanager at `address` (`http://host:9093`, or a path prefix behind a proxy), which waits
    /// `timeout` seconds for an answer; `library` is the shared library libcurl is loaded from.
    public init(
        address: String, timeout: Double = 5, library: String = debianLibcurl
    ) throws(AlertmanagerError) {
        var trimmed = address.trimmingScalars(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        // URL(string:) would percent-encode a space, a line break or an escape byte into the path, sending the
        // request somewhere the user did not mean and echoing the bytes to the terminal in every message: a pasted
        // address with such a byte is refused instead.
        let hasStrayBytes = trimmed.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }
        guard !hasStrayBytes, let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else { throw .badAddress(address) }
        self.address = trimmed
        self.base = url
        self.timeout = timeout
        self.library = library
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
        let curl = try Libcurl.named(library)
        guard let answer = curl.get(url.absoluteString, timeout: timeout, limit: AlertPayload.sizeLimit) else {
            throw .unreachable(address: address, detail: "out of memory")
        }
        if answer.tooLarge { throw .tooLarge(address: address, limit: AlertPayload.sizeLimit) }
        if answer.timedOut { throw .timedOut(address: address, seconds: Int(timeout.rounded(.up))) }
        if let failure = answer.failure { throw .unreachable(address: address, detail: failure) }
        guard answer.status == 200 else { throw .httpStatus(address: address, status: answer.status) }
        return answer.body
    }
}
