/// A catalog file read over its bytes: a JSON object whose values are all strings, without `\u` escapes, as the
/// catalogs are written. Every process that speaks reads one or two catalogs before its first word, and Foundation's
/// `JSONDecoder` took a fifth of a short command's instructions to decode one; this reader does the same in a
/// single pass. It answers nil for anything it does not read exactly as `JSONDecoder` would (a `\u` escape,
/// another kind of value, a repeated key, a trailing comma, invalid UTF-8), and the catalog then goes to
/// `JSONDecoder`.
enum FlatJSONObject {
    /// The object's members, or nil when `JSONDecoder` is to decide.
    static func strings(_ bytes: [UInt8]) -> [String: String]? {
        // Valid as a whole, every string between two quotes is valid too (a quote is ASCII, so it never falls
        // inside a character), so `String(decoding:)` gives each its bytes unchanged. The check is the C string
        // validator's, the fastest the standard library has; it stops at a NUL, which the reader below refuses
        // before it makes a string of anything after it.
        var terminated = bytes
        terminated.append(0)
        let valid = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { String(validatingCString: $0.baseAddress!) != nil }
        }
        guard valid else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The bytes of a string with escapes, reused from string to string.
        var unescaped: [UInt8] = []

        mutating func object() -> [String: String]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            // About one member per 64 bytes in the catalogs: reserved once rather than grown and rehashed.
            var entries: [String: String] = Dictionary(minimumCapacity: bytes.count / 64)
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
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// A string with the escapes the catalogs use; nil at a `\u` escape or anything JSON does not allow. A
        /// string without escapes, nearly every one, is made straight from its bytes.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
                case UInt8(ascii: "\\"):
                    return escapedString(from: start)
                case ..<0x20:
                    return nil
                default:
                    index += 1
                }
            }
            return nil
        }

        /// The rest of a string that has an escape at `index`, its bytes from `start` up to there copied first.
        private mutating func escapedString(from start: Int) -> String? {
            unescaped.removeAll(keepingCapacity: true)
            unescaped.append(contentsOf: bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: unescaped, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escaped)
                    case UInt8(ascii: "b"): unescaped.append(0x08)
                    case UInt8(ascii: "f"): unescaped.append(0x0C)
                    case UInt8(ascii: "n"): unescaped.append(0x0A)
                    case UInt8(ascii: "r"): unescaped.append(0x0D)
                    case UInt8(ascii: "t"): unescaped.append(0x09)
                    default: return nil
                    }
                case ..<0x20:
                    return nil
                default:
                    unescaped.append(byte)
                }
            }
            return nil
        }
    }
}
