import FoundationEssentials
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    /// TTD, TTA, TTM and TTR: the terms stay as responders say them, explained in the draft's language.
    func keyMetrics() -> [String] {
        let rows: [(String, TimeInterval?, String)] = [
            (tr("pm.metrics.ttd"), metrics.timeToDetect, tr("pm.metrics.ttd_measured")),
            (tr("pm.metrics.tta"), metrics.timeToAcknowledge, tr("pm.metrics.tta_measured")),
            (tr("pm.metrics.ttm"), metrics.timeToMitigate, tr("pm.metrics.ttm_measured")),
            (tr("pm.metrics.ttr"), metrics.timeToResolve, tr("pm.metrics.ttr_measured")),
        ]
        let columns = [tr("pm.metrics.metric"), tr("pm.metrics.value"), tr("pm.metrics.measured")]
        return [
            "## " + tr("pm.metrics.heading"), "", "| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- |",
        ] + rows.map { "| \($0.0) | \(words.span($0.1)) | \($0.2) |" }
    }

    func adherenceSection() -> [String] {
        var lines = ["## " + tr("pm.adherence.heading"), ""]
        lines.append(adherence.isClean ? tr("pm.adherence.clean") : tr("pm.adherence.deviations"))
        lines += ["", "### " + tr("pm.adherence.skipped"), ""]
        lines += list(adherence.skipped) {
            tr(
                "pm.adherence.skipped_step",
                [
                    "runbook": MarkdownEscape.codeSpan($0.runbook), "step": MarkdownEscape.codeSpan($0.step),
                    "title": MarkdownEscape.inline($0.title), "reason": MarkdownEscape.inline($0.reason),
                    "stamp": stamped($0.stamp),
                ])
        }
        lines += ["", "### " + tr("pm.adherence.out_of_order"), ""]
        lines += list(adherence.outOfOrder) { step in
            tr(
                "pm.adherence.out_of_order_step",
                [
                    "runbook": MarkdownEscape.codeSpan(step.runbook), "step": MarkdownEscape.codeSpan(step.step),
                    "title": MarkdownEscape.inline(step.title),
                    "overtaken": step.overtook.map(MarkdownEscape.codeSpan).joined(separator: ", "),
                    "stamp": stamped(step.stamp),
                ])
        }
        lines += ["", "### " + tr("pm.adherence.unlisted"), ""]
        lines +=
            adherence.unlistedCommands.isEmpty
            ? [none]
            : adherence.unlistedCommands.flatMap {
                CommandMarkdown.listItem($0.command, details: stamped($0.stamp), below: tr("pm.actions.command_below"))
            }
        lines += [
            "",
            "### "
                + (adherence.openItemsAtResolution
                    ? tr("pm.adherence.open_at_resolution") : tr("pm.adherence.open_now")),
            "",
        ]
        lines += list(adherence.openItems) {
            "\(MarkdownEscape.codeSpan($0.runbook)) \($0.item). \(MarkdownEscape.inline($0.text))"
        }
        lines += ["", "### " + tr("pm.adherence.section_times"), ""]
        if adherence.sectionTimes.isEmpty {
            lines.append("_\(tr("pm.adherence.no_step_events"))_")
        } else {
            let columns = [tr("pm.adherence.runbook"), tr("pm.adherence.section"), tr("pm.adherence.time")]
            lines += ["| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- |"]
            lines += adherence.sectionTimes.map {
                "| \(MarkdownEscape.codeSpan($0.runbook)) | \(MarkdownEscape.inline($0.title)) | \(words.span($0.seconds)) |"
            }
            lines += ["", tr("pm.adherence.charging")]
        }
        return lines
    }

    private func list<Item>(_ items: [Item], _ line: (Item) -> String) -> [String] {
        items.isEmpty ? [none] : items.map { "- " + line($0) }
    }
}
