import FoundationEssentials
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    /// The Facts table, passed to `text` a piece at a time (line feeds included): the severity's and the status's
    /// histories grow with the journal, and each is one cell.
    func facts(_ text: (String) -> Void) {
        let milestones = state.milestones
        let start = milestones.impactStarted
        let sinceStart = start == nil ? tr("pm.facts.after_detection") : tr("pm.facts.after_impact")
        let runbooksUsed =
            state.runbooksUsed.isEmpty
            ? tr("pm.facts.none") : state.runbooksUsed.map(runbookName).joined(separator: tr("pm.list_separator"))
        func row(_ fact: String, _ value: String) {
            text("| \(fact) | \(value) |\n")
        }
        text("## \(tr("pm.facts.heading"))\n\n| \(tr("pm.facts.fact")) | \(tr("pm.facts.value")) |\n| --- | --- |\n")
        row(tr("pm.facts.incident"), MarkdownEscape.codeSpan(incidentID))
        row(tr("pm.facts.kind"), state.drill ? "**\(tr("pm.facts.drill"))**" : tr("pm.facts.real"))
        text("| \(tr("pm.facts.severity")) | ")
        severityFact(text)
        text(" |\n| \(tr("pm.facts.status")) | ")
        statusFact(text)
        text(" |\n")
        row(tr("pm.facts.runbooks_used"), runbooksUsed)
        row(tr("pm.facts.roles"), rolesFact())
        row(tr("pm.milestone.impact_started"), milestones.impactStarted.map(words.time) ?? tr("pm.not_recorded"))
        row(
            tr("pm.milestone.detected"),
            moment(
                milestones.detected, after: start, tr("pm.facts.after_impact"),
                note: milestones.detectedRecorded == nil ? tr("pm.facts.detected_at_opening") : ""))
        row(
            tr("pm.milestone.acknowledged"),
            moment(milestones.acknowledged, after: milestones.detected, tr("pm.facts.after_detection")))
        row(tr("pm.milestone.mitigated"), moment(milestones.mitigated, after: milestones.start, sinceStart))
        row(tr("pm.milestone.resolved"), moment(milestones.resolved, after: milestones.start, sinceStart))
        if let closed = state.closed { row(tr("pm.facts.closed"), stamped(closed)) }
    }

    private func severityFact(_ text: (String) -> Void) {
        guard let current = state.severity else { return text(tr("pm.not_set")) }
        guard state.severityHistory.count > 1 else { return text("**\(current.rawValue)**") }
        history(
            current: "**\(current.rawValue)**",
            state.severityHistory.lazy.map {
                tr("pm.facts.change", ["value": $0.value.rawValue, "stamp": stamped($0.stamp)])
            }, text)
    }

    private func statusFact(_ text: (String) -> Void) {
        let status = wording.statusName(state.status)
        guard !state.statusHistory.isEmpty else { return text(status) }
        let current =
            state.isClosed ? tr("pm.facts.status_closed", ["status": "**\(status)**"]) : "**\(status)**"
        history(
            current: current,
            state.statusHistory.lazy.map {
                tr("pm.facts.change", ["value": wording.statusName($0.value), "stamp": words.time($0.stamp.at)])
            }, text)
    }

    /// The catalog's `pm.facts.history` around `current`, its changes passed to `text` one at a time, joined by
    /// arrows, rather than joined into one string first.
    private func history(current: String, _ changes: some Sequence<String>, _ text: (String) -> Void) {
        // A character no catalog text or status name holds marks where the changes go.
        let marker: Character = "\u{FFFC}"
        let template = tr("pm.facts.history", ["current": current, "changes": String(marker)])
        let parts = template.split(separator: marker, maxSplits: 1, omittingEmptySubsequences: false)
        text(String(parts[0]))
        for (index, change) in changes.enumerated() {
            if index > 0 { text(" → ") }
            text(change)
        }
        if parts.count > 1 { text(String(parts[1])) }
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
    /// their default severity labelled as the runbook's, up to the pinned notes, which follow from the journal;
    /// passed to `line` a line at a time, as the changes of severity grow with the journal.
    func impact(_ line: (String) -> Void) {
        ["## " + tr("pm.impact.heading"), "", impactSeverity()].forEach(line)
        let history = state.severityHistory
        if !history.isEmpty {
            let columns = [
                tr("pm.impact.severity"), tr("pm.impact.from"), tr("pm.impact.until"), tr("pm.impact.time"),
            ]
            ["", "| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- | --- |"].forEach(line)
            // A row per change of severity, each made as it is written.
            let end = severityEnd
            for index in history.indices {
                let period = state.severityPeriod(at: index, until: end.date)
                let until = index == history.count - 1 ? end.label : words.time(period.end)
                line(
                    "| \(period.severity.rawValue) | \(stamped(period.stamp)) | \(until) | \(words.span(period.seconds)) |"
                )
            }
        }
        var lines = ["", todo(tr("pm.todo.impact")), ""]
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
        lines.append(tr("pm.impact.pinned_notes"))
        lines.append("")
        lines.forEach(line)
    }

    /// A note pinned now, as the Impact section lists it.
    func pinnedNoteLine(_ note: NoteRecord) -> String {
        "- ⭐ \(MarkdownEscape.inline(note.text)) — \(stamped(note.stamp))"
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

    /// The Detection section up to the alerts the incident was opened from, which follow from the journal.
    func detectionOpening() -> [String] {
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
        return lines
    }

    /// The Detection section after the alerts: what the runbooks say about their alert.
    func detectionClosing() -> [String] {
        var lines = ["", todo(tr("pm.todo.detection"))]
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
