/// Reads the front matter most runbooks have — top-level `key: value` lines and `- item` lists under a key —
/// without building a YAML document, as a library of thousands of files is listed by reading every one. Pure.
///
/// Only YAML whose meaning cannot differ from what libyaml makes of it (`YAMLComposer`) is read: plain scalars without indicators,
/// comments or `: ` inside, and quoted scalars without escapes or their quote inside. Anything else (anchors,
/// tags, block scalars, flow collections, nested mappings, tabs, carriage returns, a key written twice, an
/// indented line that is not a list item, more than `maximumKeys` keys) returns nil, and the block goes to
/// `YAMLComposer`.
enum SimpleYAML {
    /// The keys in the order written, each with a scalar value or a list of scalars. Kept as a short array
    /// rather than dictionaries: front matter has a handful of keys, and comparing a few short keys costs less
    /// than hashing every key read and looked up, for every file of a library.
    struct Mapping: Equatable {
        /// A key and its value: a list when list items follow it, else a scalar.
        struct Entry: Equatable {
            var key: String
            var scalar: String?
            var list: [String]?
        }

        var entries: [Entry] = []

        /// The scalar value of `key`, nil when the key is absent or holds a list.
        func scalar(_ key: String) -> String? {
            entries.first { $0.key == key }?.scalar
        }

        /// The list under `key`, nil when the key is absent or holds a scalar.
        func sequence(_ key: String) -> [String]? {
            entries.first { $0.key == key }?.list
        }
    }

    /// The mapping of `content`, or nil when it is not in the simple form. Over the UTF-8 bytes: it runs for
    /// every file of a library, and every byte it looks for is ASCII.
    static func read(_ content: String) -> Mapping? {
        var content = content
        return content.withUTF8 { read(bytes: $0) }
    }

    private static func read(bytes: UnsafeBufferPointer<UInt8>) -> Mapping? {
        var mapping = Mapping()
        // Whether the last key had nothing after its colon, so that list items may follow as its value.
        var listMayFollow = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            let lineStart = start
            start = end + 1
            var first = lineStart
            while first < end, bytes[first] == space { first += 1 }
            if bytes[lineStart..<end].contains(where: { $0 == tab || $0 == carriageReturn }) { return nil }
            if first == end || bytes[first] == UInt8(ascii: "#") { continue }
            if bytes[first] == UInt8(ascii: "-"), first + 1 == end || bytes[first + 1] == space {
                guard listMayFollow, let item = scalar(bytes, first + 1, end) else { return nil }
                let last = mapping.entries.count - 1
                mapping.entries[last].list = (mapping.entries[last].list ?? []) + [item]
                mapping.entries[last].scalar = nil
                continue
            }
            guard first == lineStart, let colon = bytes[lineStart..<end].firstIndex(of: UInt8(ascii: ":")),
                isPlainKey(bytes[lineStart..<colon])
            else { return nil }
            let key = String(decoding: bytes[lineStart..<colon], as: UTF8.self)
            // Many keys go to the full reader, so that the search for a repeated key stays short.
            guard mapping.entries.count < maximumKeys, !mapping.entries.contains(where: { $0.key == key }) else {
                return nil
            }
            if bytes[(colon + 1)..<end].allSatisfy({ $0 == space }) {
                // `key:` alone is an empty scalar unless list items follow.
                mapping.entries.append(Mapping.Entry(key: key, scalar: ""))
                listMayFollow = true
                continue
            }
            guard bytes[colon + 1] == space, let value = scalar(bytes, colon + 1, end) else { return nil }
            mapping.entries.append(Mapping.Entry(key: key, scalar: value))
            listMayFollow = false
        }
        return mapping
    }

    /// The most keys read here; front matter has a handful.
    static let maximumKeys = 64
    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let carriageReturn = UInt8(ascii: "\r")
    /// Whether a byte cannot start a plain scalar here: one of YAML's indicators. A switch rather than a set:
    /// hashing the byte cost more than the rest of reading a short value.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
            UInt8(ascii: "@"), UInt8(ascii: "`"):
            true
        default: false
        }
    }

    /// A key of ASCII letters, digits, `_` and `-` that starts with a letter or `_`.
    private static func isPlainKey(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
        guard let first = key.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return key.allSatisfy { byte in
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
    }

    /// The value of a scalar written from `from` to `to` after `key:` or `-`: plain, or quoted without escapes;
    /// nil when it is anything libyaml might read differently.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String? {
        var start = from
        var end = to
        while start < end, bytes[start] == space { start += 1 }
        while end > start, bytes[end - 1] == space { end -= 1 }
        guard start < end else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard end - start >= 2, bytes[end - 1] == first else { return nil }
            let inner = bytes[(start + 1)..<(end - 1)]
            guard !inner.contains(first), first == UInt8(ascii: "'") || !inner.contains(UInt8(ascii: "\\")) else {
                return nil
            }
            return String(decoding: inner, as: UTF8.self)
        }
        guard !isIndicator(first), bytes[end - 1] != UInt8(ascii: ":") else { return nil }
        for index in start..<(end - 1) {
            let pair = (bytes[index], bytes[index + 1])
            if pair == (UInt8(ascii: ":"), space) || pair == (space, UInt8(ascii: "#")) { return nil }
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
