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
