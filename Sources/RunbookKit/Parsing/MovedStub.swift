/// Recognises a file that only says its runbook moved elsewhere (`This runbook has moved to …`), so that the
/// catalog shows it as a pointer rather than as a runbook to walk. Pure.
enum MovedStub {
    /// The words that say a runbook moved, lowered.
    static let phrases = [
        "has moved", "has been moved", "moved to", "was moved", "is now at", "has been migrated", "已移至", "已移動",
        "已移动", "已搬移", "已遷移", "已迁移", "移至",
    ]

    /// Where a file of only these blocks says its runbook went (a link's destination, else the text after the
    /// phrase); nil when the blocks do not say it moved.
    static func destination(of blocks: [Block]) -> String? {
        for block in blocks {
            let inlines: [Inline]
            switch block {
            case .paragraph(let content): inlines = content
            case .quote(let inner): return destination(of: inner)
            default: continue
            }
            let text = inlines.plainText
            guard mentionsMove(text) else { continue }
            if let link = firstLink(inlines) { return link }
            return inlines.plainText.trimmed
        }
        return nil
    }

    /// The destination of a moved stub as the catalog's cheap scan finds it: the paragraph's text is the line
    /// itself, links and all.
    static func destination(ofLine line: String) -> String? {
        guard mentionsMove(line) else { return nil }
        if let open = line.firstRange(of: "]("), let close = line[open.upperBound...].firstIndex(of: ")") {
            return String(line[open.upperBound..<close])
        }
        return line.trimmed
    }

    /// Whether the text says a runbook moved; over its bytes, ASCII letters in either case, as it runs for every
    /// file of a library.
    private static func mentionsMove(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Every phrase holds one of the anchors, so a text without one (nearly every paragraph) is answered
            // in four searches rather than thirteen.
            anchors.contains { ASCIICase.firstRange(of: $0, in: bytes, from: 0) != nil }
                && needles.contains { ASCIICase.firstRange(of: $0, in: bytes, from: 0) != nil }
        }
    }

    /// The phrases as lowered UTF-8 bytes, made once rather than for every file.
    private static let needles = phrases.map(ASCIICase.needle)

    /// Words one of which every phrase holds (a test holds them to `phrases`), lowered.
    static let anchorWords = ["moved", "is now at", "migrated", "移"]
    private static let anchors = anchorWords.map(ASCIICase.needle)

    private static func firstLink(_ inlines: [Inline]) -> String? {
        for inline in inlines {
            switch inline {
            case .link(_, let destination): return destination
            case .strong(let children), .emphasis(let children):
                if let found = firstLink(children) { return found }
            default: continue
            }
        }
        return nil
    }
}
