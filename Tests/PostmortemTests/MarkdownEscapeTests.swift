import Foundation
import Postmortem
import Testing

@Suite("Escaping untrusted text for markdown")
struct MarkdownEscapeTests {
    static let hostile = [
        "plain 繁體中文 text",
        "# not a heading",
        "## also not",
        "- not a list",
        "+ nor this",
        "1. not ordered",
        "2) nor this",
        "> not a quote",
        "a | b | c",
        "`code` and ``more``",
        "<script>alert(1)</script>",
        "<b>bold</b> &amp; &lt;",
        "*em* **strong** _under_ __dunder__ ~~strike~~",
        "[link](evil.html) ![img](x.png) [ref]: /x",
        "back\\slash\\",
        "===",
        "tab\there",
        "p95 > 2s & 5xx_rate*100",
        "&copy; &#169; &#x1F600; &amp",
        "<!-- hidden --> <?php ?> <!DOCTYPE x> <x:y>",
        "<img src=x onerror=alert(1)>",
        "a*b*c a_b_c _lead trail_ snake_case_name __init__",
        "a * b * c and a ~ b ~~gone~~ ~x~",
        "x\\*y\\ C:\\Users\\me \\_",
        "***",
        "___",
        "~~~",
        "[^1] [x]: /x",
    ]

    @Test(
        "prose keeps its characters where markdown gives them no meaning",
        arguments: [
            ("p95 > 2s & 5xx_rate*100", "p95 > 2s & 5xx_rate\\*100"),
            ("snake_case_name", "snake_case_name"),
            ("a < b && c", "a < b && c"),
            ("C:\\Users\\me", "C:\\Users\\me"),
            ("a * b", "a * b"),
            ("50% of 1.5", "50% of 1.5"),
        ])
    func light(text: String, escaped: String) {
        #expect(MarkdownEscape.inline(text) == escaped)
    }

    @Test(
        "prose escapes a character wherever a neighbour could give it a meaning",
        arguments: [
            ("<b>x</b>", "\\<b>x\\</b>"),
            ("&amp; &#1;", "\\&amp; \\&#1;"),
            ("x<", "x\\<"),
            ("x&", "x\\&"),
            ("_x_", "\\_x\\_"),
            ("a\\", "a\\\\"),
            ("a\\\nb", "a\\\\<br>b"),
            ("> q", "\\> q"),
            ("* a", "\\* a"),
        ])
    func needed(text: String, escaped: String) {
        #expect(MarkdownEscape.inline(text) == escaped)
    }

    @Test("inline text renders as exactly itself in a paragraph", arguments: hostile)
    func paragraph(text: String) {
        let html = GFMHTML.render("x " + MarkdownEscape.inline(text) + "\n")
        let expected = "<p>x " + text.replacingOccurrences(of: "\t", with: " ") + "</p>\n"
        #expect(GFMHTML.decoded(html) == expected)
    }

    @Test("inline text at the start of a line cannot open a block", arguments: hostile)
    func lineStart(text: String) {
        let html = GFMHTML.render(MarkdownEscape.inline(text) + "\n")
        #expect(html.hasPrefix("<p>"))
        #expect(GFMHTML.decoded(html) == "<p>" + text.replacingOccurrences(of: "\t", with: " ") + "</p>\n")
    }

    @Test("inline text stays in its table cell", arguments: hostile + ["line one\n# line two | x"])
    func tableCell(text: String) {
        let table = "| a | b |\n| --- | --- |\n| left | \(MarkdownEscape.inline(text)) |\n"
        let html = GFMHTML.render(table)
        #expect(html.components(separatedBy: "<td>").count == 3)
        if !text.contains("\n") {
            let cell = "<td>" + text.replacingOccurrences(of: "\t", with: " ") + "</td>"
            #expect(GFMHTML.decoded(html).contains(cell), "\(GFMHTML.decoded(html))")
        }
    }

