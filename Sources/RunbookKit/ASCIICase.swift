/// Case-insensitive matching of ASCII labels over UTF-8 bytes, so that finding `Owner:` in a paragraph of
/// Chinese prose builds no lowercased copy of the paragraph. Labels are ASCII or CJK, which has no case.
enum ASCIICase {
    /// The byte with an ASCII capital letter lowered.
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The lowered UTF-8 bytes of a label, to search with.
    static func needle(_ label: String) -> [UInt8] {
        label.utf8.map(lower)
    }

    /// Whether `bytes` holds `needle` at `offset`, ignoring ASCII case; `needle` is already lowered.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ needle: [UInt8]) -> Bool {
        guard offset >= 0, bytes.count - offset >= needle.count else { return false }
        for (index, byte) in needle.enumerated() where lower(bytes[offset + index]) != byte {
            return false
        }
        return true
    }

    /// The first occurrence of `needle` in `bytes` at or after `start`, ignoring ASCII case.
    static func firstRange(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, start >= 0, bytes.count >= needle.count, start <= bytes.count - needle.count else {
            return nil
        }
        let first = needle[0]
        // The first byte is compared before the rest: most offsets of a paragraph fail there.
        for offset in start...(bytes.count - needle.count)
        where lower(bytes[offset]) == first && matches(bytes, at: offset, needle) {
            return offset..<(offset + needle.count)
        }
        return nil
    }

    /// Whether `text` starts with `label`, ignoring ASCII case.
    static func hasPrefix(_ text: String, _ label: String) -> Bool {
        var text = text
        let needle = needle(label)
        return text.withUTF8 { matches($0, at: 0, needle) }
    }

    /// Whether two strings are equal, ignoring ASCII case.
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && hasPrefix(a, b)
    }

    /// Whether `text` ends with `label`, ignoring ASCII case.
    static func hasSuffix(_ text: String, _ label: String) -> Bool {
        var text = text
        let needle = needle(label)
        return text.withUTF8 { matches($0, at: $0.count - needle.count, needle) }
    }

    /// Whether `text` contains `label`, ignoring ASCII case.
    static func contains(_ text: String, _ label: String) -> Bool {
        var text = text
        let needle = needle(label)
        return text.withUTF8 { firstRange(of: needle, in: $0, from: 0) != nil }
    }
}
