import FoundationEssentials
import RunbookKit
import TerminalText

/// Writes runbook blocks back to GitHub markdown, for the postmortem's Impact, Detection and action items.
///
/// Text is escaped on the way out, so the result is well-formed whatever the runbook contained; raw HTML from
/// the runbook is shown as text, and HTML comments are left out.
public enum BlockMarkdown {
    /// The lines of `blocks`, blank lines between blocks, headings moved down by `headingOffset` levels (at most
    /// level 6).
    public static func lines(_ blocks: [Block], headingOffset: Int = 0) -> [String] {
        var out: [String] = []
        for block in blocks {
            let rendered = lines(block, headingOffset: headingOffset)
            guard !rendered.isEmpty else { continue }
            if !out.isEmpty { out.append("") }
            out += rendered
        }
        return out
    }

    /// `inlines` as one line of markdown.
    public static func inline(_ inlines: [Inline]) -> String {
        inlines.map(inline).joined()
    }

    private static func inline(_ element: Inline) -> String {
        switch element {
        case .text(let text): MarkdownEscape.inline(text)
        case .code(let code): MarkdownEscape.codeSpan(code)
        case .strong(let inner): "**" + inline(inner) + "**"
        case .emphasis(let inner): "*" + inline(inner) + "*"
        case .link(let text, let destination): "[" + inline(text) + "](" + MarkdownEscape.destination(destination) + ")"
        case .lineBreak: "<br>"
        }
    }

    private static func lines(_ block: Block, headingOffset: Int) -> [String] {
        switch block {
        case .heading(let level, let text):
            return [String(repeating: "#", count: min(6, max(1, level + headingOffset))) + " " + inline(text)]
        case .paragraph(let text):
            return [inline(text)]
        case .list(let ordered, let start, let items):
            return items.enumerated().flatMap { index, item in
                listItem(item, marker: ordered ? "\(start + index)." : "-", headingOffset: headingOffset)
            }
        case .code(let code):
            return MarkdownEscape.codeBlock(code.code, language: code.language)
        case .quote(let inner):
            return lines(inner, headingOffset: headingOffset).map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let header, let rows):
            return table(header: header, rows: rows)
        case .thematicBreak:
            return ["***"]
        case .html(let html):
            let trimmed = html.trimmingScalars(in: .whitespacesAndNewlines)
            return trimmed.hasPrefix("<!--") || trimmed.isEmpty ? [] : [MarkdownEscape.inline(trimmed)]
        }
    }

    private static func listItem(_ item: ListItem, marker: String, headingOffset: Int) -> [String] {
        let box = item.checked.map { $0 ? "[x] " : "[ ] " } ?? ""
        let body = item.blocks.flatMap { lines($0, headingOffset: headingOffset) }
        let indent = String(repeating: " ", count: marker.count + 1)
        guard let first = body.first else { return [marker + " " + box] }
        return [marker + " " + box + first] + body.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
    }

    private static func table(header: [[Inline]], rows: [[[Inline]]]) -> [String] {
        let columns = max(1, header.count)
        func row(_ cells: [[Inline]]) -> String {
            let padded = (0..<columns).map { $0 < cells.count ? inline(cells[$0]) : "" }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        return [row(header), "|" + String(repeating: " --- |", count: columns)] + rows.map(row)
    }
}
