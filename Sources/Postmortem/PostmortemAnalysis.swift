import Foundation
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    func keyMetrics() -> [String] {
        let rows: [(String, TimeInterval?, String)] = [
            ("TTD (time to detect)", metrics.timeToDetect, "impact started → detected"),
            ("TTA (time to acknowledge)", metrics.timeToAcknowledge, "detected → incident opened"),
            ("TTM (time to mitigate)", metrics.timeToMitigate, "impact started (else detected) → mitigated"),
            ("TTR (time to resolve)", metrics.timeToResolve, "impact started (else detected) → resolved"),
        ]
        return ["## Key metrics", "", "| Metric | Value | Measured |", "| --- | --- | --- |"]
            + rows.map { "| \($0.0) | \(DurationFormat.string($0.1, placeholder: "unknown")) | \($0.2) |" }
    }

    func adherenceSection() -> [String] {
        var lines = ["## Adherence to the runbook", ""]
        lines.append(
            adherence.isClean
                ? "The runbooks were followed without deviation."
                : "Deviations from the runbooks; each one is also an action item above.")
        lines += ["", "### Skipped steps", ""]
        lines += list(adherence.skipped) {
            "\(MarkdownEscape.codeSpan($0.runbook)) \(MarkdownEscape.codeSpan($0.step)) “\(MarkdownEscape.inline($0.title))” — reason: \(MarkdownEscape.inline($0.reason)) — \(stamped($0.stamp))"
        }
        lines += ["", "### Steps done out of order", ""]
        lines += list(adherence.outOfOrder) { step in
            let overtaken = step.overtook.map(MarkdownEscape.codeSpan).joined(separator: ", ")
            return
                "\(MarkdownEscape.codeSpan(step.runbook)) \(MarkdownEscape.codeSpan(step.step)) “\(MarkdownEscape.inline(step.title))” was done before \(overtaken) — \(stamped(step.stamp))"
        }
        lines += ["", "### Commands not in the runbook", ""]
        lines +=
            adherence.unlistedCommands.isEmpty
            ? ["_None._"]
            : adherence.unlistedCommands.flatMap { CommandMarkdown.listItem($0.command, details: stamped($0.stamp)) }
        lines += [
            "", "### Verification items still open \(adherence.openItemsAtResolution ? "at resolution" : "now")", "",
        ]
        lines += list(adherence.openItems) {
            "\(MarkdownEscape.codeSpan($0.runbook)) \($0.item). \(MarkdownEscape.inline($0.text))"
        }
        lines += ["", "### Time per section", ""]
        if adherence.sectionTimes.isEmpty {
            lines.append("_No step events to measure._")
        } else {
            lines += ["| Runbook | Section | Time |", "| --- | --- | --- |"]
            lines += adherence.sectionTimes.map {
                "| \(MarkdownEscape.codeSpan($0.runbook)) | \(MarkdownEscape.inline($0.title)) | \(DurationFormat.string($0.seconds)) |"
            }
            lines += [
                "",
                "Each step done or skipped is charged the time since the previous step in its runbook (or since the runbook was opened or switched to).",
            ]
        }
        return lines
    }

    private func list<Item>(_ items: [Item], _ line: (Item) -> String) -> [String] {
        items.isEmpty ? ["_None._"] : items.map { "- " + line($0) }
    }
}
