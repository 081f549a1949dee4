/// The number of lines `wrap(text, width: width)` gives, found without making them.
///
/// Wrapping builds a string for every piece of every line; a caller that needs only to know how many rows text
/// takes (to scroll through a long list of wrapped lines while laying out only those on screen) pays here for
/// reading the characters once. It splits the text into display units and tokens exactly as `wrap` does and
/// places the tokens by the same rules.
public func wrappedLineCount(_ text: String, width: Int) -> Int {
    guard width > 0 else { return 0 }
    var paragraph = WrapTokens()
    var lines = 0
    let bytes = text.utf8
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        let next = bytes.index(after: index)
        // Printable ASCII followed by ASCII is a character of its own, one column wide (in every locale), and
        // no closing punctuation: the common case, read without breaking graphemes or asking `wcwidth`.
        if (0x20...0x7E).contains(byte), next == bytes.endIndex || bytes[next] < 0x80 {
            paragraph.addASCII(isSpace: byte == 0x20)
            index = next
            continue
        }
        let character = text[index]
        index = text.index(after: index)
        if character == "\n" {
            lines += paragraph.lineCount(width: width)
            paragraph = WrapTokens()
            continue
        }
        // The display units of the character, as `displayUnits(of:)` makes them.
        var unit: UnitShape?
        for scalar in character.unicodeScalars {
            let scalarColumns = (0x20...0x7E).contains(scalar.value) ? 1 : scalarWidth(scalar)
            if scalarColumns > 0 {
                if let finished = unit { paragraph.add(finished) }
                unit = UnitShape(width: scalarColumns, first: scalar, alone: true)
            } else if scalarColumns == 0, unit != nil {
                unit?.alone = false
                if scalar == "\u{FE0F}" { unit?.width = 2 }
            }
        }
        if let finished = unit { paragraph.add(finished) }
    }
    return lines + paragraph.lineCount(width: width)
}

/// The scalars of `closingPunctuation`, each of which is one scalar.
private let closingScalars = Set(closingPunctuation.flatMap(\.unicodeScalars).map(\.value))

/// What wrapping needs to know of a display unit: its width, and whether it is a space or closing punctuation.
private struct UnitShape {
    var width: Int
    /// The scalar that takes the columns.
    var first: Unicode.Scalar
    /// Whether no zero-width scalar rides on it, so that its text is `first` alone.
    var alone: Bool

    var isSpace: Bool { alone && first == " " }

    var closes: Bool { alone && first.value >= 0x80 && closingScalars.contains(first.value) }
}

/// One paragraph's tokens as `wrap` makes them (words, wide characters with the closing punctuation after them,
/// and spaces), each with its units' widths.
private struct WrapTokens {
    /// The width of every unit, tokens one after the other.
    private var widths: [Int] = []
    /// Each token: whether it is a space, where its units end in `widths`, and its width.
    private var tokens: [(space: Bool, end: Int, width: Int)] = []
    /// Where the word being read starts in `widths`.
    private var wordStart = 0
    private var wordWidth = 0

    mutating func add(_ unit: UnitShape) {
        if unit.isSpace {
            endWord()
            widths.append(unit.width)
            tokens.append((true, widths.count, unit.width))
            wordStart = widths.count
        } else if unit.closes, wordStart < widths.count {
            push(unit.width)
        } else if unit.closes, let last = tokens.last, !last.space {
            widths.append(unit.width)
            tokens[tokens.count - 1] = (false, widths.count, last.width + unit.width)
            wordStart = widths.count
        } else if unit.width == 2 {
            endWord()
            push(unit.width)
            endWord()
        } else {
            push(unit.width)
        }
    }

    /// Adds a printable ASCII character standing alone: a space, or one column of a word.
    mutating func addASCII(isSpace: Bool) {
        if isSpace {
            endWord()
            widths.append(1)
            tokens.append((true, widths.count, 1))
            wordStart = widths.count
        } else {
            push(1)
        }
    }

    private mutating func push(_ width: Int) {
        widths.append(width)
        wordWidth += width
    }

    private mutating func endWord() {
        if wordStart < widths.count { tokens.append((false, widths.count, wordWidth)) }
        wordStart = widths.count
        wordWidth = 0
    }

    /// The lines the paragraph takes at `width`, by the rules of `wrap`'s paragraphs.
    mutating func lineCount(width: Int) -> Int {
        endWord()
        var lines = 0
        var used = 0
        var start = 0
        for token in tokens {
            defer { start = token.end }
            if token.space {
                if used > 0, used < width { used += 1 }
                continue
            }
            if used + token.width > width, used > 0 {
                lines += 1
                used = 0
            }
            if token.width <= width - used {
                used += token.width
                continue
            }
            // Too wide for any line: cut where the width ends, one column kept for the marker.
            var rest = token.width
            for unitWidth in widths[start..<token.end] {
                let room = used + rest <= width ? width : width - 1
                rest -= unitWidth
                if used + unitWidth > room, used > 0 {
                    lines += 1
                    used = 0
                }
                used += unitWidth
            }
        }
        if used > 0 || lines == 0 { lines += 1 }
        return lines
    }
}
