import FoundationEssentials

/// Why a complete journal line is not an event, as the journal's reader decided it: kept typed so that the notice
/// of a set-aside line can say it in the user's language (`description(in:)`), with `description` the English form.
public enum CorruptLineReason: Hashable, Sendable, CustomStringConvertible {
    /// The line is not JSON (or holds a number or string JSON readers refuse).
    case notJSON
    /// The line is JSON but not an object.
    case notAnObject
    /// A field the event needs is absent.
    case missingField(String)
    /// A field holds another JSON type (or null) than the event needs.
    case wrongType(field: String)
    /// The line names a kind this schema version does not have.
    case unknownKind(String)
    /// A field has the right type but a value the event does not allow.
    case invalidField(String, InvalidFieldValue)
    /// Anything else the decoder refused.
    case notAnEvent

    /// The reason in English, one line, as the journal has always worded it.
    public var description: String {
        switch self {
        case .notJSON: "not valid JSON"
        case .notAnObject: "field \"value\" has the wrong type"
        case .missingField(let field): "missing field \"\(field)\""
        case .wrongType(let field): "field \"\(field)\" has the wrong type"
        case .unknownKind(let kind): "unknown event kind \"\(kind)\" for schema \(Event.schemaVersion)"
        case .invalidField(let field, let value): "field \"\(field)\" is invalid: \(value.description(field: field))"
        case .notAnEvent: "not a valid event"
        }
    }

    /// The reason the line-reading `error` stands for: a `DecodingError` or `EventDecodingError` of
    /// `EventLineDecoder`, whose invalid values carry an `InvalidFieldValue` as their underlying error.
    package init(_ error: any Error) {
        switch error {
        case EventDecodingError.unknownKind(let kind):
            self = .unknownKind(kind)
        case DecodingError.keyNotFound(let key, _):
            self = .missingField(key.stringValue)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            self = context.codingPath.last.map { .wrongType(field: $0.stringValue) } ?? .notAnObject
        case DecodingError.dataCorrupted(let context):
            guard let field = context.codingPath.last?.stringValue else {
                self = .notJSON
                return
            }
            self = (context.underlyingError as? InvalidFieldValue).map { .invalidField(field, $0) } ?? .notAnEvent
        default:
            self = .notAnEvent
        }
    }
}

/// What is wrong with a field's value, carried by the `DecodingError` the journal's reader throws for it.
public enum InvalidFieldValue: Error, Hashable, Sendable {
    /// A string that names none of the cases of the field's type (a severity, status, role or milestone).
    case notACase(type: String, value: String)
    /// A role in an incident's roles that is not one of respond's roles.
    case unknownRole(String)
    /// An id that is not a UUID.
    case notAUUID
    /// An event time that is not an ISO 8601 time.
    case notAnISO8601Time(String)
    /// An alert's time that is not a time the journal writes.
    case notATime(String)

    /// The English wording, as `JSONDecoder` and the event fields worded it.
    func description(field: String) -> String {
        switch self {
        case .notACase(let type, let value): "Cannot initialize \(type) from invalid String value \(value)"
        case .unknownRole(let role): "unknown role \"\(role)\""
        case .notAUUID: "Attempted to decode UUID from invalid UUID string."
        case .notAnISO8601Time(let text): "\(field) \"\(text)\" is not an ISO 8601 time"
        case .notATime(let text): "not a time: \(text)"
        }
    }
}
