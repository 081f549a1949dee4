/// The number of lines `wrap(text, width: width)` gives, found without making them.
///
/// Wrapping builds a string for every piece of every line; a caller that needs only to know how many rows text
/// takes (to scroll through a long list of wrapped lines while laying out only those on screen) pays here for
/// reading the characters once. It splits the text into display units and tokens exactly as `wrap` does and
/// places the tokens by the same rules.
public func wrappedLineCount(_ text: String, width: Int) -> Int {
    guard width > 0 else { return 0 }
    return text.utf8.withContiguousStorageIfAvailable { lineCount(text, $0, width: width) }
        ?? Array(text.utf8).withUnsafeBufferPointer { lineCount(text, $0, width: width) }
}

/// `wrappedLineCount` of `text`, whose UTF-8 bytes are `bytes`.
private func lineCount(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> Int {
    var paragraph = WrapTokens()
    var lines = 0
    var offset = 0
    while offset < bytes.count {
        // Printable ASCII followed by ASCII is a character of its own, one column wide (in every locale), and
        // no closing punctuation: the common case, read a space or a whole word at a time without breaking
        // graphemes or asking `wcwidth`.
        let standsAlone = { (at: Int) in at + 1 == bytes.count || bytes[at + 1] < 0x80 }
        if bytes[offset] == 0x20, standsAlone(offset) {
            paragraph.addSpace()
            offset += 1
            continue
        }
        var end = offset
        while end < bytes.count, (0x21...0x7E).contains(bytes[end]), standsAlone(end) { end += 1 }
        if end > offset {
            paragraph.addASCIIWord(count: end - offset)
            offset = end
            continue
        }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        let character = text[index]
        offset = text.utf8.distance(from: text.utf8.startIndex, to: text.index(after: index))
        if character == "\n" {
            lines += paragraph.lineCount(width: width)
            paragraph = WrapTokens()
            continue
        }
        var units = GraphemeUnits(character.unicodeScalars)
        while let unit = units.next() {
            paragraph.add(UnitShape(width: unit.width, first: unit.first, alone: unit.alone))
        }
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
    /// The widths of the units, tokens one after the other, as runs of equal widths that never cross a token's
    /// end: a word of ASCII letters is one run.
    private var runs: [(width: Int, count: Int)] = []
    /// Each token: whether it is a space, where its runs end in `runs`, and its width.
    private var tokens: [(space: Bool, end: Int, width: Int)] = []
    /// Where the word being read starts in `runs`.
    private var wordStart = 0
    private var wordWidth = 0

    mutating func add(_ unit: UnitShape) {
        if unit.isSpace {
            addSpace()
        } else if unit.closes, wordStart < runs.count {
            push(unit.width, count: 1)
        } else if unit.closes, let last = tokens.last, !last.space {
            // Closing punctuation right after a token joins it, and the token stays closed.
            tokens.removeLast()
            wordStart = tokens.last?.end ?? 0
            wordWidth = last.width
            push(unit.width, count: 1)
            endWord()
        } else if unit.width == 2 {
            endWord()
            push(unit.width, count: 1)
            endWord()
        } else {
            push(unit.width, count: 1)
        }
    }

    /// Adds a space token.
    mutating func addSpace() {
        endWord()
        runs.append((1, 1))
        tokens.append((true, runs.count, 1))
        wordStart = runs.count
    }

    /// Adds `count` characters of printable ASCII other than space, each one column of the word being read.
    mutating func addASCIIWord(count: Int) {
        push(1, count: count)
    }

    private mutating func push(_ width: Int, count: Int) {
        if wordStart < runs.count, runs[runs.count - 1].width == width {
            runs[runs.count - 1].count += count
        } else {
            runs.append((width, count))
        }
        wordWidth += width * count
    }

    private mutating func endWord() {
        if wordStart < runs.count { tokens.append((false, runs.count, wordWidth)) }
        wordStart = runs.count
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
            for run in runs[start..<token.end] {
                for _ in 0..<run.count {
                    let room = used + rest <= width ? width : width - 1
                    rest -= run.width
                    if used + run.width > room, used > 0 {
                        lines += 1
                        used = 0
                    }
                    used += run.width
                }
            }
        }
        if used > 0 || lines == 0 { lines += 1 }
        return lines
    }
}
