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
        for record in state.commandsRun { commandLines(record).forEach(line) }
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

    /// A command run as a list item, its lines kept (see `CommandMarkdown.listItem`).
    func commandLines(_ record: CommandRunRecord) -> [String] {
        let run = record.run
        let output = run.outputFile.map { " — [output](\(MarkdownEscape.destination($0)))" } ?? ""
        return CommandMarkdown.listItem(
            run.command, details: "\(EventDescription.wording.outcome(run)) — \(stamped(record.stamp))\(output)")
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

    /// The action items as a table: what to do, its type, its owner and its tracking link (both left for the
    /// people who finish the draft), and where it came from.
    func actionItems() -> [String] {
        var items: [ActionItem] = []
        for runbook in usedRunbooks {
            let source = MarkdownEscape.codeSpan(runbook.id)
            items += actionTexts(rootCauseFix(runbook)).map {
                ActionItem(text: $0, type: .prevent, source: "Root Cause Fix, \(source)")
            }
            items += actionTexts(runbook.section(.prevention)?.blocks ?? []).map {
                ActionItem(text: $0, type: .prevent, source: "Prevention, \(source)")
            }
        }
        items += state.feedback.map { feedback in
            let target = EventDescription.wording.feedbackTarget(runbook: feedback.runbook, step: feedback.step)
            return ActionItem(
                text: "Update runbook \(target): \(MarkdownEscape.inline(feedback.text))", type: .runbook,
                source: "feedback \(stamped(feedback.stamp))")
        }
        // The report suggests one update per open verification item, after all its other suggestions; a dozen
        // rows saying the same thing hide the other items, so they become one that lists them.
        let perItem = adherence.suggestions.suffix(adherence.openItems.count)
        items += adherence.suggestions.dropLast(perItem.count).map {
            ActionItem(
                text: "Runbook update: \(MarkdownEscape.inline($0.text))", type: .runbook, source: "adherence report")
        }
        if !adherence.openItems.isEmpty {
            items.append(ActionItem(text: openItemsAction(), type: .runbook, source: "adherence report"))
        }
        let rows = items.map { item in
            "| \(item.text) | \(item.type.rawValue) | \(todo("owner")) | \(todo("link")) | \(item.source) |"
        }
        let last =
            "| \(todo("the fixes the root cause analysis calls for")) | \(todo("type")) | \(todo("owner")) | \(todo("link")) | |"
        return [
            "## Action items", "",
            "Each action needs an owner and a tracking link (an issue or ticket) before this is published; its type is one of \(ActionItem.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
            "", "| Action | Type | Owner | Tracking | From |", "| --- | --- | --- | --- | --- |",
        ] + rows + [last]
    }

    /// One runbook update for every verification item still open, listed by runbook.
    private func openItemsAction() -> String {
        let byRunbook = Dictionary(grouping: adherence.openItems, by: \.runbook)
        let order = adherence.openItems.map(\.runbook).reduce(into: [String]()) { ids, id in
            if !ids.contains(id) { ids.append(id) }
        }
        let lists = order.map { id in
            let items = (byRunbook[id] ?? []).map { "\($0.item) “\(MarkdownEscape.inline($0.text))”" }
            return "\(MarkdownEscape.codeSpan(id)) \(items.joined(separator: ", "))"
        }
        let moment = adherence.openItemsAtResolution ? "at resolution" : "when this draft was written"
        let count = adherence.openItems.count
        let these = count == 1 ? "item was" : "items were"
        return
            "Runbook update: \(count) verification \(these) still open \(moment): \(lists.joined(separator: "; ")); make each checkable or drop it."
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
