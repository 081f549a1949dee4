extension Array where Element == Inline {
    /// The inlines as plain text: styling dropped, links reduced to their text, line breaks as newlines.
    public var plainText: String {
        // A lone run of text is its own plain text: no copy of every heading and one-line paragraph.
        if count == 1 { return self[0].plainText }
        var text = ""
        for inline in self {
            inline.appendPlainText(to: &text)
        }
        return text
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

    /// Appends this inline's plain text to `text`, nested inlines included, without a string per level.
    fileprivate func appendPlainText(to text: inout String) {
        switch self {
        case .text(let value), .code(let value): text += value
        case .strong(let children), .emphasis(let children):
            for child in children {
                child.appendPlainText(to: &text)
            }
        case .link(let children, let destination):
            if children.isEmpty {
                text += destination
            } else {
                for child in children {
                    child.appendPlainText(to: &text)
                }
            }
        case .lineBreak: text += "\n"
        }
    }
}

extension Block {
    /// This block as plain text, children separated by newlines; used for searching and for contact lines.
    public var plainText: String {
        switch self {
        case .heading(_, let inlines), .paragraph(let inlines): inlines.plainText
        case .list(_, _, let items):
            items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
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
        // Decided on the first and last bytes when neither can start or end whitespace: most text.
        guard let first = utf8.first, let last = utf8.last else { return self }
        if !TrimmedScalars.mayStartWhitespace(first) && !TrimmedScalars.mayEndWhitespace(last) { return self }
        let kept = Substring(self).trimmingCharacters(in: TrimmedScalars.whitespace)
        // Most text has nothing to trim; handing back the same string saves a copy of every paragraph.
        return kept.startIndex == startIndex && kept.endIndex == endIndex ? self : String(kept)
    }
}

extension Substring {
    /// The substring without leading and trailing scalars from `members`.
    ///
    /// Works on scalars, which needs no grapheme breaking: a scalar from `members` is a whole character unless a
    /// combining mark (or a joiner) follows it, and then it is kept, as a character-by-character trim would.
    func trimmingCharacters(in members: [Unicode.Scalar]) -> Substring {
        // Most text starts and ends with an ASCII byte that is no member; then there is nothing to trim, and the
        // two bytes decide it without decoding (the parsers trim every line).
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !members.contains(Unicode.Scalar(first)), !members.contains(Unicode.Scalar(last))
        {
            return self
        }
        let scalars = trimmingLeadingCharacters(in: members).unicodeScalars
        let start = scalars.startIndex
        var end = scalars.endIndex
        while start < end {
            let last = scalars.index(before: end)
            guard members.contains(scalars[last]) else { break }
            end = last
        }
        return Substring(scalars[start..<end])
    }

    /// The substring without leading scalars from `members`, as `trimmingCharacters(in:)` trims its start.
    func trimmingLeadingCharacters(in members: [Unicode.Scalar]) -> Substring {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        let end = scalars.endIndex
        while start < end, members.contains(scalars[start]) {
            let next = scalars.index(after: start)
            if next < end, Self.extendsCharacter(scalars[next]) { break }
            start = next
        }
        return Substring(scalars[start..<end])
    }

    /// Whether the scalar belongs to the character before it rather than starting one.
    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.generalCategory == .spacingMark || scalar == "\u{200D}"
    }
}

/// The scalars the parsers trim from labels, headings and text.
enum TrimmedScalars {
    /// Spaces, tabs, line ends and the ideographic space.
    static let whitespace: [Unicode.Scalar] = [" ", "\t", "\r", "\n", "\u{3000}"]
    /// Every scalar with the Unicode White_Space property (`Unicode.Scalar.Properties.isWhitespace`).
    static let unicodeWhitespace: [Unicode.Scalar] = [
        "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}",
        "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}", "\u{2028}",
        "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    /// Spaces, tabs and the ideographic space.
    static let spaces: [Unicode.Scalar] = [" ", "\t", "\u{3000}"]
    /// Spaces and the ASCII and full-width colons that end a heading or a label.
    static let spacesAndColons: [Unicode.Scalar] = [" ", "\t", "\u{3000}", ":", "："]
    /// Spaces and the markdown a severity may be wrapped in.
    static let severityDecoration: [Unicode.Scalar] = [" ", "\t", "\u{3000}", "*", "`"]

    /// Whether a UTF-8 byte can be the first of a `whitespace` scalar (U+3000 is E3 80 80).
    static func mayStartWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xE3
    }

    /// Whether a UTF-8 byte can be the last of a `whitespace` scalar.
    static func mayEndWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x80
    }
}
