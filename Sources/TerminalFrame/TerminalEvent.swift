/// What the backend reports to the run loop besides key presses.
public enum TerminalEvent: Hashable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The terminal changed size; a new frame of this size is needed.
    case resize(width: Int, height: Int)
    /// No input arrived within the tick interval: time to update clocks and follow the journal.
    case tick
    /// Text the terminal delivered as a bracketed paste: text for the field that has the focus, never keys.
    case paste(Paste)
}

/// What one bracketed paste delivered, bounded in size.
public struct Paste: Hashable, Sendable {
    /// The most Unicode scalars one paste delivers; the rest of a longer paste is dropped, never read as keys.
    public static let limit = 16_384

    /// The pasted text, line breaks as `\n`, otherwise as the terminal sent it.
    public var text: String
    /// Whether the paste was longer than `limit` and only its beginning is in `text`.
    public var truncated: Bool

    /// A paste of `text`; `truncated` when the terminal sent more than `limit` scalars.
    public init(_ text: String, truncated: Bool = false) {
        self.text = text
        self.truncated = truncated
    }
}
