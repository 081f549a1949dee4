import Localization

/// Renders a runbook as plain text for a terminal or a pipe: headings underlined, lists with their markers,
/// steps numbered, code blocks indented. Pure; the caller strips control characters before printing.
public enum RunbookText {
    /// The whole runbook as lines of text; the kind is named in the words of `localizer`, everything else is the
    /// runbook's own.
    public static func render(
        _ runbook: Runbook, entry: CatalogEntry? = nil, localizer: Localizer = Localizer(.english)
    ) -> String {
        var lines: [String] = []
        lines.append(runbook.title)
        lines.append(String(repeating: "=", count: max(3, runbook.title.count)))
        var facts = [
            runbook.id,
            runbook.kind == .procedure ? localizer.tr("cli.list.procedure") : localizer.tr("cli.list.incident"),
        ]
        if let severity = runbook.severity ?? entry?.severity {
            facts.append(severity.rawValue)
        }
        lines.append(facts.joined(separator: " · "))
        for (index, section) in runbook.sections.enumerated() {
            lines.append("")
            lines.append(section.title)
            lines.append(String(repeating: "-", count: max(3, section.title.count)))
            let end = index + 1 < runbook.sections.count ? runbook.sections[index + 1].location.line : Int.max
            if let steps = derivedSteps(of: section, in: runbook, before: end) {
                for step in steps {
                    lines += ["", "▸ Step \(step.number): \(step.title)"]
                    lines += step.body.flatMap { render($0, indent: "") }
                }
                continue
            }
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

    /// The steps derived from a section's shape (`StepDerivation`), which the walkthrough walks and `log step N`
    /// counts: nil when the section writes its steps as headings, is not a section of steps, or is one step
    /// whole. The derived steps hold every block of the section in order, so showing them hides nothing.
    private static func derivedSteps(of section: Section, in runbook: Runbook, before end: Int) -> [Step]? {
        let hasHeadings = section.blocks.contains { block in
            if case .heading(let level, _) = block { return level <= 3 }
            return false
        }
        guard !hasHeadings else { return nil }
        let steps = runbook.steps.filter {
            $0.section == section.kind && $0.location.line >= section.location.line && $0.location.line < end
        }
        guard !steps.isEmpty, steps.count > 1 || steps[0].body != section.blocks else { return nil }
        return steps
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
