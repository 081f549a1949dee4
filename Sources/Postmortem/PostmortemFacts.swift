import FoundationEssentials
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    func facts() -> [String] {
        let milestones = state.milestones
        let start = milestones.impactStarted
        let sinceStart = start == nil ? tr("pm.facts.after_detection") : tr("pm.facts.after_impact")
        let runbooksUsed =
            state.runbooksUsed.isEmpty
            ? tr("pm.facts.none") : state.runbooksUsed.map(runbookName).joined(separator: tr("pm.list_separator"))
        var rows: [(String, String)] = [
            (tr("pm.facts.incident"), MarkdownEscape.codeSpan(incidentID)),
            (tr("pm.facts.kind"), state.drill ? "**\(tr("pm.facts.drill"))**" : tr("pm.facts.real")),
            (tr("pm.facts.severity"), severityFact()),
            (tr("pm.facts.status"), statusFact()),
            (tr("pm.facts.runbooks_used"), runbooksUsed),
            (tr("pm.facts.roles"), rolesFact()),
            (tr("pm.milestone.impact_started"), milestones.impactStarted.map(words.time) ?? tr("pm.not_recorded")),
            (
                tr("pm.milestone.detected"),
                moment(
                    milestones.detected, after: start, tr("pm.facts.after_impact"),
                    note: milestones.detectedRecorded == nil ? tr("pm.facts.detected_at_opening") : "")
            ),
            (
                tr("pm.milestone.acknowledged"),
                moment(milestones.acknowledged, after: milestones.detected, tr("pm.facts.after_detection"))
            ),
            (tr("pm.milestone.mitigated"), moment(milestones.mitigated, after: milestones.start, sinceStart)),
            (tr("pm.milestone.resolved"), moment(milestones.resolved, after: milestones.start, sinceStart)),
        ]
        if let closed = state.closed { rows.append((tr("pm.facts.closed"), stamped(closed))) }
        return [
            "## " + tr("pm.facts.heading"), "", "| \(tr("pm.facts.fact")) | \(tr("pm.facts.value")) |", "| --- | --- |",
        ] + rows.map { "| \($0.0) | \($0.1) |" }
    }

    private func severityFact() -> String {
        guard let current = state.severity else { return tr("pm.not_set") }
        guard state.severityHistory.count > 1 else { return "**\(current.rawValue)**" }
        let changes = state.severityHistory.map {
            tr("pm.facts.change", ["value": $0.value.rawValue, "stamp": stamped($0.stamp)])
        }
        return tr(
            "pm.facts.history", ["current": "**\(current.rawValue)**", "changes": changes.joined(separator: " → ")])
    }

    private func statusFact() -> String {
        let changes = state.statusHistory.map {
            tr("pm.facts.change", ["value": wording.statusName($0.value), "stamp": words.time($0.stamp.at)])
        }
        let status = wording.statusName(state.status)
        guard !changes.isEmpty else { return status }
        let current =
            state.isClosed ? tr("pm.facts.status_closed", ["status": "**\(status)**"]) : "**\(status)**"
        return tr("pm.facts.history", ["current": current, "changes": changes.joined(separator: " → ")])
    }

    private func rolesFact() -> String {
        let roles = Role.allCases.compactMap { role in
            state.roles[role].map {
                tr("pm.facts.role", ["role": wording.roleName(role), "person": MarkdownEscape.inline($0)])
            }
        }
        return roles.isEmpty ? tr("pm.facts.no_roles") : roles.joined(separator: tr("pm.semicolon"))
    }

    /// `2026-11-27T08:15:00+08:00 — 10m 00s after impact started`, or `not yet`.
    private func moment(_ date: Date?, after start: Date?, _ what: String, note: String = "") -> String {
        guard let date else { return tr("pm.not_yet") }
        let span = start.map {
            tr("pm.facts.span", ["span": words.span(date.timeIntervalSince($0)), "what": what])
        }
        return words.time(date) + note + (span ?? "")
    }

    /// The incident's severity first, then the time spent at each, then what the runbooks say about impact with
    /// their default severity labelled as the runbook's, and the pinned notes.
    func impact() -> [String] {
        var lines = ["## " + tr("pm.impact.heading"), "", impactSeverity()]
        let periods = state.severityPeriods(until: severityEnd.date)
        if !periods.isEmpty {
            let columns = [
                tr("pm.impact.severity"), tr("pm.impact.from"), tr("pm.impact.until"), tr("pm.impact.time"),
            ]
            lines += ["", "| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- | --- |"]
            lines += periods.indices.map { index in
                let period = periods[index]
                let until = index == periods.count - 1 ? severityEnd.label : words.time(period.end)
                return
                    "| \(period.severity.rawValue) | \(stamped(period.stamp)) | \(until) | \(words.span(period.seconds)) |"
            }
        }
        lines += ["", todo(tr("pm.todo.impact")), ""]
        let fromRunbook = runbookSection(.impact)
        if !fromRunbook.isEmpty {
            let defaults = usedRunbooks.filter { $0.section(.impact) != nil }.map { runbook in
                runbook.severity.map {
                    tr("pm.impact.runbook_default", ["runbook": runbookName(runbook.id), "severity": $0.rawValue])
                } ?? tr("pm.impact.runbook_no_default", ["runbook": runbookName(runbook.id)])
            }
            lines +=
                [tr("pm.impact.from_runbook", ["defaults": defaults.joined(separator: tr("pm.semicolon"))]), ""]
                + fromRunbook + [""]
        }
        let pinned = state.notes.filter(state.isPinned)
        lines.append(tr("pm.impact.pinned_notes"))
        lines.append("")
        lines +=
            pinned.isEmpty
            ? ["_\(tr("pm.impact.no_pinned_notes"))_"]
            : pinned.map { "- ⭐ \(MarkdownEscape.inline($0.text)) — \(stamped($0.stamp))" }
        return lines
    }

    /// `Severity: **P1**, raised from P2, …`: the incident's severity, before anything else about impact.
    private func impactSeverity() -> String {
        guard let current = state.severity else { return tr("pm.impact.severity_not_set") }
        let first = state.severityHistory.first?.value
        let values = ["current": current.rawValue, "first": first?.rawValue ?? ""]
        guard let first, first != current else { return tr("pm.impact.severity_kept", values) }
        return current < first ? tr("pm.impact.severity_raised", values) : tr("pm.impact.severity_lowered", values)
    }

    /// Where the last severity's time ends: the resolution, else the closing, else the draft's own time.
    private var severityEnd: (date: Date, label: String) {
        if let resolved = state.milestones.resolved {
            return (resolved, tr("pm.impact.until_resolved", ["time": words.time(resolved)]))
        }
        if let closed = state.closed {
            return (closed.at, tr("pm.impact.until_closed", ["time": words.time(closed.at)]))
        }
        return (generatedAt, tr("pm.impact.until_now", ["time": words.time(generatedAt)]))
    }

    func detection() -> [String] {
        var lines = ["## " + tr("pm.detection.heading"), ""]
        let milestones = state.milestones
        if let detected = milestones.detected {
            let values = [
                "time": words.time(detected),
                "after": metrics.timeToDetect.map { tr("pm.detection.after_impact", ["span": words.span($0)]) } ?? "",
            ]
            lines.append(
                milestones.detectedRecorded == nil
                    ? tr("pm.detection.at_opening", values) : tr("pm.detection.recorded", values))
        } else {
            lines.append(tr("pm.detection.not_recorded"))
        }
        let alerts = detectionAlerts()
        if !alerts.isEmpty { lines += [""] + alerts }
        lines += ["", todo(tr("pm.todo.detection"))]
        let alert = runbookSection(.detection)
        if !alert.isEmpty { lines += ["", tr("pm.detection.runbook_alert"), ""] + alert }
        return lines
    }

    /// The timeline section's heading and table header; the time column names the zone.
    func timelineHeading() -> [String] {
        let zone = words.zone(at: state.milestones.start ?? generatedAt)
        let columns = [
            tr("pm.timeline.time", ["zone": zone]), tr("pm.timeline.elapsed"), tr("pm.timeline.actor"),
            tr("pm.timeline.event"),
        ]
        return [
            "## " + tr("pm.timeline.heading"), "", "| " + columns.joined(separator: " | ") + " |",
            "| --- | --- | --- | --- |",
        ]
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
        let wording = self.wording
        let pinnedMark = wording.pinnedMark
        // Who recorded what from which machine, once the incident was worked from more than one.
        let writers = Set(shown.map { events[$0].writer })
        let openingMachine = tr("pm.timeline.opening_machine")
        var evidence = 0
        for index in shown {
            let event = events[index]
            let mark = state.pinned.contains(event.ref) ? pinnedMark : ""
            let description: String
            if case .commandRan(let run) = event.kind, CommandMarkdown.isMultiline(run.command) {
                evidence += 1
                description = tr(
                    "pm.timeline.evidence_row",
                    [
                        "lines": String(CommandMarkdown.lineCount(run.command)), "number": String(evidence),
                        "outcome": wording.outcome(run),
                    ])
            } else {
                description = wording.describe(event.kind)
            }
            let actor =
                writers.count > 1
                ? tr("pm.timeline.actor_on_machine", ["actor": event.actor, "machine": event.writer ?? openingMachine])
                : event.actor
            row(
                "| \(words.time(event.occurredAt)) | \(words.elapsed(event.occurredAt, since: start)) | \(MarkdownEscape.inline(actor)) | \(mark)\(description) |"
            )
        }
    }

    /// The commands of several lines that the timeline's rows at positions `shown` point to, numbered as the rows
    /// number them, each as a fenced block; empty when every command fits on one line.
    func timelineEvidence(_ shown: [Int]) -> [String] {
        var lines: [String] = []
        var number = 0
        var blocks = CommandBlocks(indent: "")
        for index in shown {
            guard case .commandRan(let run) = events[index].kind, CommandMarkdown.isMultiline(run.command) else {
                continue
            }
            number += 1
            let values = ["number": String(number), "stamp": stamped(Stamp(events[index]))]
            lines += [
                "",
                run.step.map { step in
                    tr(
                        "pm.evidence.from_step",
                        values.merging(
                            [
                                "step": MarkdownEscape.codeSpan(step.step),
                                "runbook": MarkdownEscape.codeSpan(step.runbook),
                            ]
                        ) { $1 })
                } ?? tr("pm.evidence.item", values),
                "",
            ]
            lines += blocks.block(run.command)
        }
        guard !lines.isEmpty else { return [] }
        return ["### " + tr("pm.evidence.heading")] + lines
    }
}

extension EventKind {
    /// Whether the event is bookkeeping rather than incident work (an export written, a command copied, a pin
    /// changed, a pinned note acknowledged), which the draft's timeline leaves out as the review does by default.
    var isBookkeeping: Bool {
        switch self {
        case .exportWritten, .commandCopied, .pinChanged, .noteAcknowledged: true
        default: false
        }
    }
}
