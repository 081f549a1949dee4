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

    func impact() -> [String] {
        var lines = ["## Impact", "", todo("who was affected, how many, for how long, and what it cost."), ""]
        let fromRunbook = runbookSection(.impact)
        if !fromRunbook.isEmpty {
            lines += ["What the runbook says about impact:", ""] + fromRunbook + [""]
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

    /// Passes `row` the timeline's rows in order of when things happened (then journal order); pin changes and
    /// exports are left out because they are bookkeeping, and pinned events are marked ⭐.
    func timelineRows(_ row: (String) -> Void) {
        // Positions are sorted rather than the events themselves, which would copy every event of the journal.
        let shown = events.indices
            .filter { index in
                switch events[index].kind {
                case .pinChanged, .exportWritten: false
                default: true
                }
            }
            .sorted { (events[$0].occurredAt, events[$0].seq) < (events[$1].occurredAt, events[$1].seq) }
        let start = state.milestones.start
        for index in shown {
            let event = events[index]
            let mark = state.pinnedSeqs.contains(event.seq) ? EventDescription.wording.pinnedMark : ""
            row(
                "| \(PostmortemTime.iso(event.occurredAt)) | \(PostmortemTime.elapsed(event.occurredAt, since: start)) | \(MarkdownEscape.inline(event.actor)) | \(mark)\(EventDescription.markdown(event)) |"
            )
        }
    }
}
