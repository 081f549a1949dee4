/// Why the alerts firing now could not be read from an Alertmanager, with what to check.
public enum AlertmanagerError: Error, Equatable, CustomStringConvertible {
    /// The address is not an http or https URL.
    case badAddress(String)
    /// No answer: refused, unresolvable, or no answer within the time allowed.
    case unreachable(address: String, detail: String)
    /// An answer, but not a success.
    case httpStatus(address: String, status: Int)
    /// A success whose body is not a list of alerts.
    case badAnswer(address: String, detail: String)

    public var description: String {
        switch self {
        case .badAddress(let address):
            "the Alertmanager address \"\(address)\" is not an http:// or https:// URL"
        case .unreachable(let address, let detail):
            "cannot reach the Alertmanager at \(address): \(detail)"
        case .httpStatus(let address, let status):
            "the Alertmanager at \(address) answered HTTP \(status); is this the address of its web UI?"
        case .badAnswer(let address, let detail):
            "the Alertmanager at \(address) answered something that is not a list of alerts: \(detail)"
        }
    }
}
