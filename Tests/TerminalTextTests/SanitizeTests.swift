import TerminalText
import Testing

@Suite("sanitizing untrusted text")
struct SanitizeTests {
    @Test("plain text, Chinese and emoji pass unchanged")
    func plainPasses() {
        let text = "檢查 Pod 狀態 🔥 kubectl get pods -n shop"
        #expect(sanitize(text) == text)
    }

    @Test("every printable ASCII character passes unchanged, so a line of only those needs no sanitizing")
    func printableASCIIPasses() {
        // `respond list` prints such lines without calling sanitize; this is what makes that the same.
        let printable = String(decoding: Array(0x20...0x7E) as [UInt8], as: UTF8.self)
        #expect(sanitize(printable) == printable)
        #expect(sanitize(printable, keepNewlines: true) == printable)
    }

    @Test(
        "CSI sequences (colors, cursor moves, screen clears) are shown, not obeyed",
        arguments: [
            ("\u{1B}[31mred\u{1B}[0m", "␛[31mred␛[0m"),
            ("\u{1B}[2J\u{1B}[Hcleared", "␛[2J␛[Hcleared"),
            ("a\u{1B}[?1049hb", "a␛[?1049hb"),
            ("\u{9B}31mC1 CSI", "\\u{9B}31mC1 CSI"),
        ])
    func csi(input: String, expected: String) {
        #expect(sanitize(input) == expected)
    }

    @Test(
        "OSC, DCS, APC, PM and SOS strings show their payload instead of swallowing it",
        arguments: [
            ("\u{1B}]0;owned title\u{7}after", "␛]0;owned title␇after"),
            ("\u{1B}]52;c;ZXZpbA==\u{1B}\\after", "␛]52;c;ZXZpbA==␛\\after"),
            ("\u{9D}0;title\u{9C}after", "\\u{9D}0;title\\u{9C}after"),
            ("\u{1B}P+q544e\u{1B}\\ok", "␛P+q544e␛\\ok"),
            ("\u{1B}_apc\u{1B}\\ok", "␛_apc␛\\ok"),
        ])
    func stringSequences(input: String, expected: String) {
        #expect(sanitize(input) == expected)
    }

    @Test("an unterminated OSC string hides nothing after it, across lines")
    func unterminated() {
        #expect(sanitize("echo hi \u{1B}]0;\ntouch PWNED\n\u{7}", keepNewlines: true) == "echo hi ␛]0;\ntouch PWNED\n␇")
    }

    @Test("C0 and C1 controls, DEL, CR and bidirectional overrides are shown in a visible form")
    func controls() {
        #expect(sanitize("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f\r") == "a␀b␇c␈d␡e\\u{85}f␍")
        #expect(sanitize("user\u{202E}fdp.exe") == "user\\u{202E}fdp.exe")
        #expect(sanitize("a\u{2066}b\u{2069}") == "a\\u{2066}b\\u{2069}")
    }

    @Test("100,000 ESC bytes and ESC ] chains are shown without exhausting the stack")
    func escapeFloods() {
        let flood = String(repeating: "\u{1B}", count: 100_000)
        #expect(sanitize(flood) == String(repeating: "␛", count: 100_000))
        let chain = String(repeating: "\u{1B}]", count: 100_000) + "end"
        let shown = sanitize(chain)
        #expect(shown.hasSuffix("␛]end"))
        #expect(!shown.unicodeScalars.contains { isControlCharacter($0) })
        #expect(sanitizeCommand(String(repeating: "\u{1B}[", count: 100_000)).count == 200_000)
    }

    @Test("tabs expand to the next multiple of four columns, counting wide characters as two")
    func tabs() {
        #expect(sanitize("\tx") == "    x")
        #expect(sanitize("ab\tx") == "ab  x")
        #expect(sanitize("中\tx") == "中  x")
        #expect(sanitize("abcd\tx") == "abcd    x")
        #expect(sanitize("\u{1B}\tx") == "␛   x")
    }

    @Test("newlines become spaces unless kept, and tab stops restart on each line")
    func newlines() {
        #expect(sanitize("a\nb") == "a b")
        #expect(sanitize("ab\n\tc", keepNewlines: true) == "ab\n    c")
    }

    @Test("combining marks and zero-width joiners are kept in prose")
    func keepsZeroWidth() {
        let text = "e\u{301} 👨\u{200D}👩\u{200D}👧"
        #expect(sanitize(text) == text)
    }

