import Foundation
import IncidentModel
import RunbookKit

extension PostmortemDraft {
    /// Passes `line` the section's lines one at a time: with a long incident it has a line per step and command.
    func actionsTaken(_ line: (String) -> Void) {
        ["## Actions taken", "", "### Steps", ""].forEach(line)
        // Positions are sorted rather than the records, as the timeline does.
        let records = state.progress.values.flatMap(\.steps.values)
        let order = records.indices.sorted { records[$0].stamp.seq < records[$1].stamp.seq }
        if order.isEmpty { line("_No runbook steps were recorded._") }
        for index in order { line(stepLine(records[index])) }
        ["", "### Commands run", ""].forEach(line)
        if state.commandsRun.isEmpty { line("_No commands were run from the guide._") }
        for record in state.commandsRun { line(commandLine(record)) }
        if !state.escalations.isEmpty {
            ["", "### Escalations", ""].forEach(line)
            for escalation in state.escalations {
                line("- Escalated to \(MarkdownEscape.inline(escalation.to)) — \(stamped(escalation.stamp))")
            }
        }
    }

    private func stepLine(_ record: StepRecord) -> String {
        let name = "\(MarkdownEscape.codeSpan(record.step.runbook)) \(EventDescription.wording.stepName(record.step))"
        switch record.outcome {
        case .done:
            return "- ✅ Done: \(name) — \(stamped(record.stamp))"
        case .skipped(let reason):
            return "- ⏭️ **Skipped**: \(name) — reason: \(MarkdownEscape.inline(reason)) — \(stamped(record.stamp))"
        }
    }

    private func commandLine(_ record: CommandRunRecord) -> String {
        let run = record.run
        let output = run.outputFile.map { " — [output](\(MarkdownEscape.destination($0)))" } ?? ""
        return
            "- \(MarkdownEscape.codeSpan(run.command)) — \(EventDescription.wording.outcome(run)) — \(stamped(record.stamp))\(output)"
    }

    /// Every checklist item of every runbook used, checked or open; items checked in a runbook that could not be
    /// loaded are listed from the journal.
    func verification() -> [String] {
        var lines = ["## Verification", ""]
        var body: [String] = []
        for id in state.runbooksUsed {
            let progress = state.progress(of: id)
            let items: [(Int, String)] =
                runbooks[id].map { $0.checklist.map { ($0.number, $0.text) } }
                ?? progress.checked.keys.sorted().compactMap { number in
                    progress.checked[number].map { (number, $0.item.text) }
                }
            guard !items.isEmpty else { continue }
            if state.runbooksUsed.count > 1 { body += (body.isEmpty ? [] : [""]) + ["### \(runbookName(id))", ""] }
            body += items.map { number, text in
                if let record = progress.checked[number] {
                    return "- [x] \(number). \(MarkdownEscape.inline(text)) — checked \(stamped(record.stamp))"
                }
                return "- [ ] **OPEN** \(number). \(MarkdownEscape.inline(text))"
            }
        }
        lines += body.isEmpty ? ["_The runbooks used have no verification checklist._"] : body
        return lines
    }

    func actionItems() -> [String] {
        var items: [String] = []
        for runbook in usedRunbooks {
            let source = MarkdownEscape.codeSpan(runbook.id)
            items += actionTexts(rootCauseFix(runbook)).map { "\($0) _(Root Cause Fix, \(source))_" }
            items += actionTexts(runbook.section(.prevention)?.blocks ?? []).map { "\($0) _(Prevention, \(source))_" }
        }
        items += state.feedback.map { feedback in
            let target = EventDescription.wording.feedbackTarget(runbook: feedback.runbook, step: feedback.step)
            return
                "Update runbook \(target): \(MarkdownEscape.inline(feedback.text)) _(feedback \(stamped(feedback.stamp)))_"
        }
        items += adherence.suggestions.map { "Runbook update: \(MarkdownEscape.inline($0.text)) _(adherence report)_" }
        items.append(todo("add the fixes the root cause analysis calls for, each with an owner and a due date."))
        return ["## Action items", ""] + items.map { "- [ ] " + $0 }
    }

    /// The blocks of the runbook's Root Cause Fix: the Resolution step of that name, else the blocks under a
    /// heading of that name in the Resolution section.
    private func rootCauseFix(_ runbook: Runbook) -> [Block] {
        func isRootCause(_ title: String) -> Bool {
            let lowered = title.lowercased()
            return lowered.contains("root cause") || title.contains("根本原因") || title.contains("根因")
        }
        if let step = runbook.steps.first(where: { $0.section == .resolution && isRootCause($0.title) }) {
            return step.body
        }
        let blocks = runbook.section(.resolution)?.blocks ?? []
        guard
            let start = blocks.firstIndex(where: { block in
                if case .heading(_, let text) = block { return isRootCause(text.plainText) }
                return false
            }), case .heading(let level, _) = blocks[start]
        else { return [] }
        let rest = blocks[(start + 1)...]
        let end =
            rest.firstIndex { block in
                if case .heading(let next, _) = block { return next <= level }
                return false
            } ?? blocks.endIndex
        return Array(blocks[(start + 1)..<end])
    }

    /// One action per list item (its first paragraph), or per paragraph when the blocks have no list.
    private func actionTexts(_ blocks: [Block]) -> [String] {
        let fromLists = blocks.flatMap { block -> [String] in
            guard case .list(_, _, let items) = block else { return [] }
            return items.compactMap { item in
                item.blocks.lazy.compactMap { block -> String? in
                    if case .paragraph(let text) = block { return BlockMarkdown.inline(text) }
                    return nil
                }.first
            }
        }
        if !fromLists.isEmpty { return fromLists }
        return blocks.compactMap { block in
            if case .paragraph(let text) = block { return BlockMarkdown.inline(text) }
            return nil
        }
    }
}
