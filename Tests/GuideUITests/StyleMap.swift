import TerminalFrame

/// A frame's styles as text, for a golden file beside the frame's text: a legend that names each style once, then
/// one line per row with one symbol per column (a wide character's two columns both), so that the map lines up
/// with the screen in a monospace editor. `.` is plain text; the other styles take letters in the order they first
/// appear, row by row, so that the map of an unchanged frame never changes.
func styleMap(of frame: Frame) -> String {
    var symbols: [Style: Character] = [.plain: "."]
    var legend = [". plain"]
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    let rows = (0..<frame.height).map { row in
        String(
            (0..<frame.width).map { column -> Character in
                let style = frame[column, row].style
                if let symbol = symbols[style] { return symbol }
                let symbol = symbols.count <= letters.count ? letters[symbols.count - 1] : "?"
                symbols[style] = symbol
                legend.append("\(symbol) \(description(of: style))")
                return symbol
            })
    }
    return (legend + ["---"] + rows).joined(separator: "\n") + "\n"
}

/// A style in words: its colors, then its attributes, e.g. `fg=white bg=red bold`.
private func description(of style: Style) -> String {
    var words: [String] = []
    if let foreground = style.foreground { words.append("fg=\(foreground)") }
    if let background = style.background { words.append("bg=\(background)") }
    if style.bold { words.append("bold") }
    if style.dim { words.append("dim") }
    if style.reverse { words.append("reverse") }
    if style.underline { words.append("underline") }
    return words.joined(separator: " ")
}
