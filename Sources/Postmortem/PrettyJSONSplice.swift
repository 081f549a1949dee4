import FoundationEssentials

/// A pretty-printed JSON document (as `JSONEncoder` writes one with `.prettyPrinted`) put together from pieces
/// encoded apart, byte for byte what encoding the whole would give. JSON strings hold no raw newline, so each
/// newline of a piece starts a line that moves right with the piece's depth, but for the blank line an empty array
/// holds; and an empty array is found by its text.
enum PrettyJSONSplice {
    /// `piece`, encoded at the top level, as it reads `depth` levels deep: every line after the first but a blank
    /// one starts two spaces further right per level.
    static func indented(_ piece: some Collection<UInt8>, depth: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(piece.count)
        var afterNewline = false
        for byte in piece {
            if afterNewline, byte != 0x0A { out += repeatElement(0x20, count: 2 * depth) }
            out.append(byte)
            afterNewline = byte == 0x0A
        }
        return out
    }

    /// Writes `object`, an object encoded at the top level whose member `key` is an empty array, as it reads
    /// `depth` levels deep with `elements` in that array, each written to `output` by `element`
    /// after its indentation.
    static func write<Element>(
        _ object: Data, depth: Int, array key: String, elements: [Element],
        to output: (ArraySlice<UInt8>) throws -> Void,
        _ element: (Element) throws -> Void
    ) throws {
        let bytes = Array(object)
        guard !elements.isEmpty else { return try output(indented(bytes, depth: depth)[...]) }
        // Keys of the object itself are the only lines indented by exactly two spaces.
        let marker = Array("\n  \"\(key)\" : [\n\n  ]".utf8)
        // Without the place for them, writing the object alone would be a document that silently lost them.
        guard let start = bytes.firstRange(of: marker)?.lowerBound else {
            throw EncodingError.invalidValue(
                key, EncodingError.Context(codingPath: [], debugDescription: "the encoded object has no empty \(key)"))
        }
        let inner = String(repeating: " ", count: 2 * (depth + 1))
        let elementIndent = Array(repeating: UInt8(ascii: " "), count: 2 * (depth + 2))
        try output(indented(bytes[..<start], depth: depth)[...])
        try output(Array("\n\(inner)\"\(key)\" : [\n".utf8)[...])
        for (index, value) in elements.enumerated() {
            try output(((index > 0 ? [UInt8(ascii: ","), 0x0A] : []) + elementIndent)[...])
            try element(value)
        }
        try output(Array("\n\(inner)]".utf8)[...])
        try output(indented(bytes[(start + marker.count)...], depth: depth)[...])
    }
}
