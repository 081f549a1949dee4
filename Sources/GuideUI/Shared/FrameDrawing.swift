import TerminalFrame

extension Frame {
    /// Draws a box with a title in its top border and clears its inside.
    mutating func box(column: Int, row: Int, width boxWidth: Int, height boxHeight: Int, title: String, style: Style) {
        guard boxWidth >= 2, boxHeight >= 2 else { return }
        let right = column + boxWidth - 1
        let bottom = row + boxHeight - 1
        for y in row...bottom {
            fill(row: y, from: column, to: right + 1)
        }
        put("┌" + String(repeating: "─", count: boxWidth - 2) + "┐", column: column, row: row, style: style)
        put("└" + String(repeating: "─", count: boxWidth - 2) + "┘", column: column, row: bottom, style: style)
        for y in (row + 1)..<bottom {
            put("│", column: column, row: y, style: style)
            put("│", column: right, row: y, style: style)
        }
        if !title.isEmpty {
            put(" \(title) ", column: column + 2, row: row, style: style.with(bold: true), limit: boxWidth - 4)
        }
    }
}

extension Style {
    /// The same style, bold or not.
    func with(bold: Bool) -> Style {
        var style = self
        style.bold = bold
        return style
    }
}