    @Test("line breaks become <br>; escape sequences and control characters are shown, never dropped")
    func controls() {
        #expect(MarkdownEscape.inline("a\nb\r\nc\rd") == "a<br>b<br>c<br>d")
        #expect(
            MarkdownEscape.inline("a\u{1B}[31mb\u{07}c\u{9B}d\u{1B}]0;title\u{07}e\u{202E}f")
                == "a␛\\[31mb␇c\\u{9B}d␛\\]0;title␇e\\u{202E}f")
    }

    @Test("a command hidden behind ESC ] 0 ; shows every line in a code block and a code span, with no raw control")
    func hiddenCommand() {
        let code = "df -h \u{1B}]0;\ntouch PWNED\n\u{07}\n"
        #expect(
            MarkdownEscape.codeBlock(code, language: "bash") == ["```bash", "df -h ␛]0;", "touch PWNED", "␇", "```"])
        #expect(MarkdownEscape.codeSpan(code) == "`df -h ␛]0; touch PWNED ␇ `")
        #expect(MarkdownEscape.codeSpan("echo safe\rrm -rf /\u{200B}") == "`echo safe␍rm -rf /\\u{200B}`")
    }

    @Test("100,000 ESC bytes and ESC ] chains are escaped without exhausting the stack")
    func escapeFloods() {
        let flood = String(repeating: "\u{1B}", count: 100_000)
        #expect(MarkdownEscape.inline(flood) == String(repeating: "␛", count: 100_000))
        let chain = MarkdownEscape.codeBlock(String(repeating: "\u{1B}]", count: 100_000) + "\u{07}")
        #expect(chain[1] == String(repeating: "␛]", count: 100_000) + "␇")
    }

    @Test("a link destination keeps its control characters percent-encoded")
    func destinationControls() {
        #expect(MarkdownEscape.destination("http://x/a\u{1B}]0;b\u{7}") == "<http://x/a%1B]0;b%07>")
    }

    @Test(
        "a code span survives backticks, pipes and line breaks, even in a table",
        arguments: [
            "kubectl get pods | grep -v Running",
            "echo `date`",
            "a ``` b",
            "`leading",
            "two\nlines",
        ])
    func codeSpan(command: String) {
        let table = "| a | b |\n| --- | --- |\n| left | \(MarkdownEscape.codeSpan(command)) |\n"
        let html = GFMHTML.render(table)
        #expect(html.components(separatedBy: "<td>").count == 3)
        let flat = command.replacingOccurrences(of: "\n", with: " ")
        #expect(GFMHTML.decoded(html).contains("<code>\(flat)</code>"))
    }

    @Test("a pipe or line break joined to a combining mark is still escaped, so it cannot leave its table cell")
    func combiningMarks() {
        #expect(MarkdownEscape.codeSpan("a|\u{0903}b") == "`a\\|\u{0903}b`")
        #expect(MarkdownEscape.codeSpan("a|\u{0301}b") == "`a\\|\u{0301}b`")
        #expect(MarkdownEscape.codeSpan("a\n\u{0301}b") == "`a \u{0301}b`")
        #expect(MarkdownEscape.inline("a\r\n\u{0301}b") == "a<br>\u{0301}b")
    }

    @Test("a character canonically equivalent to a backtick lengthens the code span's fence")
    func varia() {
        #expect(MarkdownEscape.codeSpan("a\u{1FEF}b") == "``a\u{1FEF}b``")
    }

    @Test("a fenced block is longer than any backtick run inside, so the text cannot close it")
    func codeBlock() {
        let lines = MarkdownEscape.codeBlock("echo ```\nexit", language: "bash")
        #expect(lines == ["````bash", "echo ```", "exit", "````"])
        let html = GFMHTML.render(lines.joined(separator: "\n") + "\n\nafter\n")
        #expect(GFMHTML.decoded(html).contains("<code class=\"language-bash\">echo ```\nexit\n</code>"))
        #expect(html.contains("<p>after</p>"))
    }

    @Test("a link destination cannot close the link or carry spaces and markup")
    func destination() {
        #expect(MarkdownEscape.destination("http://x/a b>c)") == "<http://x/ab%3Ec)>")
        let html = GFMHTML.render("[out](\(MarkdownEscape.destination("http://x/a b>c) **x**")))\n")
        #expect(html == "<p><a href=\"http://x/ab%3Ec)**x**\">out</a></p>\n")
    }

    /// Text whose characters are more than their bytes, with the escaping the character-by-character escaper gave
    /// it: U+1FEF equals a backtick, a mark joined to `*`, `|` or a digit makes another character, a mark before `#`
    /// (U+0600 is prepended to what follows) takes it in, and no-break or ideographic spaces count as leading
    /// whitespace. In a code span, which holds commands, invisible format characters (U+0600, U+200D) are shown.
    static let characterCases: [(text: String, inline: String, codeSpan: String)] = [
        ("\u{1FEF} x", "\\\u{1FEF} x", "`` \u{1FEF} x ``"),
        ("a\u{1FEF}b", "a\\\u{1FEF}b", "``a\u{1FEF}b``"),
        ("*\u{301} and |\u{301}", "*\u{301} and |\u{301}", "`*\u{301} and \\|\u{301}`"),
        ("\u{600}# x", "\u{600}# x", "`\\u{600}# x`"),
        ("\u{A0}# not a heading", "\u{A0}\\# not a heading", "`\u{A0}# not a heading`"),
        ("\u{3000}- item", "\u{3000}\\- item", "`\u{3000}- item`"),
        ("  12. x", "  12\\. x", "`   12. x `"),
        ("1\u{301}. x", "1\u{301}. x", "`1\u{301}. x`"),
        ("x\n# y\n 3) z", "x<br>\\# y<br> 3\\) z", "`x # y  3) z`"),
        ("a\u{1B}[1;31mred\u{1B}[0m\r\nb\rc", "a␛\\[1;31mred␛\\[0m<br>b<br>c", "`a␛[1;31mred␛[0m␍ b␍c`"),
        ("\u{1B}]8;;http://x\u{1B}\\link", "␛\\]8;;http://x␛\\link", "`␛]8;;http://x␛\\link`"),
        ("tab\tand \u{85}C1", "tab and \\u{85}C1", "`tab and \\u{85}C1`"),
        (
            "\u{7E41}\u{9AD4}\u{4E2D}\u{6587} #tag *\u{5F37}\u{8ABF}* 1. \u{4E00}",
            "\u{7E41}\u{9AD4}\u{4E2D}\u{6587} #tag \\*\u{5F37}\u{8ABF}\\* 1. \u{4E00}",
            "`\u{7E41}\u{9AD4}\u{4E2D}\u{6587} #tag *\u{5F37}\u{8ABF}* 1. \u{4E00}`"
        ),
        (
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} `x` \u{1F1F9}\u{1F1FC}|",
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} \\`x\\` \u{1F1F9}\u{1F1FC}\\|",
            "``\u{1F468}\\u{200D}\u{1F469}\\u{200D}\u{1F467} `x` \u{1F1F9}\u{1F1FC}\\|``"
        ),
    ]

    @Test("escaping follows characters, not bytes, where the two differ", arguments: characterCases)
    func characters(text: String, inline: String, codeSpan: String) {
        #expect(Array(MarkdownEscape.inline(text).unicodeScalars) == Array(inline.unicodeScalars))
        #expect(Array(MarkdownEscape.codeSpan(text).unicodeScalars) == Array(codeSpan.unicodeScalars))
    }
}
