import Foundation
import Postmortem
import RunbookKit
import Testing

@Suite("Writing runbook blocks back to markdown")
struct BlockMarkdownTests {
    private let here = SourceLocation(file: "r.md", line: 1)

    @Test("headings move down by the offset, and never past level 6")
    func headings() {
        #expect(BlockMarkdown.lines([.heading(level: 3, [.text("Alert")])], headingOffset: 1) == ["#### Alert"])
        #expect(BlockMarkdown.lines([.heading(level: 6, [.text("x")])], headingOffset: 2) == ["###### x"])
    }

    @Test("inline markup is kept and text in it is escaped")
    func inlines() {
        let line = BlockMarkdown.inline([
            .text("a*b "), .code("x|y"), .text(" "), .strong([.text("s")]), .text(" "), .emphasis([.text("e")]),
            .text(" "), .link(text: [.text("l")], destination: "http://h/p"), .lineBreak, .text("z"),
        ])
        #expect(line == "a\\*b `x\\|y` **s** *e* [l](<http://h/p>)<br>z")
    }

    @Test("lists keep their markers, task boxes and nested content indented under the item")
    func lists() {
        let list = Block.list(
            ordered: true, start: 3,
            items: [
                ListItem(blocks: [
                    .paragraph([.text("first")]), .code(CodeBlock(language: "bash", code: "ls\n", location: here)),
                ]),
                ListItem(blocks: [.paragraph([.text("done")])], checked: true),
            ])
        #expect(BlockMarkdown.lines([list]) == ["3. first", "   ```bash", "   ls", "   ```", "4. [x] done"])
        let html = GFMHTML.render(BlockMarkdown.lines([list]).joined(separator: "\n") + "\n")
        #expect(html.contains("<ol start=\"3\">"))
        #expect(html.contains("<code class=\"language-bash\">ls\n</code>"))
    }

    @Test("quotes, tables and breaks render as the same structure")
    func quoteTableBreak() {
        let blocks: [Block] = [
            .quote([.paragraph([.text("q1")]), .paragraph([.text("q2")])]),
            .table(header: [[.text("a")], [.text("b")]], rows: [[[.text("1|2")]]]),
            .thematicBreak,
        ]
        let lines = BlockMarkdown.lines(blocks)
        #expect(lines == ["> q1", ">", "> q2", "", "| a | b |", "| --- | --- |", "| 1\\|2 |  |", "", "***"])
        let html = GFMHTML.render(lines.joined(separator: "\n") + "\n")
        #expect(html.contains("<blockquote>\n<p>q1</p>\n<p>q2</p>\n</blockquote>"))
        #expect(html.contains("<td>1|2</td>"))
        #expect(html.contains("<hr />"))
    }

    @Test("runbook HTML is shown as text, and HTML comments are left out")
    func html() {
        #expect(
            BlockMarkdown.lines([.html("<!-- note -->"), .html("<div onclick=x>hi</div>")]) == [
                "\\<div onclick=x>hi\\</div>"
            ])
    }
}
