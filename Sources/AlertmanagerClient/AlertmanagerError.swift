/// Why the alerts firing now could not be read from an Alertmanager, with what to check.
public enum AlertmanagerError: Error, Equatable, CustomStringConvertible {
    /// The address is not an http or https URL.
    case badAddress(String)
    /// No answer: refused, unresolvable, or the connection broke; `detail` is libcurl's words.
    case unreachable(address: String, detail: String)
    /// No complete answer within the time allowed.
    case timedOut(address: String, seconds: Int)
    /// An answer, but not a success.
    case httpStatus(address: String, status: Int)
    /// A success whose body is not a list of alerts.
    case badAnswer(address: String, detail: String)
    /// An answer longer than `limit` bytes, more than any real list of alerts.
    case tooLarge(address: String, limit: Int)
    /// libcurl, which reads the alerts over HTTP, could not be loaded from the shared library `library`.
    case libcurlMissing(library: String, detail: String)

    public var description: String {
        switch self {
        case .badAddress(let address):
            "the Alertmanager address \"\(address)\" is not an http:// or https:// URL"
        case .unreachable(let address, let detail):
            "cannot reach the Alertmanager at \(address): \(detail)"
        case .timedOut(let address, let seconds):
            "cannot reach the Alertmanager at \(address): no answer within \(seconds) s"
        case .httpStatus(let address, let status):
            "the Alertmanager at \(address) answered HTTP \(status); is this the address of its web UI?"
        case .badAnswer(let address, let detail):
            "the Alertmanager at \(address) answered something that is not a list of alerts: \(detail)"
        case .tooLarge(let address, let limit):
            "the Alertmanager at \(address) answered more than \(limit) bytes, which is not a list of alerts"
        case .libcurlMissing(let library, let detail):
            "reading alerts needs libcurl, and \(library) could not be loaded (\(detail)); install Debian's libcurl4 (apt-get install libcurl4)"
        }
    }
}
