import Foundation
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    func facts() -> [String] {
        let milestones = state.milestones
        let start = milestones.impactStarted
        var rows: [(String, String)] = [
            ("Incident", MarkdownEscape.codeSpan(incidentID)),
            ("Kind", state.drill ? "**Drill**" : "Real incident"),
            ("Severity", severityFact()),
            ("Status", statusFact()),
            (
                "Runbooks used",
                state.runbooksUsed.isEmpty ? "none" : state.runbooksUsed.map(runbookName).joined(separator: ", ")
            ),
            ("Roles", rolesFact()),
            ("Impact started", milestones.impactStarted.map(PostmortemTime.iso) ?? "not recorded"),
            (
                "Detected",
                moment(
                    milestones.detected, after: start, "after impact started",
                    note: milestones.detectedRecorded == nil ? " (when the incident was opened)" : "")
            ),
            ("Acknowledged", moment(milestones.acknowledged, after: milestones.detected, "after detection")),
            (
                "Mitigated",
                moment(
                    milestones.mitigated, after: milestones.start,
                    "after \(start == nil ? "detection" : "impact started")")
            ),
            (
                "Resolved",
                moment(
                    milestones.resolved, after: milestones.start,
                    "after \(start == nil ? "detection" : "impact started")")
            ),
        ]
        if let closed = state.closed { rows.append(("Closed", stamped(closed))) }
        return ["## Facts", "", "| Fact | Value |", "| --- | --- |"] + rows.map { "| \($0.0) | \($0.1) |" }
    }

    private func severityFact() -> String {
        guard let current = state.severity else { return "not set" }
        guard state.severityHistory.count > 1 else { return "**\(current.rawValue)**" }
        let changes = state.severityHistory.map { "\($0.value.rawValue) at \(stamped($0.stamp))" }
        return "**\(current.rawValue)** (" + changes.joined(separator: " → ") + ")"
    }

    private func statusFact() -> String {
        let changes = state.statusHistory.map { "\($0.value.rawValue) at \(PostmortemTime.iso($0.stamp.at))" }
        let closed = state.isClosed ? ", closed" : ""
        guard !changes.isEmpty else { return state.status.rawValue }
        return "**\(state.status.rawValue)**\(closed) (" + changes.joined(separator: " → ") + ")"
    }

    private func rolesFact() -> String {
        let roles = Role.allCases.compactMap { role in
            state.roles[role].map { "\(role.rawValue): \(MarkdownEscape.inline($0))" }
        }
        return roles.isEmpty ? "none assigned" : roles.joined(separator: "; ")
    }

    private func moment(_ date: Date?, after start: Date?, _ what: String, note: String = "") -> String {
        guard let date else { return "not yet" }
        let span = start.map { " — \(DurationFormat.string(date.timeIntervalSince($0))) \(what)" } ?? ""
        return PostmortemTime.iso(date) + note + span
    }

    /// The incident's severity first, then the time spent at each, then what the runbooks say about impact with
    /// their default severity labelled as the runbook's, and the pinned notes.
    func impact() -> [String] {
        var lines = ["## Impact", "", impactSeverity()]
        let periods = state.severityPeriods(until: severityEnd.date)
        if !periods.isEmpty {
            lines += ["", "| Severity | From | Until | Time |", "| --- | --- | --- | --- |"]
            lines += periods.indices.map { index in
                let period = periods[index]
                let until = index == periods.count - 1 ? severityEnd.label : PostmortemTime.iso(period.end)
                return
                    "| \(period.severity.rawValue) | \(stamped(period.stamp)) | \(until) | \(DurationFormat.string(period.seconds)) |"
            }
        }
        lines += ["", todo("who was affected, how many, for how long, and what it cost."), ""]
        let fromRunbook = runbookSection(.impact)
        if !fromRunbook.isEmpty {
            let defaults = usedRunbooks.filter { $0.section(.impact) != nil }.map { runbook in
                runbook.severity.map { "\(runbookName(runbook.id)) defaults to \($0.rawValue)" }
                    ?? "\(runbookName(runbook.id)) names no default severity"
            }
            lines +=
                [
                    "What the runbook says about impact; a severity there is the runbook's default, not this incident's (\(defaults.joined(separator: "; "))):",
                    "",
                ] + fromRunbook + [""]
        }
        let pinned = state.notes.filter(state.isPinned)
        lines.append("Pinned notes:")
        lines.append("")
        lines +=
            pinned.isEmpty
            ? ["_No pinned notes._"]
            : pinned.map { "- ⭐ \(MarkdownEscape.inline($0.text)) — \(stamped($0.stamp))" }
        return lines
    }

    /// `Severity: **P1**, raised from P2, …`: the incident's severity, before anything else about impact.
    private func impactSeverity() -> String {
        guard let current = state.severity else { return "Severity: not set." }
        let first = state.severityHistory.first?.value
        guard let first, first != current else { return "Severity: **\(current.rawValue)**." }
        let moved = current < first ? "raised" : "lowered"
        return "Severity: **\(current.rawValue)**, \(moved) from \(first.rawValue), the severity it was opened at."
    }

    /// Where the last severity's time ends: the resolution, else the closing, else the draft's own time.
    private var severityEnd: (date: Date, label: String) {
        if let resolved = state.milestones.resolved { return (resolved, "resolved \(PostmortemTime.iso(resolved))") }
        if let closed = state.closed { return (closed.at, "closed \(PostmortemTime.iso(closed.at))") }
        return (generatedAt, "still open at \(PostmortemTime.iso(generatedAt))")
    }

    func detection() -> [String] {
        var lines = ["## Detection", ""]
        let milestones = state.milestones
        if let detected = milestones.detected {
            let how =
                milestones.detectedRecorded == nil
                ? "when the incident was opened (no earlier detection time was recorded)"
                : "as recorded in the timeline"
            let after = metrics.timeToDetect.map { ", \(DurationFormat.string($0)) after impact started" } ?? ""
            lines.append("Detected at \(PostmortemTime.iso(detected)), \(how)\(after).")
        } else {
            lines.append("Detection time not recorded.")
        }
        lines += [
            "", todo("how was it detected (which alert, dashboard or customer report) and could it have been sooner?"),
        ]
        let alert = runbookSection(.detection)
        if !alert.isEmpty { lines += ["", "The runbook's alert and signals:", ""] + alert }
        return lines
    }

    /// The timeline section's heading and table header.
    func timelineHeading() -> [String] {
        ["## Timeline", "", "| Time (UTC) | Elapsed | Actor | Event |", "| --- | --- | --- | --- |"]
    }

    /// The positions of the events the timeline shows, in order of when things happened (then journal order).
    /// System events (exports, copies, pin changes) are left out, as the review leaves them out by default:
    /// they are bookkeeping, not incident work. Positions are sorted rather than the events themselves, which
    /// would copy every event of the journal.
    func timelineOrder() -> [Int] {
        events.indices
            .filter { !events[$0].kind.isBookkeeping }
            .sorted { (events[$0].occurredAt, events[$0].seq) < (events[$1].occurredAt, events[$1].seq) }
    }

    /// Passes `row` the timeline's rows for the events at positions `shown`, pinned events marked ⭐. A command of
    /// several lines cannot sit in a table cell without losing its lines, so its row points to the evidence below.
    func timelineRows(_ shown: [Int], _ row: (String) -> Void) {
        let start = state.milestones.start
        var evidence = 0
        for index in shown {
            let event = events[index]
            let mark = state.pinnedSeqs.contains(event.seq) ? EventDescription.wording.pinnedMark : ""
            let description: String
            if case .commandRan(let run) = event.kind, CommandMarkdown.isMultiline(run.command) {
                evidence += 1
                description =
                    "Ran the command of \(CommandMarkdown.lineCount(run.command)) lines shown as evidence \(evidence) below → \(EventDescription.wording.outcome(run))"
            } else {
                description = EventDescription.markdown(event)
            }
            row(
                "| \(PostmortemTime.iso(event.occurredAt)) | \(PostmortemTime.elapsed(event.occurredAt, since: start)) | \(MarkdownEscape.inline(event.actor)) | \(mark)\(description) |"
            )
        }
    }

    /// The commands of several lines that the timeline's rows at positions `shown` point to, numbered as the rows
    /// number them, each as a fenced block; empty when every command fits on one line.
    func timelineEvidence(_ shown: [Int]) -> [String] {
        var lines: [String] = []
        var number = 0
        for index in shown {
            guard case .commandRan(let run) = events[index].kind, CommandMarkdown.isMultiline(run.command) else {
                continue
            }
            number += 1
            lines += [
                "", "Evidence \(number): the command run \(stamped(Stamp(events[index])))\(stepSource(run.step)):", "",
            ]
            lines += CommandMarkdown.block(run.command)
        }
        guard !lines.isEmpty else { return [] }
        return ["### Evidence"] + lines
    }

    /// ` from step `diagnosis-1` of `high-cpu-usage``, or nothing for a command run outside a step.
    func stepSource(_ step: StepRef?) -> String {
        guard let step else { return "" }
        return " from step \(MarkdownEscape.codeSpan(step.step)) of \(MarkdownEscape.codeSpan(step.runbook))"
    }
}

extension EventKind {
    /// Whether the event is bookkeeping rather than incident work (an export written, a command copied, a pin
    /// changed), which the draft's timeline leaves out as the review does by default.
    var isBookkeeping: Bool {
        switch self {
        case .exportWritten, .commandCopied, .pinChanged: true
        default: false
        }
    }
}
