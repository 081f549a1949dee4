/// Turns output bytes that arrive in arbitrary chunks into text, holding back a multi-byte character cut at
/// the end of a chunk until the rest of it arrives. Invalid bytes become U+FFFD.
struct UTF8ChunkDecoder {
    private var carry: [UInt8] = []

    /// The text of `bytes`, after whatever was held back from the chunk before.
    mutating func decode(_ bytes: some Collection<UInt8>) -> String {
        var buffer = carry
        buffer.append(contentsOf: bytes)
        let cut = Self.completeLength(buffer)
        carry = Array(buffer[cut...])
        return String(decoding: buffer[..<cut], as: UTF8.self)
    }

    /// Whatever is still held back, decoded as it is (at the end of the output).
    mutating func finish() -> String {
        defer { carry = [] }
        return String(decoding: carry, as: UTF8.self)
    }

    /// The length of the prefix that ends on a character boundary: a trailing lead byte whose continuation
    /// bytes have not all arrived is left out.
    private static func completeLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count - 1
        var continuations = 0
        while index >= 0, continuations < 3, bytes[index] & 0xC0 == 0x80 {
            index -= 1
            continuations += 1
        }
        guard index >= 0 else { return bytes.count }
        let lead = bytes[index]
        let needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        return needed > continuations && lead >= 0xC0 && lead < 0xF8 ? index : bytes.count
    }
}
