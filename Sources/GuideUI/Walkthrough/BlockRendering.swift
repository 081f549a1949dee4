import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// A line of styled text, ready to be put on a frame.
typealias StyledLine = [Run<Style>]

/// Lays markdown blocks out to a width: headings, paragraphs, lists with hanging indents, and code set apart
/// behind a bar, broken only with a continuation marker.
struct BlockRenderer {
    let theme: Theme
    /// The words of the selected block's title line.
    let words: Localizer
    /// The code block `y` and `R` act on, marked with a title line `▶ [2/3] bash` when the step has several or
    /// it may not run, and its place among the step's.
    var selection: (block: CodeBlock, index: Int, count: Int)?

    func render(_ blocks: [Block], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { lines.append([]) }
            lines += render(block, width: width)
        }
        return lines
    }

    private func render(_ block: Block, width: Int) -> [StyledLine] {
        switch block {
        case .heading(_, let inlines):
            return wrapRuns(runs(inlines, theme.heading), width: width)
        case .paragraph(let inlines):
            return wrapRuns(runs(inlines, theme.plain), width: width)
        case .list(let ordered, let start, let items):
            return items.enumerated().flatMap { offset, item in
                var marker = ordered ? "\(start + offset). " : "• "
                if let checked = item.checked { marker += checked ? "[x] " : "[ ] " }
                return indent(
                    render(item.blocks, width: width - displayWidth(of: marker)), first: marker, style: theme.strong)
            }
        case .code(let code):
            // Every character a terminal would act on or not show is drawn escaped (`␛`, `\u{200B}`): the block
            // reads as what the shell would be given, and `y` and `R` refuse such a block.
            let text = sanitizeCommand(code.code)
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let lines = wrapCode(body, width: width - 2).map { [Run($0, theme.code)] }
            // The bar has the code's own style, so that a line of code is written without switching attributes:
            // over a slow link a page of a long script costs its text, not an escape sequence per line. The
            // selected block is told apart by its heavy bar and title line. A lone runnable block needs no mark:
            // `y` and `R` can only mean it.
            guard let selection, selection.block == code,
                selection.count > 1 || !CommandTemplate.isRunnable(code)
            else {
                return indent(lines, first: "│ ", rest: "│ ", style: theme.code)
            }
            return [selectionTitle(selection.index, of: selection.count, code)]
                + indent(lines, first: "┃ ", rest: "┃ ", style: theme.code)
        case .quote(let blocks):
            return indent(render(blocks, width: width - 2), first: "> ", rest: "> ", style: theme.dim)
        case .table(let header, let rows):
            let headerLine = cells(header, theme.strong)
            return wrapRuns(headerLine, width: width) + rows.flatMap { wrapRuns(cells($0, theme.plain), width: width) }
        case .thematicBreak:
            return [[Run(String(repeating: "─", count: min(width, 24)), theme.dim)]]
        case .html(let html):
            return wrapRuns([Run(sanitize(html), theme.dim)], width: width)
        }
    }

    private func cells(_ cells: [[Inline]], _ style: Style) -> [Run<Style>] {
        cells.enumerated().flatMap { index, cell in
            (index > 0 ? [Run(" │ ", theme.dim)] : []) + runs(cell, style)
        }
    }

    /// Prefixes the first line with `first` and the others with `rest` (spaces as wide as `first` by default).
    private func indent(_ lines: [StyledLine], first: String, rest: String? = nil, style: Style) -> [StyledLine] {
        let hanging = rest ?? String(repeating: " ", count: displayWidth(of: first))
        guard !lines.isEmpty else { return [[Run(first, style)]] }
        return lines.enumerated().map { index, line in [Run(index == 0 ? first : hanging, style)] + line }
    }

    /// Inline markdown as styled runs; every piece of text is sanitized.
    func runs(_ inlines: [Inline], _ style: Style) -> [Run<Style>] {
        inlines.flatMap { inline -> [Run<Style>] in
            switch inline {
            case .text(let text):
                return [Run(sanitize(text), style)]
            case .code(let code):
                var codeStyle = theme.code
                codeStyle.bold = style.bold
                return [Run(sanitize(code), codeStyle)]
            case .strong(let inner):
                var strong = style
                strong.bold = true
                return runs(inner, strong)
            case .emphasis(let inner):
                var emphasis = style
                emphasis.underline = true
                return runs(inner, emphasis)
            case .link(let text, _):
                var link = style
                link.underline = true
                return runs(text, link)
            case .lineBreak:
                return [Run("\n", style)]
            }
        }
    }
}

extension Frame {
    /// Puts a styled line at a column and row, cut at `limit` columns.
    mutating func put(_ line: StyledLine, column: Int, row: Int, limit: Int, base: Style? = nil) {
        var x = column
        for run in line {
            var style = run.attribute
            if let base, base.reverse { style.reverse = true }
            x += put(run.text, column: x, row: row, style: style, limit: column + limit - x)
        }
    }
}
