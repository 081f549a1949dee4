extension Array where Element == Inline {
    /// The inlines as plain text: styling dropped, links reduced to their text, line breaks as newlines.
    public var plainText: String {
        map(\.plainText).joined()
    }
}

extension Inline {
    /// This inline as plain text.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .strong(let children), .emphasis(let children): children.plainText
        case .link(let text, let destination):
            text.isEmpty ? destination : text.plainText
        case .lineBreak: "\n"
        }
    }
}

extension Block {
    /// This block as plain text, children separated by newlines; used for searching and for contact lines.
    public var plainText: String {
        switch self {
        case .heading(_, let inlines), .paragraph(let inlines): inlines.plainText
        case .list(_, _, let items): items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .code(let block): block.code
        case .quote(let blocks): blocks.map(\.plainText).joined(separator: "\n")
        case .table(let header, let rows):
            ([header] + rows).map { $0.map(\.plainText).joined(separator: " | ") }.joined(separator: "\n")
        case .thematicBreak: ""
        case .html(let html): html
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmed: String {
        let kept = Substring(self).trimmingCharacters(in: " \t\r\n\u{3000}")
        // Most text has nothing to trim; handing back the same string saves a copy of every paragraph.
        return kept.startIndex == startIndex && kept.endIndex == endIndex ? self : String(kept)
    }
}
