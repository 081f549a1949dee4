import TerminalText

extension Frame {
    /// The frame as text, one line per row, with continuation cells left out so that each line reads as the
    /// screen shows it. Trailing spaces are kept: every line is `width` columns wide.
    public var textLines: [String] {
        (0..<height).map { row in
            (0..<width).map { self[$0, row].symbol }.joined()
        }
    }

    /// Writes text at a column and row, sanitized and, when it does not fit in `limit` columns (default: up to
    /// the frame's edge), truncated with an ellipsis. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        let end = min(width, limit.map { column + max(0, $0) } ?? width)
        var x = column
        for unit in truncatedUnits(of: sanitize(text), toWidth: end - column) {
            setCell(Cell(symbol: unit.text, style: style), column: x, row: row)
            if unit.width == 2 { setCell(Cell(symbol: "", style: style), column: x + 1, row: row) }
            x += unit.width
        }
        return x - column
    }

    /// Fills columns of a row with spaces of a style.
    public mutating func fill(row: Int, from column: Int = 0, to end: Int? = nil, style: Style = .plain) {
        for x in max(0, column)..<max(max(0, column), min(width, end ?? width)) {
            setCell(Cell(symbol: " ", style: style), column: x, row: row)
        }
    }

    /// Sets one cell without leaving half of a wide character behind: a wide character whose half is
    /// overwritten is replaced by a space.
    private mutating func setCell(_ cell: Cell, column: Int, row: Int) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        if self[column, row].isContinuation, !cell.isContinuation, column > 0 {
            self[column - 1, row] = Cell(symbol: " ", style: self[column - 1, row].style)
        }
        if !cell.isContinuation, column + 1 < width, self[column + 1, row].isContinuation,
            displayWidth(of: self[column, row].symbol) == 2
        {
            self[column + 1, row] = Cell(symbol: " ", style: self[column + 1, row].style)
        }
        self[column, row] = cell
    }
}
