import RunbookKit

extension StringProtocol {
    /// The first range of `query` in the text ignoring case, as Foundation's `range(of:options: .caseInsensitive)`
    /// finds it for text whose characters lowercase one to one: character by character, each compared
    /// lowercased (so `ß` does not match `ss`); over ASCII bytes when both are ASCII. Nil for an empty query.
    func caseInsensitiveRange(of query: some StringProtocol) -> Range<Index>? {
        guard !query.isEmpty else { return nil }
        if utf8.allSatisfy({ $0 < 0x80 }) && query.utf8.allSatisfy({ $0 < 0x80 }) {
            let needle = ASCIICase.needle(query)
            let found =
                utf8.withContiguousStorageIfAvailable { ASCIICase.firstRange(of: needle, in: $0, from: 0) }
                ?? Array(utf8).withUnsafeBufferPointer { ASCIICase.firstRange(of: needle, in: $0, from: 0) }
            let origin = utf8.startIndex
            return found.map {
                utf8.index(origin, offsetBy: $0.lowerBound)..<utf8.index(origin, offsetBy: $0.upperBound)
            }
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
}
