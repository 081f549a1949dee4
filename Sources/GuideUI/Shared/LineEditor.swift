import FoundationEssentials
import TerminalFrame
import TerminalText

/// A one-line text editor that works in graphemes, so wide characters and combining marks move and delete as
/// the responder sees them. Keys type one line; a paste into a field that keeps line breaks (a note) may add
/// more, shown as `↵`.
public struct LineEditor: Hashable, Sendable {
    /// The text, one grapheme per element.
    public private(set) var characters: [Character]
    /// The cursor, as the number of graphemes before it.
    public private(set) var cursor: Int
    /// Whether pasted line breaks are kept (notes); otherwise each becomes a space.
    public let keepsLineBreaks: Bool
    /// Whether the whole text is selected, as a prefilled value is: typing or pasting replaces it, and any other
    /// editing key keeps it to edit.
    public private(set) var isSelected: Bool

    /// Creates an editor holding `text`, with the cursor at its end; `keepsLineBreaks` for a field whose text
    /// may run over several lines, `selected` for a prefilled value that typing replaces.
    public init(_ text: String = "", keepsLineBreaks: Bool = false, selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        self.keepsLineBreaks = keepsLineBreaks
        isSelected = selected && !characters.isEmpty
    }

    /// The text as typed.
    public var text: String { String(characters) }

    /// The text as it is recorded when Enter submits it: sanitized and trimmed of surrounding spaces and line
    /// breaks; empty when nothing but spaces was typed. Line breaks survive only in a field that keeps them.
    var submitted: String {
        sanitize(text, keepNewlines: keepsLineBreaks).trimmingScalars(in: .whitespacesAndNewlines)
    }

    /// Inserts pasted text at the cursor, as text whatever it holds: escape sequences and control characters are
    /// dropped, a tab becomes spaces, and a line break (CR, LF or CRLF) is kept in a field that keeps line breaks
    /// and becomes a space in any other.
    public mutating func paste(_ pasted: String) {
        replaceSelection()
        let lines = pasted.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        for character in sanitize(lines, keepNewlines: keepsLineBreaks) {
            if character == "\n" {
                characters.insert(character, at: cursor)
                cursor += 1
            } else {
                insert(character)
            }
        }
    }

    /// Applies a key; returns false for keys the editor does not handle (Enter, Esc, arrows up and down …).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            replaceSelection()
            insert(character)
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("k"):
            characters.removeLast(characters.count - cursor)
        default:
            return false
        }
        isSelected = false
        return true
    }

    /// Empties a selected text before what is typed or pasted takes its place.
    private mutating func replaceSelection() {
        guard isSelected else { return }
        characters = []
        cursor = 0
        isSelected = false
    }

    /// Inserts a character at the cursor. A combining mark typed after a character joins it, as it does on
    /// screen, so the cursor never sits inside a grapheme. Tabs and line breaks in pasted text are dropped:
    /// the line is one line.
    private mutating func insert(_ character: Character) {
        guard !character.unicodeScalars.allSatisfy({ $0.properties.isWhitespace && $0 != " " }) else { return }
        if cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1, let merged = joined.first {
                characters[cursor - 1] = merged
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }
}
