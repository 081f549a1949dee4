import Foundation
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    func trigger() -> [String] {
        var lines = [
            "## Trigger", "",
            todo(
                "what set the incident off (a deploy, a configuration change, a traffic spike, a failing dependency) and when."
            ),
            "",
        ]
        if let started = state.milestones.impactStarted {
            lines.append("Impact started at \(PostmortemTime.iso(started)), as recorded in the timeline.")
        } else {
            lines.append("No impact start was recorded.")
        }
        return lines
    }

    /// What fixed it: the moments of mitigation and resolution, then the Resolution steps done and the commands
    /// run from them, from the journal.
    func resolution() -> [String] {
        var lines = ["## Resolution", "", todo("what fixed it, and how we knew it was fixed."), ""]
        let milestones = state.milestones
        func since(_ date: Date) -> String {
            guard let start = milestones.start else { return "" }
            let from = milestones.impactStarted == nil ? "detection" : "impact started"
            return " (\(DurationFormat.string(date.timeIntervalSince(start))) after \(from))"
        }
        var when: [String] = []
        if let mitigated = milestones.mitigated {
            when.append("Mitigated at \(PostmortemTime.iso(mitigated))\(since(mitigated))")
        }
        if let resolved = milestones.resolved {
            when.append("resolved at \(PostmortemTime.iso(resolved))\(since(resolved))")
        }
        lines.append(when.isEmpty ? "Not mitigated or resolved yet." : when.joined(separator: "; ") + ".")
        let steps = state.progress.values.flatMap(\.steps.values)
            .filter { record in
                if case .done = record.outcome { return isResolution(record.step) }
                return false
            }
            .sorted { $0.stamp.seq < $1.stamp.seq }
        lines += ["", "Resolution steps done:", ""]
        lines +=
            steps.isEmpty
            ? ["_None._"]
            : steps.map {
                "- \(MarkdownEscape.codeSpan($0.step.runbook)) \(EventDescription.wording.stepName($0.step)) — \(stamped($0.stamp))"
            }
        let commands = state.commandsRun.filter { $0.run.step.map(isResolution) ?? false }
        lines += ["", "Commands run from them:", ""]
        lines += commands.isEmpty ? ["_None._"] : commands.flatMap(commandLines)
        return lines
    }

    /// Whether the step belongs to its runbook's Resolution section: as the runbook says when it is loaded, else
    /// as the step's key says (keys are named after their section).
    private func isResolution(_ step: StepRef) -> Bool {
        if let runbook = runbooks[step.runbook], let found = runbook.steps.first(where: { $0.key == step.step }) {
            return found.section == .resolution
        }
        return step.step.hasPrefix(SectionKind.resolution.rawValue + "-")
    }

    func rootCause() -> [String] {
        let title = state.title.isEmpty ? "the incident" : "“\(MarkdownEscape.inline(state.title))”"
        return [
            "## Root cause", "", todo("the root cause; ask why until the answer is a fix, not a person."), "",
            "### Five whys", "",
            "1. Why did \(title) happen? \(todo("because …"))",
        ] + (2...5).map { "\($0). Why? \(todo("because …"))" }
    }

    func contributingFactors() -> [String] {
        [
            "## Contributing factors", "",
            todo(
                "what made it more likely, larger or longer without causing it: missing alerts, unclear runbook steps, load, timing."
            ),
        ] + (adherence.isClean ? [] : ["", "The deviations under Adherence to the runbook may be among them."])
    }

    /// Customer and internal messaging, with the escalations and commander notes the journal holds.
    func communication() -> [String] {
        var lines = [
            "## Communication", "",
            "### Customer messaging", "",
            todo("what customers were told, when and where (status page, email, support)."), "",
            "### Internal messaging", "",
            todo("who inside the company was told, when and in which channels."), "",
        ]
        let escalations = state.escalations.map {
            (seq: $0.stamp.seq, line: "- Escalated to \(MarkdownEscape.inline($0.to)) — \(stamped($0.stamp))")
        }
        let notes = state.notes.filter(\.commander).map {
            (seq: $0.stamp.seq, line: "- Commander note: \(MarkdownEscape.inline($0.text)) — \(stamped($0.stamp))")
        }
        let recorded = (escalations + notes).sorted { $0.seq < $1.seq }.map(\.line)
        lines.append("Escalations and commander notes in the journal:")
        lines.append("")
        lines += recorded.isEmpty ? ["_None._"] : recorded
        return lines
    }
}
