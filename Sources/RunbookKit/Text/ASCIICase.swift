/// Case-insensitive matching of ASCII labels over UTF-8 bytes, so that finding `Owner:` in a paragraph of
/// Chinese prose builds no lowercased copy of the paragraph. Labels are ASCII or CJK, which has no case.
package enum ASCIICase {
    /// The byte with an ASCII capital letter lowered.
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The UTF-8 bytes of `text` with ASCII capitals lowered: a label to search with, or text to search in.
    package static func needle(_ text: some StringProtocol) -> [UInt8] {
        text.utf8.map(lower)
    }

    /// `text` with ASCII capitals lowered and everything else kept; `text` itself when it has no capital.
    static func lowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { lower($0) != $0 }) else { return text }
        return String(decoding: needle(text), as: UTF8.self)
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
    package static func firstRange(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Range<Int>?
    {
        guard !needle.isEmpty, start >= 0, bytes.count >= needle.count, start <= bytes.count - needle.count else {
            return nil
        }
        let first = needle[0]
        // The first byte is found with memchr before the rest is compared: most offsets of a paragraph fail
        // there. A letter is looked for in both cases, and the earlier match wins.
        let lowerCase = ByteSearch.firstOffset(of: first, in: bytes, from: start, length: needle.count) {
            matches(bytes, at: $0, needle)
        }
        let isLetter = first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
        let upperCase =
            !isLetter
            ? nil
            : ByteSearch.firstOffset(
                of: first - 32, in: bytes, from: start,
                length: needle.count
            ) { matches(bytes, at: $0, needle) }
        guard let offset = [lowerCase, upperCase].compactMap({ $0 }).min() else { return nil }
        return offset..<(offset + needle.count)
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
