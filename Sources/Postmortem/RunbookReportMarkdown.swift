import Foundation
import IncidentModel
import Localization
import RunbookKit

/// The runbook report as the review meeting's agenda, in markdown: the runbooks that most need attention first,
/// each with its evidence and a checklist of proposed updates worded as the postmortem words its runbook-update
/// action items; then the runbooks with nothing to discuss, and the drills.
public struct RunbookReportMarkdown: Sendable {
    private let report: RunbookReport
    private let localizer: Localizer
    private let clock: ZoneClock
    private let wording: EventWording

    /// A renderer of `report` in `localizer`'s language with times in `clock`'s zone.
    public init(_ report: RunbookReport, localizer: Localizer, clock: ZoneClock) {
        self.report = report
        self.localizer = localizer
        self.clock = clock
        wording = EventWording(
            text: MarkdownEscape.inline, code: MarkdownEscape.codeSpan, strong: { "**\(MarkdownEscape.inline($0))**" },
            localizer: localizer)
    }

    /// The whole document, one line at a time.
    public func lines() -> [String] {
        let attention = report.runbooks.filter(\.needsAttention)
        let quiet = report.runbooks.filter { !$0.needsAttention }
        var lines = [
            "# " + tr("report.title"), "",
            tr(
                "report.window",
                [
                    "since": clock.dateTime(report.since), "until": clock.dateTime(report.until),
                    "zone": clock.zoneName(at: report.until),
                ]),
            "",
            tr(
                "report.counts",
                [
                    "incidents": localizer.tr("report.counts.incidents", count: report.incidents),
                    "drills": localizer.tr("report.counts.drills", count: report.drills),
                ]),
        ]
        if report.damagedLines > 0 {
            lines += ["", localizer.tr("report.damaged_lines", count: report.damagedLines)]
        }
        lines += ["", "## " + tr("report.agenda.heading"), ""]
        if attention.isEmpty { lines.append("_\(tr("report.agenda.none"))_") }
        for (index, usage) in attention.enumerated() {
            if index > 0 { lines.append("") }
            lines += agendaItem(index + 1, usage)
        }
        lines += ["", "## " + tr("report.quiet.heading"), ""]
        if quiet.isEmpty { lines.append("_\(tr("report.quiet.none"))_") }
        lines += quiet.map { "- " + heading($0) + " — " + useLine($0) }
        return lines + drillLines()
    }

    /// The document as one string, each line ended by a newline.
    public func text() -> String {
        lines().map { $0 + "\n" }.joined()
    }

    private func agendaItem(_ number: Int, _ usage: RunbookReport.RunbookUsage) -> [String] {
        var lines = ["### \(number). " + heading(usage), "", "- " + useLine(usage)]
        if let times = timesLine(usage) { lines.append("- " + times) }
        if let review = reviewLine(usage) { lines.append("- " + review) }
        let evidence = evidenceLines(usage)
        if !evidence.isEmpty { lines += ["", tr("report.evidence"), ""] + evidence.map { "- " + $0 } }
        let updates = proposedUpdates(usage)
        if !updates.isEmpty { lines += ["", tr("report.updates"), ""] + updates.map { "- [ ] " + $0 } }
        return lines
    }

    private func heading(_ usage: RunbookReport.RunbookUsage) -> String {
        let severity = usage.severity.map { " (\($0.rawValue))" } ?? ""
        let missing = usage.inLibrary ? "" : " — " + tr("report.not_in_library")
        return MarkdownEscape.codeSpan(usage.id) + " " + MarkdownEscape.inline(usage.title) + severity + missing
    }

    private func useLine(_ usage: RunbookReport.RunbookUsage) -> String {
        guard usage.incidents + usage.drills > 0 else { return tr("report.unused") }
        let counts =
            localizer.tr("report.counts.incidents", count: usage.incidents) + tr("pm.list_separator")
            + localizer.tr("report.counts.drills", count: usage.drills)
        guard let last = usage.lastUsed else { return counts }
        return tr("report.used", ["counts": counts, "last": clock.dateTime(last)])
    }

    private func timesLine(_ usage: RunbookReport.RunbookUsage) -> String? {
        guard usage.incidents > 0 else { return nil }
        let none = tr("report.median.none")
        return tr(
            "report.medians",
            [
                "mitigate": usage.medianTimeToMitigate.map { localizer.duration(seconds: $0) } ?? none,
                "resolve": usage.medianTimeToResolve.map { localizer.duration(seconds: $0) } ?? none,
            ])
    }

    private func reviewLine(_ usage: RunbookReport.RunbookUsage) -> String? {
        guard let due = usage.reviewDue, let cycle = usage.reviewCycle else { return nil }
        let arguments = ["due": due, "updated": MarkdownEscape.inline(usage.lastUpdated ?? ""), "cycle": cycle]
        return usage.stale ? "**" + tr("report.review.stale", arguments) + "**" : tr("report.review.due", arguments)
    }

