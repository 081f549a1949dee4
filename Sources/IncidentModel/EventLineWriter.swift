import FoundationEssentials

/// Writes an event as one journal line: the bytes `JSONEncoder` makes of `Event`'s `Encodable` conformance with
/// sorted keys and unescaped slashes (less another machine's `writer`, which its file's name holds), written
/// directly from the same fields (`Event.forEachField`; a property test holds the two together). Exports write every event
/// of a long incident this way, where a `JSONEncoder` per event cost most of the export.
enum EventLineWriter {
    /// An event whose duration is not a finite number, which JSON cannot hold.
    struct NotFinite: Error, CustomStringConvertible {
        let value: Double

        var description: String { "\(value) is not a finite number and cannot be written as JSON" }
    }

    /// How the object is laid out: on one line as the journal stores it, or as `JSONEncoder`'s pretty printer
    /// lays it out when it is nested `depth` levels deep (two spaces a level, `" : "` after keys, one member a
    /// line, an empty object as an opening line, an empty line and the closing line).
    enum Layout {
        case line
        case pretty(depth: Int)
    }

    /// Appends `event`'s object, without a newline, to `out`.
    static func append(_ event: Event, layout: Layout = .line, to out: inout [UInt8]) throws {
        // Each field goes to the slot of its key's place in sorted order, so the object is written sorted
        // without sorting anything.
        try withUnsafeTemporaryAllocation(of: EventFieldValue?.self, capacity: sortedKeys.count) { slots in
            slots.initialize(repeating: nil)
            defer { slots.deinitialize() }
            try event.forEachField { (key, value) throws(NotFinite) in
                if case .number(let number) = value, !number.isFinite { throw NotFinite(value: number) }
                slots[sortRank[key.index]] = value
            }
            // A line never names its writer (the file's name does); a document that embeds the event does.
            if case .pretty = layout, let writer = event.writer {
                slots[sortRank[EventKey.writer.index]] = .string(writer)
            }
            var members = Members(layout: layout)
            members.open(&out)
            for (rank, value) in slots.enumerated() {
                guard let value else { continue }
                members.key(sortedKeys[rank], &out)
                append(value, layout: layout, to: &out)
            }
            members.close(&out)
        }
    }

    /// `uuid.uuidString` (upper-case hex in groups of 8, 4, 4, 4 and 12), written without the `snprintf` that
    /// Foundation formats it with.
    static func uuidString(_ uuid: UUID) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var end = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        text[end] = UInt8(ascii: "-")
                        end += 1
                    }
                    text[end] = hex[Int(byte >> 4)]
                    text[end + 1] = hex[Int(byte & 0x0F)]
                    end += 2
                }
                return end
            }
        }
    }

    /// The names of all keys in the order `JSONEncoder` sorts them: by their UTF-8 bytes.
    private static let sortedKeys: [String] = EventKey.allCases.map(\.stringValue).sorted {
        $0.utf8.lexicographicallyPrecedes($1.utf8)
    }

    /// Each key's place in `sortedKeys`, by `EventKey.index`.
    private static let sortRank: [Int] = {
        var rank = [Int](repeating: 0, count: sortedKeys.count)
        for (place, name) in sortedKeys.enumerated() {
            if let key = EventKey(stringValue: name) { rank[key.index] = place }
        }
        return rank
    }()

    /// Writes an object's punctuation for a layout.
    private struct Members {
        let pretty: Bool
        let depth: Int
        var count = 0

        init(layout: Layout) {
            switch layout {
            case .line:
                pretty = false
                depth = 0
            case .pretty(let depth):
                pretty = true
                self.depth = depth
            }
        }

        func open(_ out: inout [UInt8]) {
            out.append(UInt8(ascii: "{"))
            if pretty { out.append(0x0A) }
        }

        mutating func key(_ key: String, _ out: inout [UInt8]) {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            if pretty {
                if count > 0 { out.append(0x0A) }
                out.append(contentsOf: repeatElement(0x20, count: 2 * (depth + 1)))
            }
            count += 1
            EventLineWriter.appendString(key, to: &out)
            if pretty {
                out += [0x20, UInt8(ascii: ":"), 0x20]
            } else {
                out.append(UInt8(ascii: ":"))
            }
        }

        func close(_ out: inout [UInt8]) {
            if pretty {
                out.append(0x0A)
                out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func append(_ value: EventFieldValue, layout: Layout, to out: inout [UInt8]) {
        switch value {
        case .string(let text):
            appendString(text, to: &out)
        case .integer(let number):
            out += String(number).utf8
        case .bool(let flag):
            out += (flag ? "true" : "false").utf8
        case .number(let number):
            // `JSONEncoder` writes a double as its description, without a trailing `.0`.
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out += text.utf8
        case .strings(let members):
            var nested = Layout.line
            if case .pretty(let depth) = layout { nested = .pretty(depth: depth + 1) }
            var writer = Members(layout: nested)
            writer.open(&out)
            for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                writer.key(member.key, &out)
                appendString(member.value, to: &out)
            }
            writer.close(&out)
        }
    }

    /// A JSON string as `JSONEncoder` escapes it: quote, backslash, and the control characters (short escapes
    /// where JSON has them, else `\u00XX` in lowercase hex); slashes and everything else as they are.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x08: out += [0x5C, UInt8(ascii: "b")]
                case 0x0C: out += [0x5C, UInt8(ascii: "f")]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [
                        0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                        hex[Int(byte & 0x0F)],
                    ]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
