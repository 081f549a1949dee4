extension StringProtocol {
    /// The first range of `query` in the text ignoring case, as Foundation's `range(of:options: .caseInsensitive)`
    /// finds it for text whose characters lowercase one to one: character by character, each compared
    /// lowercased (so `ß` does not match `ss`); over ASCII bytes when both are ASCII. Nil for an empty query.
    func caseInsensitiveRange(of query: some StringProtocol) -> Range<Index>? {
        guard !query.isEmpty else { return nil }
        if utf8.allSatisfy({ $0 < 0x80 }) && query.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiRange(of: Array(query.utf8).map(asciiLower))
        }
        let needle = query.map { $0.lowercased() }
        var start = startIndex
        while start < endIndex {
            var index = start
            var matched = 0
            while matched < needle.count, index < endIndex, self[index].lowercased() == needle[matched] {
                index = self.index(after: index)
                matched += 1
            }
            if matched == needle.count { return start..<index }
            start = self.index(after: start)
        }
        return nil
    }

    private func asciiRange(of needle: [UInt8]) -> Range<Index>? {
        let bytes = utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var index = start
            var matched = 0
            while matched < needle.count, index < bytes.endIndex, asciiLower(bytes[index]) == needle[matched] {
                index = bytes.index(after: index)
                matched += 1
            }
            if matched == needle.count { return start..<index }
            start = bytes.index(after: start)
        }
        return nil
    }
}

private func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
}