    @Test("in a command, invisible format characters and separators are shown too; the rest is unchanged")
    func commands() {
        #expect(
            sanitizeCommand("rm\u{200B} -rf /tmp/x\u{FEFF}\necho\u{2028}ok")
                == "rm\\u{200B} -rf /tmp/x\\u{FEFF}\necho\\u{2028}ok")
        #expect(sanitizeCommand("kubectl -n 生產 get pods\n\techo ok") == "kubectl -n 生產 get pods\n    echo ok")
        #expect(sanitizeCommand("printf 'a\\tb'\n") == "printf 'a\\tb'\n")
    }

    @Test("a command's hidden characters are found, and plain commands have none")
    func hiddenInCommands() {
        #expect(hiddenCharacters(inCommand: "echo ok\n\tls -l | grep 中文\n").isEmpty)
        #expect(hiddenCharacters(inCommand: "echo\u{1B}]0;\ntouch PWNED\n\u{7}") == ["\u{1B}", "\u{7}"])
        #expect(hiddenCharacters(inCommand: "echo a\rb\u{200D}\u{2067}") == ["\r", "\u{200D}", "\u{2067}"])
    }

    @Test("control characters are found by their bytes exactly: C0 but tab and line feed, DEL, C1, bidi controls")
    func containsControls() {
        for text in [
            "a\u{0}", "\r", "\u{1B}", "x\u{7F}", "\u{85}", "\u{9F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
        ] {
            #expect(containsControlCharacter(text), "\(Array(text.unicodeScalars))")
        }
        for text in ["a\tb\nc", "… — → “中文”", "\u{A0}\u{C2}\u{2029}\u{2065}\u{206A}\u{2029}\u{200B}", "👨\u{200D}👩"] {
            #expect(!containsControlCharacter(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("the byte scan agrees with isControlCharacter on every scalar of the Basic Multilingual Plane, in context")
    func containsControlsAgreesWithScalars() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a中" + String(Character(scalar)) + "b"
            #expect(containsControlCharacter(text) == isControlCharacter(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("the byte scan agrees with isControlCharacter at every offset, across its eight-byte words and at the end")
    func containsControlsAtEveryOffset() {
        let scalars: [Unicode.Scalar] = [
            "\u{0}", "\u{8}", "\t", "\n", "\u{B}", "\r", "\u{1B}", "\u{1F}", " ", "~", "\u{7F}", "\u{80}", "\u{85}",
            "\u{9F}", "\u{A0}", "\u{FF}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}",
            "\u{2069}", "\u{206A}", "\u{3000}", "中", "👩",
        ]
        for scalar in scalars {
            for filler in ["a", "中", "\n"] {
                for before in 0..<17 {
                    for after in 0..<9 {
                        let text =
                            String(repeating: filler, count: before) + String(Character(scalar))
                            + String(repeating: filler, count: after)
                        let expected = text.unicodeScalars.contains(where: isControlCharacter)
                        #expect(containsControlCharacter(text) == expected, "\(Array(text.unicodeScalars))")
                    }
                }
            }
        }
    }

    @Test("characters are named by code point and abbreviation or Unicode name")
    func names() {
        #expect(characterName("\u{1B}") == "U+001B ESC")
        #expect(characterName("\u{7}") == "U+0007 BEL")
        #expect(characterName("\u{9B}") == "U+009B CSI")
        #expect(characterName("\u{7F}") == "U+007F DEL")
        #expect(characterName("\u{202E}") == "U+202E RIGHT-TO-LEFT OVERRIDE")
        #expect(characterName("\u{200B}") == "U+200B ZERO WIDTH SPACE")
    }

    @Test("the result never contains a control character, whatever the input")
    func noControlsSurvive() {
        let attack = "\u{1B}[1;31m警告\u{1B}]0;x\u{7}\u{1B}P1$r\u{1B}\\\u{9B}2J\u{1B}\u{1B}[[A\u{0}\u{1F}\u{80}\u{85}done"
        for clean in [sanitize(attack), sanitize(attack, keepNewlines: true), sanitizeCommand(attack)] {
            #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            #expect(clean.hasSuffix("done"))
            #expect(clean.contains("警告"))
            #expect(clean.contains("␛]0;x␇"))
        }
    }
}
