/// A terminal color, from the eight that every color terminal has.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colors (nil is the terminal's default) and attributes.
public struct Style: Hashable, Sendable {
    /// The foreground color, or nil for the terminal's default.
    public var foreground: Color?
    /// The background color, or nil for the terminal's default.
    public var background: Color?
    /// Bold text.
    public var bold: Bool
    /// Dim text.
    public var dim: Bool
    /// Reversed foreground and background, the selection highlight that reads without color.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool

    /// Creates a style; the default is the terminal's plain text.
    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's plain text.
    public static let plain = Style()
}

/// One terminal cell: the grapheme drawn in it and its style. A wide grapheme occupies its cell and the next,
/// which holds a continuation cell.
public struct Cell: Hashable, Sendable {
    /// The text drawn in the cell: one grapheme of display width 1 or 2, a space, or empty for the right half
    /// of a wide grapheme.
    public var symbol: String
    /// How it is drawn.
    public var style: Style

    /// Creates a cell.
    public init(symbol: String, style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// An unstyled space.
    public static let blank = Cell(symbol: " ")

    /// Whether this is the right half of a wide grapheme, drawn by the cell to its left.
    public var isContinuation: Bool { symbol.isEmpty }
}

/// A whole screen as rows of cells: what `view` produces and a backend draws.
public struct Frame: Hashable, Sendable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// The cells, row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (column, row), or nil to hide it.
    public var cursor: (column: Int, row: Int)? {
        get { cursorPosition.map { ($0.column, $0.row) } }
        set { cursorPosition = newValue.map { CursorPosition(column: $0.column, row: $0.row) } }
    }

    private var cursorPosition: CursorPosition?

    private struct CursorPosition: Hashable, Sendable {
        var column: Int
        var row: Int
    }

    /// Creates a frame of blank cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a column and row; a blank cell outside the frame.
    public subscript(column: Int, row: Int) -> Cell {
        get {
            guard column >= 0, column < width, row >= 0, row < height else { return .blank }
            return cells[row * width + column]
        }
        set {
            guard column >= 0, column < width, row >= 0, row < height else { return }
            cells[row * width + column] = newValue
        }
    }
}
