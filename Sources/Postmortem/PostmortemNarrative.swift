import FoundationEssentials
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    func trigger() -> [String] {
        var lines = ["## " + tr("pm.trigger.heading"), "", todo(tr("pm.todo.trigger")), ""]
        if let started = state.milestones.impactStarted {
            lines.append(tr("pm.trigger.impact_started", ["time": words.time(started)]))
        } else {
            lines.append(tr("pm.trigger.no_impact_start"))
        }
        return lines
    }

    /// What fixed it: the moments of mitigation and resolution, then the Resolution steps done, up to the commands
    /// run from them, which follow from the journal.
    func resolution() -> [String] {
        var lines = ["## " + tr("pm.resolution.heading"), "", todo(tr("pm.todo.resolution")), ""]
        let milestones = state.milestones
        func since(_ date: Date) -> String {
            guard let start = milestones.start else { return "" }
            let from = milestones.impactStarted == nil ? tr("pm.facts.after_detection") : tr("pm.facts.after_impact")
            return tr("pm.resolution.since", ["span": words.span(date.timeIntervalSince(start)), "what": from])
        }
        let mitigated = milestones.mitigated.map {
            tr("pm.resolution.mitigated", ["time": words.time($0), "since": since($0)])
        }
        let resolved = milestones.resolved.map {
            tr("pm.resolution.resolved", ["time": words.time($0), "since": since($0)])
        }
        switch (mitigated, resolved) {
        case (nil, nil): lines.append(tr("pm.resolution.not_yet"))
        case (let mitigated?, nil): lines.append(tr("pm.resolution.only_mitigated", ["mitigated": mitigated]))
        case (nil, let resolved?): lines.append(tr("pm.resolution.only_resolved", ["resolved": resolved]))
        case (let mitigated?, let resolved?):
            lines.append(tr("pm.resolution.both", ["mitigated": mitigated, "resolved": resolved]))
        }
        let steps = state.progress.values.flatMap(\.steps.values)
            .filter { record in
                if case .done = record.outcome { return isResolution(record.step) }
                return false
            }
            .sorted { $0.stamp.isBefore($1.stamp) }
        lines += ["", tr("pm.resolution.steps_done"), ""]
        lines +=
            steps.isEmpty
            ? [none]
            : steps.map {
                "- \(MarkdownEscape.codeSpan($0.step.runbook)) \(wording.stepName($0.step)) — \(stamped($0.stamp))"
            }
        lines += ["", tr("pm.resolution.commands"), ""]
        return lines
    }

    /// `_None._`, for a list with nothing in it.
    var none: String {
        "_\(tr("pm.none"))_"
    }

    /// Whether the step belongs to its runbook's Resolution section: as the runbook says when it is loaded, else
    /// as the step's key says (keys are named after their section).
    func isResolution(_ step: StepRef) -> Bool {
        if let runbook = runbooks[step.runbook], let found = runbook.steps.first(where: { $0.key == step.step }) {
            return found.section == .resolution
        }
        return step.step.hasPrefix(SectionKind.resolution.rawValue + "-")
    }

    func rootCause() -> [String] {
        let first =
            state.title.isEmpty
            ? tr("pm.root_cause.first_why_untitled")
            : tr("pm.root_cause.first_why", ["title": MarkdownEscape.inline(state.title)])
        let because = todo(tr("pm.todo.because"))
        return [
            "## " + tr("pm.root_cause.heading"), "", todo(tr("pm.todo.root_cause")), "",
            "### " + tr("pm.root_cause.five_whys"), "",
            "1. \(first) \(because)",
        ] + (2...5).map { "\($0). \(tr("pm.root_cause.why")) \(because)" }
    }

    func contributingFactors() -> [String] {
        ["## " + tr("pm.contributing.heading"), "", todo(tr("pm.todo.contributing"))]
            + (adherence.isClean ? [] : ["", tr("pm.contributing.deviations")])
    }

    /// Customer and internal messaging, up to the escalations and commander notes, which follow from the journal in
    /// its order.
    func communication() -> [String] {
        var lines = [
            "## " + tr("pm.communication.heading"), "",
            "### " + tr("pm.communication.customers"), "", todo(tr("pm.todo.customers")), "",
            "### " + tr("pm.communication.internal"), "", todo(tr("pm.todo.internal")), "",
        ]
        lines.append(tr("pm.communication.recorded"))
        lines.append("")
        return lines
    }

    /// A commander's note, as the Communication section lists it.
    func commanderNoteLine(_ note: NoteRecord) -> String {
        "- "
            + tr(
                "pm.communication.commander_note",
                ["text": MarkdownEscape.inline(note.text), "stamp": stamped(note.stamp)])
    }

    /// `Escalated to L2 — 2026-11-27T08:29:00+08:00 by alice`.
    func escalationLine(_ escalation: EscalationRecord) -> String {
        tr("pm.escalated", ["to": MarkdownEscape.inline(escalation.to), "stamp": stamped(escalation.stamp)])
    }
}
