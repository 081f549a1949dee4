/// The mark that ends a line whose token continues on the next one.
public let continuationMarker = "↩"

/// The mark that ends text cut short.
public let ellipsis = "…"

/// Cuts text to at most `width` columns. Text that fits is returned as it is; longer text keeps what fits
/// before an ellipsis, and when a wide character would straddle the edge it is left out and a space takes
/// its place, so the result is exactly `width` columns and never splits a character.
public func truncate(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    let units = displayUnits(of: text)
    let total = units.reduce(0) { $0 + $1.width }
    if total <= width { return units.map(\.text).joined() }
    var kept = ""
    var used = 0
    for unit in units {
        guard used + unit.width <= width - 1 else { break }
        kept += unit.text
        used += unit.width
    }
    return kept + String(repeating: " ", count: width - 1 - used) + ellipsis
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
    guard width > 0 else { return [] }
    return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
        wrapParagraph(String($0), width: width)
    }
}

/// Breaks code to lines of at most `width` columns without ever moving a break to a space: a line that is too
/// long is cut where the width ends and the piece ends in `continuationMarker`, so a wrapped command still
/// reads as one command. Line feeds in the code start new lines.
public func wrapCode(_ code: String, width: Int) -> [String] {
    guard width > 1 else { return width == 1 ? code.split(separator: "\n").map { _ in continuationMarker } : [] }
    var lines: [String] = []
    for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(contentsOf: hardBreak(displayUnits(of: String(line)), width: width))
    }
    return lines
}

/// Cuts units into lines of `width` columns, all but the last ending in the continuation marker.
private func hardBreak(_ units: [DisplayUnit], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    for (index, unit) in units.enumerated() {
        let remaining = units[index...].reduce(0) { $0 + $1.width }
        let room = used + remaining <= width ? width : width - 1
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

/// A piece of a paragraph that moves to the next line as a whole: a word, one wide character, or a space.
private enum Token {
    case space
    case word([DisplayUnit])

    var width: Int {
        switch self {
        case .space: 1
        case .word(let units): units.reduce(0) { $0 + $1.width }
        }
    }
}

private func tokens(of text: String) -> [Token] {
    var result: [Token] = []
    var word: [DisplayUnit] = []
    for unit in displayUnits(of: text) {
        if unit.text == " " {
            if !word.isEmpty { result.append(.word(word)) }
            word = []
            result.append(.space)
        } else if unit.width == 2 {
            if !word.isEmpty { result.append(.word(word)) }
            word = []
            result.append(.word([unit]))
        } else {
            word.append(unit)
        }
    }
    if !word.isEmpty { result.append(.word(word)) }
    return result
}

private func wrapParagraph(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    func endLine() {
        while line.hasSuffix(" ") { line.removeLast() }
        lines.append(line)
        line = ""
        used = 0
    }
    for token in tokens(of: text) {
        switch token {
        case .space:
            if used > 0, used < width {
                line += " "
                used += 1
            }
        case .word(let units):
            let tokenWidth = token.width
            if used + tokenWidth <= width {
                line += units.map(\.text).joined()
                used += tokenWidth
                continue
            }
            if used > 0 { endLine() }
            if tokenWidth <= width {
                line = units.map(\.text).joined()
                used = tokenWidth
                continue
            }
            let pieces = width > 1 ? hardBreak(units, width: width) : units.map { _ in continuationMarker }
            lines.append(contentsOf: pieces.dropLast())
            line = pieces.last ?? ""
            used = displayWidth(of: line)
        }
    }
    if used > 0 || lines.isEmpty { endLine() }
    return lines
}
