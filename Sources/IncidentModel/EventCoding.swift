import FoundationEssentials
import RunbookKit

/// Why a journal line could not be turned into an event, beyond malformed JSON.
public enum EventDecodingError: Error, CustomStringConvertible, Equatable {
    /// The line was written by a newer schema than this code reads.
    case newerSchema(Int)
    /// The line names a kind this schema version does not have.
    case unknownKind(String)

    /// What is wrong, in one line.
    public var description: String {
        switch self {
        case .newerSchema(let version):
            "written by a newer respond (schema \(version)); upgrade respond to read it"
        case .unknownKind(let kind):
            "unknown event kind \"\(kind)\" for schema \(Event.schemaVersion)"
        }
    }
}

/// The keys of a journal line: the envelope, then every kind's fields, flat beside it.
enum EventKey: String, CodingKey, CaseIterable {
    case v, seq, id, recordedAt, occurredAt, actor, kind
    case title, severity, runbook, drill, roles
    case step, reason, item, text, pinned, commander, status, role, person, to
    case command, placeholders, exitCode, durationSeconds, outputExcerpt, outputFile, stoppedBecause
    case milestone, eventSeq, path, format
    case outputBytes, outputDroppedBytes
    case alertname, labels, annotations, fingerprint, startsAt, generatorURL, groupKey, source, endedAt
    case eventWriter
    /// Not a journal field: documents that embed events give another machine's event its writer under this key.
    case writer
}

/// One flat JSON object per event: `v`, `seq`, `id`, `recordedAt`, `occurredAt`, `actor`, `kind`, and the
/// kind's own fields beside them, the fields the journal line writer writes, then `writer` for an event of another
/// machine's file (which its line never holds: the file's name says it). Documents that embed events (the JSON
/// export) encode them through this; lines are read back by `EventLineDecoder`.
extension Event: Encodable {
    /// Encodes the event as one flat object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EventKey.self)
        if let writer { try container.encode(writer, forKey: .writer) }
        try forEachField { (key, value) throws(any Error) in
            switch value {
            case .string(let text): try container.encode(text, forKey: key)
            case .integer(let number): try container.encode(number, forKey: key)
            case .bool(let flag): try container.encode(flag, forKey: key)
            case .number(let number): try container.encode(number, forKey: key)
            case .strings(let members): try container.encode(members, forKey: key)
            }
        }
    }
}

/// Turns events into journal lines and back.
public enum EventCodec {
    /// The event as one line of JSON with sorted keys, without the trailing newline.
    public static func line(for event: Event) throws -> Data {
        var bytes: [UInt8] = []
        try EventLineWriter.append(event, to: &bytes)
        return Data(bytes)
    }

    /// Appends the event's line, without the trailing newline, to `bytes`.
    public static func appendLine(for event: Event, to bytes: inout [UInt8]) throws {
        try EventLineWriter.append(event, to: &bytes)
    }

    /// Appends the event's object laid out as `JSONEncoder` with `.prettyPrinted` lays out a value nested `depth`
    /// levels deep (its first line not indented), for documents that embed events: with `writer` for another
    /// machine's event, as the `Encodable` conformance writes it.
    public static func appendPretty(for event: Event, depth: Int, to bytes: inout [UInt8]) throws {
        try EventLineWriter.append(event, layout: .pretty(depth: depth), to: &bytes)
    }

    /// The event a journal line holds.
    public static func event(from line: Data) throws -> Event {
        var decoder = EventLineDecoder()
        return try line.withUnsafeBytes { try decoder.event(from: $0.bindMemory(to: UInt8.self)) }
    }
}
