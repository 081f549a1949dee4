extension StringProtocol {
    /// The text with each `%XX` replaced by the byte it names, as Foundation's `removingPercentEncoding` gives it:
    /// nil when a `%` is not followed by two hexadecimal digits or the bytes are not UTF-8, and a byte order mark
    /// at the start left out.
    public var percentDecoded: String? {
        let utf8 = self.utf8
        guard utf8.contains(UInt8(ascii: "%")) || utf8.first == 0xEF else { return String(self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard index < utf8.endIndex, let high = HexDigit.value(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            guard index < utf8.endIndex, let low = HexDigit.value(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            bytes.append(high << 4 | low)
        }
        // Foundation drops a byte order mark that starts the decoded bytes.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return String(validating: bytes[start...], as: UTF8.self)
    }
}
