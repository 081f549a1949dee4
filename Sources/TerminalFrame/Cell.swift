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
