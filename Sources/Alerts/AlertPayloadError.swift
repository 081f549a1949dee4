/// Why a payload gave no alert to start from, in words that say what to send instead.
public enum AlertPayloadError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not JSON.
    case notJSON(detail: String)
    /// The JSON is none of the shapes Alertmanager sends.
    case unknownShape(found: String)
    /// The payload holds no alert.
    case noAlerts
    /// An alert has no `labels` object, or no `alertname` label.
    case alertWithoutName(index: Int)
    /// A field has the wrong type.
    case badField(index: Int, field: String, expected: String)
    /// The payload is larger than any real notification.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        let shapes =
            "an Alertmanager webhook payload (an object with \"alerts\"), a list of API v2 alerts, or one alert object"
        return switch self {
        case .notJSON(let detail): "the alert payload is not JSON (\(detail)); expected \(shapes)"
        case .unknownShape(let found): "the alert payload is \(found); expected \(shapes)"
        case .noAlerts: "the alert payload holds no alerts"
        case .alertWithoutName(let index): "alert \(index + 1) of the payload has no \"alertname\" label"
        case .badField(let index, let field, let expected):
            "alert \(index + 1) of the payload: \"\(field)\" must be \(expected)"
        case .tooLarge(let bytes, let limit):
            "the alert payload is \(bytes) bytes; payloads over \(limit) bytes are refused"
        }
    }
}