    private func evidenceLines(_ usage: RunbookReport.RunbookUsage) -> [String] {
        let separator = tr("pm.semicolon")
        let skips = usage.skippedSteps.map { step in
            localizer.tr(
                "report.evidence.skipped", count: step.count,
                [
                    "step": MarkdownEscape.codeSpan(step.step), "title": MarkdownEscape.inline(step.title),
                    "reasons": step.reasons.map { tr("report.quoted", ["text": MarkdownEscape.inline($0)]) }.joined(
                        separator: separator),
                ])
        }
        let open = usage.openAtResolution.map { item in
            localizer.tr(
                "report.evidence.open_item", count: item.count,
                ["item": String(item.item), "text": MarkdownEscape.inline(item.text)])
        }
        let commands = usage.commandsNotInRunbook.map { command in
            localizer.tr(
                "report.evidence.command", count: command.count,
                [
                    "command": MarkdownEscape.codeSpan(command.command),
                    "incidents": localizer.tr("report.counts.incidents_and_drills", count: command.incidents),
                ])
        }
        let feedback = usage.feedback.map { note in
            let key = note.reviewed ? "report.evidence.feedback_reviewed" : "report.evidence.feedback"
            return tr(
                key,
                [
                    "target": wording.feedbackTarget(runbook: usage.id, step: note.step),
                    "author": MarkdownEscape.inline(note.author), "at": clock.dateTime(note.at),
                    "reference": MarkdownEscape.codeSpan(note.reference), "text": MarkdownEscape.inline(note.text),
                ])
        }
        return skips + open + commands + feedback
    }

    /// The updates the evidence suggests, in the postmortem's words: `pm.action_items.suggestion` over the
    /// adherence report's `pm.suggestion.*`, and `pm.action_items.feedback` for feedback not yet reviewed.
    private func proposedUpdates(_ usage: RunbookReport.RunbookUsage) -> [String] {
        let runbook = usage.id
        let moment = tr("pm.open_items.at_resolution")
        var suggestions = usage.skippedSteps.map { step in
            tr(
                "pm.suggestion.skipped",
                [
                    "runbook": runbook, "step": step.step, "title": step.title,
                    "reason": step.reasons.joined(separator: tr("pm.list_separator")),
                ])
        }
        suggestions += usage.openAtResolution.map { item in
            tr(
                "pm.suggestion.open_item",
                ["runbook": runbook, "item": String(item.item), "text": item.text, "moment": moment])
        }
        suggestions += usage.commandsNotInRunbook.map { command in
            tr("pm.suggestion.unlisted_command", ["runbook": runbook, "command": command.command])
        }
        var updates = suggestions.map { tr("pm.action_items.suggestion", ["text": MarkdownEscape.inline($0)]) }
        updates += usage.feedback.filter { !$0.reviewed }.map { note in
            tr(
                "pm.action_items.feedback",
                [
                    "target": wording.feedbackTarget(runbook: runbook, step: note.step),
                    "text": MarkdownEscape.inline(note.text),
                ])
        }
        if usage.stale, let due = usage.reviewDue {
            updates.append(tr("report.update.review", ["runbook": MarkdownEscape.codeSpan(runbook), "due": due]))
        }
        return updates
    }

    private func drillLines() -> [String] {
        var lines = ["", "## " + tr("report.drills.heading"), "", tr("report.drills.due_intro"), ""]
        if report.drillsDue.isEmpty { lines.append("_\(tr("report.drills.none_due"))_") }
        lines += report.drillsDue.map { due in
            let last =
                due.lastDrill.map { tr("report.drills.last", ["at": clock.dateTime($0)]) }
                ?? tr("report.drills.never")
            return "- [ ] " + MarkdownEscape.codeSpan(due.id) + " (\(due.severity.rawValue)) — " + last
        }
        lines += ["", "### " + tr("report.people.heading"), ""]
        if report.people.isEmpty {
            lines.append("_\(tr("report.people.none"))_")
        } else {
            lines += [
                "| \(tr("report.people.name")) | \(tr("report.people.walked")) | \(tr("report.people.drilled")) |",
                "| --- | --- | --- |",
            ]
            lines += report.people.map { person in
                let walked = person.walked.map(MarkdownEscape.codeSpan).joined(separator: tr("pm.list_separator"))
                let drilled = person.drilledP0.map(MarkdownEscape.codeSpan).joined(separator: tr("pm.list_separator"))
                return "| \(MarkdownEscape.inline(person.name)) | \(walked) | \(drilled) |"
            }
        }
        lines += ["", "### " + tr("report.undrilled.heading"), ""]
        lines +=
            report.undrilledP0.isEmpty
            ? ["_\(tr("report.undrilled.none"))_"] : report.undrilledP0.map { "- " + MarkdownEscape.codeSpan($0) }
        return lines
    }

    private func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
        localizer.tr(key, arguments)
    }
}
