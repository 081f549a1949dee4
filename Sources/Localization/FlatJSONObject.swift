/// A catalog file read over its bytes: a JSON object whose values are all strings, without `\u` escapes, as the
/// catalogs are written. Every process that speaks reads one or two catalogs before its first word, and Foundation's
/// `JSONDecoder` took a fifth of a short command's instructions to decode one; this reader does the same in a
/// single pass. It answers nil for anything it does not read exactly as `JSONDecoder` would (a `\u` escape,
/// another kind of value, a repeated key, a trailing comma, invalid UTF-8), and the catalog then goes to
/// `JSONDecoder`.
enum FlatJSONObject {
    /// The object's members, or nil when `JSONDecoder` is to decide.
    static func strings(_ bytes: [UInt8]) -> [String: String]? {
        var reader = Reader(bytes: bytes)
        return reader.object()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func object() -> [String: String]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var entries: [String: String] = [:]
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                while true {
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    guard let value = string(), entries.updateValue(value, forKey: key) == nil else { return nil }
                    skipSpace()
                    if take(UInt8(ascii: "}")) { break }
                    guard take(UInt8(ascii: ",")) else { return nil }
                    skipSpace()
                }
            }
            skipSpace()
            return index == bytes.count ? entries : nil
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// A string with the escapes the catalogs use; nil at a `\u` escape or anything JSON does not allow.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    default: return nil
                    }
                case ..<0x20:
                    return nil
                default:
                    text.append(byte)
                }
            }
            return nil
        }
    }
}
