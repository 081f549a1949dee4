import FoundationEssentials
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
        var lines: [String] = []
        write { lines.append($0) }
        return lines
    }

    /// The document as one string, each line ended by a newline.
    public func text() -> String {
        var text = ""
        write { text += $0 + "\n" }
        return text
    }

    /// Hands `line` the document one line at a time (without its newline), in order, so that a report with
    /// thousands of pieces of evidence is written out as it is worded, never held whole.
    public func write(_ line: (String) throws -> Void) rethrows {
        let counts = tr(
            "report.counts",
            [
                "incidents": localizer.tr("report.counts.incidents", count: report.incidents),
                "drills": localizer.tr("report.counts.drills", count: report.drills),
            ])
        try line("# " + tr("report.title"))
        try line("")
        try line(
            tr(
                "report.window",
                [
                    "since": clock.dateTime(report.since), "until": clock.dateTime(report.until),
                    "zone": clock.zoneName(at: report.until),
                ]))
        try line("")
        try line(counts)
        if report.damagedLines > 0 {
            try line("")
            try line(localizer.tr("report.damaged_lines", count: report.damagedLines))
        }
        for text in ["", "## " + tr("report.agenda.heading"), ""] { try line(text) }
        var number = 0
        for usage in report.runbooks where usage.needsAttention {
            if number > 0 { try line("") }
            number += 1
            try agendaItem(number, usage, line)
        }
        if number == 0 { try line("_\(tr("report.agenda.none"))_") }
        for text in ["", "## " + tr("report.quiet.heading"), ""] { try line(text) }
        var quiet = false
        for usage in report.runbooks where !usage.needsAttention {
            quiet = true
            try line("- " + heading(usage) + " — " + useLine(usage))
        }
        if !quiet { try line("_\(tr("report.quiet.none"))_") }
        for text in drillLines() { try line(text) }
    }

    private func agendaItem(_ number: Int, _ usage: RunbookReport.RunbookUsage, _ line: (String) throws -> Void)
        rethrows
    {
        try line("### \(number). " + heading(usage))
        try line("")
        try line("- " + useLine(usage))
        if let times = timesLine(usage) { try line("- " + times) }
        if let review = reviewLine(usage) { try line("- " + review) }
        var evidence = false
        try forEachEvidence(usage) { text in
            if !evidence { for heading in ["", tr("report.evidence"), ""] { try line(heading) } }
            evidence = true
            try line("- " + text)
        }
        var updates = false
        try forEachProposedUpdate(usage) { text in
            if !updates { for heading in ["", tr("report.updates"), ""] { try line(heading) } }
            updates = true
            try line("- [ ] " + text)
        }
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

    /// Hands `evidence` each piece of evidence for updating the runbook: skipped steps, items open at resolution,
    /// commands not in it, feedback.
    private func forEachEvidence(_ usage: RunbookReport.RunbookUsage, _ evidence: (String) throws -> Void) rethrows {
        let separator = tr("pm.semicolon")
        for step in usage.skippedSteps {
            try evidence(
                localizer.tr(
                    "report.evidence.skipped", count: step.count,
                    [
                        "step": MarkdownEscape.codeSpan(step.step), "title": MarkdownEscape.inline(step.title),
                        "reasons": step.reasons.map { tr("report.quoted", ["text": MarkdownEscape.inline($0)]) }
                            .joined(separator: separator),
                    ]))
        }
        for item in usage.openAtResolution {
            try evidence(
                localizer.tr(
                    "report.evidence.open_item", count: item.count,
                    ["item": String(item.item), "text": MarkdownEscape.inline(item.text)]))
        }
        for command in usage.commandsNotInRunbook {
            try evidence(
                localizer.tr(
                    "report.evidence.command", count: command.count,
                    [
                        "command": MarkdownEscape.codeSpan(command.command),
                        "incidents": localizer.tr("report.counts.incidents_and_drills", count: command.incidents),
                    ]))
        }
        for note in usage.feedback {
            let key = note.reviewed ? "report.evidence.feedback_reviewed" : "report.evidence.feedback"
            try evidence(
                tr(
                    key,
                    [
                        "target": wording.feedbackTarget(runbook: usage.id, step: note.step),
                        "author": MarkdownEscape.inline(note.author), "at": clock.dateTime(note.at),
                        "reference": MarkdownEscape.codeSpan(note.reference), "text": MarkdownEscape.inline(note.text),
                    ]))
        }
    }

    /// Hands `update` each update the evidence suggests, in the postmortem's words: `pm.action_items.suggestion`
    /// over the adherence report's `pm.suggestion.*`, and `pm.action_items.feedback` for feedback not yet reviewed.
    private func forEachProposedUpdate(_ usage: RunbookReport.RunbookUsage, _ update: (String) throws -> Void)
        rethrows
    {
        let runbook = usage.id
        let moment = tr("pm.open_items.at_resolution")
        let suggest = { (text: String) in tr("pm.action_items.suggestion", ["text": MarkdownEscape.inline(text)]) }
        for step in usage.skippedSteps {
            try update(
                suggest(
                    tr(
                        "pm.suggestion.skipped",
                        [
                            "runbook": runbook, "step": step.step, "title": step.title,
                            "reason": step.reasons.joined(separator: tr("pm.list_separator")),
                        ])))
        }
        for item in usage.openAtResolution {
            try update(
                suggest(
                    tr(
                        "pm.suggestion.open_item",
                        ["runbook": runbook, "item": String(item.item), "text": item.text, "moment": moment])))
        }
        for command in usage.commandsNotInRunbook {
            try update(
                suggest(tr("pm.suggestion.unlisted_command", ["runbook": runbook, "command": command.command])))
        }
        for note in usage.feedback where !note.reviewed {
            try update(
                tr(
                    "pm.action_items.feedback",
                    [
                        "target": wording.feedbackTarget(runbook: runbook, step: note.step),
                        "text": MarkdownEscape.inline(note.text),
                    ]))
        }
        if usage.stale, let due = usage.reviewDue {
            try update(tr("report.update.review", ["runbook": MarkdownEscape.codeSpan(runbook), "due": due]))
        }
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
