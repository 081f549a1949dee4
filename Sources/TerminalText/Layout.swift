/// The mark that ends a line whose token continues on the next one.
public let continuationMarker = "↩"

/// The mark that ends text cut short.
public let ellipsis = "…"

/// Cuts text to at most `width` columns. Text that fits is returned as it is; longer text keeps what fits
/// before an ellipsis, and when a wide character would straddle the edge it is left out and a space takes
/// its place, so the result is exactly `width` columns and never splits a character.
public func truncate(_ text: String, toWidth width: Int) -> String {
    truncatedUnits(of: text, toWidth: width).map(\.text).joined()
}

/// What `truncate(_:toWidth:)` keeps of the text, as the display units a frame puts in its cells: a caller that
/// draws the text needs the units, and making them again from the truncated string would cost as much again.
public func truncatedUnits(of text: String, toWidth width: Int) -> [DisplayUnit] {
    guard width > 0 else { return [] }
    var units = displayUnits(of: text, upToWidth: width)
    if units.reduce(0, { $0 + $1.width }) <= width { return units }
    var used = 0
    var kept = 0
    while kept < units.count, used + units[kept].width <= width - 1 {
        used += units[kept].width
        kept += 1
    }
    units.removeSubrange(kept...)
    units += repeatElement(DisplayUnit(text: " ", width: 1), count: width - 1 - used)
    units += displayUnits(of: ellipsis)
    return units
}

/// Truncates or pads text with spaces to exactly `width` columns.
public func fit(_ text: String, toWidth width: Int) -> String {
    let cut = truncate(text, toWidth: width)
    return cut + String(repeating: " ", count: max(0, width - displayWidth(of: cut)))
}

/// Wraps prose to lines of at most `width` columns.
///
/// Lines break at spaces (which are dropped at the break) and between any two wide characters, so Chinese text
/// wraps anywhere between its characters, as it is set. A token wider than a line is broken hard, and every
/// line it continues from ends in `continuationMarker`, so a broken token is never mistaken for two. Line feeds
/// in the text start new lines.
public func wrap(_ text: String, width: Int) -> [String] {
    wrapNumberedRuns([Run(text, 0)], width: width).map { $0.map(\.text).joined() }
}

/// Breaks code to lines of at most `width` columns without ever moving a break to a space: a line that is too
/// long is cut where the width ends and the piece ends in `continuationMarker`, so a wrapped command still
/// reads as one command. Line feeds in the code start new lines.
public func wrapCode(_ code: String, width: Int) -> [String] {
    guard width > 1 else { return [] }
    var lines: [String] = []
    for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
        if let ascii = hardBreakPrintableASCII(line, width: width) {
            lines.append(contentsOf: ascii)
        } else {
            lines.append(contentsOf: hardBreak(displayUnits(of: String(line)), width: width))
        }
    }
    return lines
}

/// `hardBreak` for a line of printable ASCII, where every character is one column: most lines of commands.
/// Cut by counting bytes rather than segmenting graphemes and asking each one's width; nil for any other line.
private func hardBreakPrintableASCII(_ line: Substring, width: Int) -> [String]? {
    let utf8 = line.utf8
    guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
    guard utf8.count > width else { return [String(line)] }
    var pieces: [String] = []
    var start = utf8.startIndex
    var remaining = utf8.count
    while remaining > width {
        let end = utf8.index(start, offsetBy: width - 1)
        pieces.append(String(line[start..<end]) + continuationMarker)
        start = end
        remaining -= width - 1
    }
    pieces.append(String(line[start...]))
    return pieces
}

/// Cuts units into lines of `width` columns, all but the last ending in the continuation marker.
private func hardBreak(_ units: [DisplayUnit], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    var remaining = units.reduce(0) { $0 + $1.width }
    for unit in units {
        // The last piece needs no marker, so it may use the whole width.
        let room = used + remaining <= width ? width : width - 1
        remaining -= unit.width
        if used + unit.width > room {
            lines.append(line + continuationMarker)
            line = ""
            used = 0
        }
        line += unit.text
        used += unit.width
    }
    lines.append(line)
    return lines
}

/// A run of text with an attribute (a style, say) that wrapping carries along.
public struct Run<Attribute: Hashable & Sendable>: Hashable, Sendable {
    /// The text.
    public var text: String
    /// What the text carries.
    public var attribute: Attribute

    /// Creates a run.
    public init(_ text: String, _ attribute: Attribute) {
        self.text = text
        self.attribute = attribute
    }
}

