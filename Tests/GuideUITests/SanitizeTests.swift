import Testing
import TerminalText

@Suite("sanitizing untrusted text")
struct SanitizeTests {
    @Test("plain text, Chinese and emoji pass unchanged")
    func plainPasses() {
        let text = "檢查 Pod 狀態 🔥 kubectl get pods -n shop"
        #expect(sanitize(text) == text)
    }

    @Test("CSI sequences (colors, cursor moves, screen clears) are removed whole", arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[2J\u{1B}[Hcleared", "cleared"),
        ("a\u{1B}[?1049hb", "ab"),
        ("\u{9B}31mC1 CSI", "C1 CSI"),
    ])
    func csi(input: String, expected: String) {
        #expect(sanitize(input) == expected)
    }

    @Test("OSC sequences end at BEL or ST and take their payload with them", arguments: [
        ("\u{1B}]0;owned title\u{7}after", "after"),
        ("\u{1B}]52;c;ZXZpbA==\u{1B}\\after", "after"),
        ("\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{9D}0;title\u{9C}after", "after"),
    ])
    func osc(input: String, expected: String) {
        #expect(sanitize(input) == expected)
    }

    @Test("DCS, APC, PM and SOS strings are removed up to ST", arguments: [
        ("\u{1B}P+q544e\u{1B}\\ok", "ok"),
        ("\u{1B}_apc payload\u{1B}\\ok", "ok"),
        ("\u{1B}^pm\u{1B}\\ok", "ok"),
        ("\u{1B}Xsos\u{1B}\\ok", "ok"),
        ("\u{90}dcs\u{9C}ok", "ok"),
    ])
    func stringSequences(input: String, expected: String) {
        #expect(sanitize(input) == expected)
    }

    @Test("an unterminated string sequence swallows the rest, as the terminal would")
    func unterminated() {
        #expect(sanitize("safe\u{1B}]0;never ends") == "safe")
    }

    @Test("two- and three-byte escapes are removed")
    func shortEscapes() {
        #expect(sanitize("a\u{1B}cb\u{1B}(Bc\u{1B}7d") == "abcd")
    }

    @Test("C0 and C1 controls, DEL and bidirectional overrides are removed")
    func controls() {
        #expect(sanitize("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f\r") == "abcdef")
        #expect(sanitize("user\u{202E}fdp.exe") == "userfdp.exe")
    }

    @Test("tabs expand to the next multiple of four columns, counting wide characters as two")
    func tabs() {
        #expect(sanitize("\tx") == "    x")
        #expect(sanitize("ab\tx") == "ab  x")
        #expect(sanitize("中\tx") == "中  x")
        #expect(sanitize("abcd\tx") == "abcd    x")
    }

    @Test("newlines become spaces unless kept, and tab stops restart on each line")
    func newlines() {
        #expect(sanitize("a\nb") == "a b")
        #expect(sanitize("ab\n\tc", keepNewlines: true) == "ab\n    c")
    }

    @Test("combining marks and zero-width joiners are kept")
    func keepsZeroWidth() {
        let text = "e\u{301} 👨\u{200D}👩\u{200D}👧"
        #expect(sanitize(text) == text)
    }

    @Test("the result never contains a control character, whatever the input")
    func noControlsSurvive() {
        let attack = "\u{1B}[1;31m警告\u{1B}]0;x\u{7}\u{1B}P1$r\u{1B}\\\u{9B}2J\u{1B}\u{1B}[[A\u{0}\u{1F}\u{80}\u{85}done"
        let clean = sanitize(attack)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(clean.hasSuffix("done"))
        #expect(clean.contains("警告"))
    }
}
