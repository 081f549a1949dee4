import FoundationEssentials
import TerminalText

/// Reads the alert payloads Alertmanager and its tools write: a webhook notification (`version` "4"), a list of
/// API v2 alert objects, or one alert object.
public enum AlertPayload {
    /// The largest payload read: Alertmanager's own webhook payloads are far smaller even for large groups.
    public static let sizeLimit = 4 << 20

    /// The alerts of a payload, or what is wrong with it. A payload with no alerts is refused unless `allowingNone`
    /// (an Alertmanager with nothing firing answers an empty list).
    public static func decode(_ bytes: [UInt8], allowingNone: Bool = false) throws(AlertPayloadError) -> AlertBatch {
        guard bytes.count <= sizeLimit else { throw .tooLarge(bytes: bytes.count, limit: sizeLimit) }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .notJSON(detail: Self.reason(error))
        }
        switch value {
        case .array(let items):
            if items.isEmpty, allowingNone { return AlertBatch(alerts: [], source: .apiList) }
            let alerts = try alerts(items)
            return AlertBatch(alerts: alerts, source: .apiList)
        case .object(let object) where object["alerts"] != nil:
            guard case .array(let items) = object["alerts"] else {
                throw .unknownShape(found: "an object whose \"alerts\" is \(object["alerts"]?.kind ?? "missing")")
            }
            return AlertBatch(
                alerts: try alerts(items), source: .webhook, groupKey: object["groupKey"]?.stringValue,
                externalURL: object["externalURL"]?.stringValue,
                commonLabels: strings(object["commonLabels"]) ?? [:])
        case .object(let object) where object["labels"] != nil:
            return AlertBatch(alerts: [try alert(object, index: 0)], source: .single)
        default:
            throw .unknownShape(
                found: value.kind == "an object" ? "an object without \"alerts\" or \"labels\"" : value.kind)
        }
    }

    private static func alerts(_ items: [JSONValue]) throws(AlertPayloadError) -> [Alert] {
        guard !items.isEmpty else { throw .noAlerts }
        var alerts: [Alert] = []
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue else {
                throw .badField(index: index, field: "alert", expected: "an object")
            }
            alerts.append(try alert(object, index: index))
        }
        return alerts
    }

    private static func alert(_ object: [String: JSONValue], index: Int) throws(AlertPayloadError) -> Alert {
        guard let labels = strings(object["labels"]) else {
            throw object["labels"] == nil
                ? .alertWithoutName(index: index)
                : .badField(index: index, field: "labels", expected: "an object of strings")
        }
        guard let name = labels["alertname"], !name.trimmingScalars(in: .whitespaces).isEmpty else {
            throw .alertWithoutName(index: index)
        }
        let annotations: [String: String]
        switch object["annotations"] {
        case nil, .null?: annotations = [:]
        case let value?:
            guard let read = strings(value) else {
                throw .badField(index: index, field: "annotations", expected: "an object of strings")
            }
            annotations = read
        }
        let status = object["status"]
        let state: String?
        var suppressed = false
        switch status {
        case .string(let value)?: state = value
        case .object(let fields)?:
            state = fields["state"]?.stringValue
            suppressed =
                state == "suppressed" || !isEmptyList(fields["silencedBy"]) || !isEmptyList(fields["inhibitedBy"])
        default: state = nil
        }
        return Alert(
            labels: labels, annotations: annotations, fingerprint: object["fingerprint"]?.stringValue,
            startsAt: try time(object["startsAt"], field: "startsAt", index: index),
            endsAt: try time(object["endsAt"], field: "endsAt", index: index),
            generatorURL: object["generatorURL"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, state: state,
            suppressed: suppressed)
    }

    private static func strings(_ value: JSONValue?) -> [String: String]? {
        guard let object = value?.objectValue else { return nil }
        var result: [String: String] = [:]
        for (key, value) in object {
            guard let text = value.stringValue else { return nil }
            result[key] = text
        }
        return result
    }

    private static func isEmptyList(_ value: JSONValue?) -> Bool {
        guard case .array(let items) = value else { return true }
        return items.isEmpty
    }

    private static func time(_ value: JSONValue?, field: String, index: Int) throws(AlertPayloadError) -> Date? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?:
            guard let date = AlertTime.date(from: text) else {
                throw .badField(index: index, field: field, expected: "an RFC 3339 time")
            }
            return AlertTime.isZero(date) ? nil : date
        default:
            throw .badField(index: index, field: field, expected: "an RFC 3339 time")
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "unreadable" }
        return context.underlyingError.map { String(describing: $0) }.map { String($0.prefix(120)) }
            ?? context.debugDescription
    }
}
