/// Renders a runbook as plain text for a terminal or a pipe: headings underlined, lists with their markers,
/// steps numbered, code blocks indented. Pure; the caller strips control characters before printing.
public enum RunbookText {
    /// The whole runbook as lines of text.
    public static func render(_ runbook: Runbook, entry: CatalogEntry? = nil) -> String {
        var lines: [String] = []
        lines.append(runbook.title)
        lines.append(String(repeating: "=", count: max(3, runbook.title.count)))
        var facts = [runbook.id, runbook.kind.rawValue]
        if let severity = runbook.severity ?? entry?.severity {
            facts.append(severity.rawValue)
        }
        lines.append(facts.joined(separator: " · "))
        for section in runbook.sections {
            lines.append("")
            lines.append(section.title)
            lines.append(String(repeating: "-", count: max(3, section.title.count)))
            for block in section.blocks {
                lines += render(block, indent: "")
            }
        }
        var collapsed: [String] = []
        for line in lines where !(line.isEmpty && collapsed.last?.isEmpty == true) {
            collapsed.append(line)
        }
        return collapsed.joined(separator: "\n") + "\n"
    }

    /// One block as lines, each prefixed with `indent`.
    public static func render(_ block: Block, indent: String) -> [String] {
        switch block {
        case .heading(let level, let inlines):
            let text = inlines.plainText
            return ["", indent + (level >= 3 ? "▸ " : "") + text]
        case .paragraph(let inlines):
            return inlines.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
        case .list(let ordered, let start, let items):
            var lines: [String] = []
            for (index, item) in items.enumerated() {
                var marker = ordered ? "\(start + index). " : "- "
                if let checked = item.checked {
                    marker += checked ? "[x] " : "[ ] "
                }
                let continuation = indent + String(repeating: " ", count: marker.count)
                var first = true
                for child in item.blocks {
                    for line in render(child, indent: "") {
                        if first {
                            lines.append(indent + marker + line)
                            first = false
                        } else {
                            lines.append(line.isEmpty ? "" : continuation + line)
                        }
                    }
                }
                if first {
                    lines.append(indent + marker)
                }
            }
            return lines
        case .code(let code):
            let body = code.code.hasSuffix("\n") ? String(code.code.dropLast()) : code.code
            return [""] + body.split(separator: "\n", omittingEmptySubsequences: false).map { indent + "    " + $0 } + [
                ""
            ]
        case .quote(let blocks):
            return blocks.flatMap { render($0, indent: indent + "│ ") }
        case .table(let header, let rows):
            return ([header] + rows).map { indent + $0.map(\.plainText).joined(separator: " | ") }
        case .thematicBreak:
            return [indent + "----"]
        case .html(let html):
            return html.split(separator: "\n").map { indent + $0 }
        }
    }
}