/// Wraps runs of attributed prose as `wrap(_:width:)` wraps a string, keeping each piece's attribute; a
/// continuation marker takes the attribute of the token it continues. Adjacent pieces with the same attribute
/// are merged.
@inlinable
public func wrapRuns<Attribute>(_ runs: [Run<Attribute>], width: Int) -> [[Run<Attribute>]] {
    // Wrapping works on attribute numbers, so that the work per character is compiled once for one concrete
    // type; equal attributes get the same number, which keeps the merging of neighbours the same.
    var attributes: [Attribute] = []
    let numbered = runs.map { run -> Run<Int> in
        if let index = attributes.firstIndex(of: run.attribute) { return Run(run.text, index) }
        attributes.append(run.attribute)
        return Run(run.text, attributes.count - 1)
    }
    return wrapNumberedRuns(numbered, width: width).map { line in
        line.map { Run($0.text, attributes[$0.attribute]) }
    }
}

/// `wrapRuns(_:width:)` on runs whose attributes are numbers.
@usableFromInline
func wrapNumberedRuns(_ runs: [Run<Int>], width: Int) -> [[Run<Int>]] {
    guard width > 0 else { return [] }
    var paragraphs: [[Run<Int>]] = [[]]
    for run in runs {
        let parts = run.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if index > 0 { paragraphs.append([]) }
            paragraphs[paragraphs.count - 1].append(Run(String(part), run.attribute))
        }
    }
    return paragraphs.flatMap { wrapParagraph($0, width: width) }
}

/// A piece of a paragraph that moves to the next line as a whole: a word, one wide character, or a space.
private enum Token<Attribute> {
    case space(Attribute)
    case word([(unit: DisplayUnit, attribute: Attribute)])
}

/// Punctuation that must not start a line (kinsoku): it stays with the token before it.
let closingPunctuation: Set<String> = ["。", "，", "、", "；", "：", "！", "？", "）", "」", "』", "》", "〉", "】", "…"]

private func tokens<Attribute>(of runs: [Run<Attribute>]) -> [Token<Attribute>] {
    var result: [Token<Attribute>] = []
    var word: [(unit: DisplayUnit, attribute: Attribute)] = []
    func endWord() {
        if !word.isEmpty { result.append(.word(word)) }
        word = []
    }
    for run in runs {
        for unit in displayUnits(of: run.text) {
            // Every closing punctuation mark is outside ASCII; most text is not, so the set is rarely asked.
            let closes = (unit.text.utf8.first ?? 0) >= 0x80 && closingPunctuation.contains(unit.text)
            if unit.text == " " {
                endWord()
                result.append(.space(run.attribute))
            } else if closes, !word.isEmpty {
                word.append((unit, run.attribute))
            } else if closes, case .word(let last)? = result.last {
                result[result.count - 1] = .word(last + [(unit, run.attribute)])
            } else if unit.width == 2 {
                endWord()
                result.append(.word([(unit, run.attribute)]))
            } else {
                word.append((unit, run.attribute))
            }
        }
    }
    endWord()
    return result
}

/// Builds one line of runs, merging neighbours with the same attribute.
private struct LineBuilder<Attribute: Hashable & Sendable> {
    var runs: [Run<Attribute>] = []
    var used = 0

    mutating func append(_ text: String, _ attribute: Attribute, width: Int) {
        if let last = runs.last, last.attribute == attribute {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text, attribute))
        }
        used += width
    }

    mutating func trimTrailingSpaces() {
        while let last = runs.last, last.text.hasSuffix(" ") {
            runs[runs.count - 1].text.removeLast()
            if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
        }
    }
}

private func wrapParagraph<Attribute>(_ runs: [Run<Attribute>], width: Int) -> [[Run<Attribute>]] {
    var lines: [[Run<Attribute>]] = []
    var line = LineBuilder<Attribute>()
    func endLine() {
        line.trimTrailingSpaces()
        lines.append(line.runs)
        line = LineBuilder()
    }
    for token in tokens(of: runs) {
        switch token {
        case .space(let attribute):
            if line.used > 0, line.used < width { line.append(" ", attribute, width: 1) }
        case .word(let units):
            let tokenWidth = units.reduce(0) { $0 + $1.unit.width }
            if line.used + tokenWidth > width, line.used > 0 { endLine() }
            if tokenWidth <= width - line.used {
                for piece in units { line.append(piece.unit.text, piece.attribute, width: piece.unit.width) }
                continue
            }
            // Too wide for any line: cut it, marking every cut.
            var rest = tokenWidth
            for piece in units {
                let room = line.used + rest <= width ? width : width - 1
                rest -= piece.unit.width
                if line.used + piece.unit.width > room, line.used > 0 {
                    line.append(continuationMarker, piece.attribute, width: 1)
                    lines.append(line.runs)
                    line = LineBuilder()
                }
                line.append(piece.unit.text, piece.attribute, width: piece.unit.width)
            }
        }
    }
    if line.used > 0 || lines.isEmpty { endLine() }
    return lines
}
