import CNcursesw
import TerminalFrame
import Testing

@testable import CursesBackend

/// What `get_wch` reports becomes the keys the guide understands, the same on every terminal.
@Suite("Keys read from the terminal")
struct KeyDecoderTests {
    @Test("Enter, Escape, Tab and both backspace codes are named keys")
    func namedCharacters() {
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(10) == .enter)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(8) == .backspace)
    }

    @Test("control codes are control keys, Ctrl-C and Ctrl-U among them")
    func controlKeys() {
        #expect(KeyDecoder.character(3) == .control("c"))
        #expect(KeyDecoder.character(21) == .control("u"))
        #expect(KeyDecoder.character(1) == .control("a"))
    }

    @Test("printable characters, wide ones included, arrive as characters; C1 controls are dropped")
    func printable() {
        #expect(KeyDecoder.character(0x71) == .character("q"))
        #expect(KeyDecoder.character(0x7E6A) == .character("繪"))
        #expect(KeyDecoder.character(0x1F525) == .character("🔥"))
        #expect(KeyDecoder.character(0x9B) == nil)
        #expect(KeyDecoder.character(0xD800) == nil)
    }

    @Test("curses key codes become arrows, paging, delete, back-tab and function keys")
    func functionKeys() {
        #expect(KeyDecoder.functionKey(KEY_UP) == .up)
        #expect(KeyDecoder.functionKey(KEY_DOWN) == .down)
        #expect(KeyDecoder.functionKey(KEY_PPAGE) == .pageUp)
        #expect(KeyDecoder.functionKey(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.functionKey(KEY_HOME) == .home)
        #expect(KeyDecoder.functionKey(KEY_END) == .end)
        #expect(KeyDecoder.functionKey(KEY_BACKSPACE) == .backspace)
        #expect(KeyDecoder.functionKey(KEY_DC) == .delete)
        #expect(KeyDecoder.functionKey(KEY_BTAB) == .backTab)
        #expect(KeyDecoder.functionKey(KEY_F0 + 5) == .function(5))
        #expect(KeyDecoder.functionKey(KEY_MOUSE) == nil)
    }
}
