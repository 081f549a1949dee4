import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit

extension PostmortemDraft {
    /// The Actions Taken section up to the commands run and the escalations, which follow from the journal: the
    /// steps done and skipped, one line each (a step's latest outcome).
    func stepsTaken() -> [String] {
        var lines = ["## " + tr("pm.actions.heading"), "", "### " + tr("pm.actions.steps"), ""]
        // Positions are sorted rather than the records, as the timeline does.
        let records = state.progress.values.flatMap(\.steps.values)
        let order = records.indices.sorted { records[$0].stamp.isBefore(records[$1].stamp) }
        if order.isEmpty { lines.append("_\(tr("pm.actions.no_steps"))_") }
        let wording = self.wording
        lines += order.map { stepLine(records[$0], wording) }
        return lines
    }

    private func stepLine(_ record: StepRecord, _ wording: EventWording) -> String {
        let name = "\(MarkdownEscape.codeSpan(record.step.runbook)) \(wording.stepName(record.step))"
        switch record.outcome {
        case .done:
            return "- ✅ " + tr("pm.actions.done", ["step": name, "stamp": stamped(record.stamp)])
        case .skipped(let reason):
            return "- ⏭️ "
                + tr(
                    "pm.actions.skipped",
                    ["step": name, "reason": MarkdownEscape.inline(reason), "stamp": stamped(record.stamp)])
        }
    }

    /// A command run as a list item, its lines kept (see `CommandMarkdown.listItem`), its block kept in `blocks`.
    func commandLines(_ record: CommandRunRecord, blocks: inout CommandBlocks) -> [String] {
        let run = record.run
        let output =
            run.outputFile.map { " — [\(tr("pm.actions.output"))](\(MarkdownEscape.destination($0)))" } ?? ""
        return CommandMarkdown.listItem(
            run.command, details: "\(wording.outcome(run)) — \(stamped(record.stamp))\(output)",
            below: tr("pm.actions.command_below"), blocks: &blocks)
    }

    /// Every checklist item of every runbook used, checked or open; items checked in a runbook that could not be
    /// loaded are listed from the journal.
    func verification() -> [String] {
        var lines = ["## " + tr("pm.verification.heading"), ""]
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
                    return "- [x] \(number). \(MarkdownEscape.inline(text)) — "
                        + tr("pm.verification.checked", ["stamp": stamped(record.stamp)])
                }
                return "- [ ] **\(tr("pm.verification.open"))** \(number). \(MarkdownEscape.inline(text))"
            }
        }
        lines += body.isEmpty ? ["_\(tr("pm.verification.no_checklist"))_"] : body
        return lines
    }

    /// The action items as a table up to the runbook feedback, which follows from the journal: what to do, its
    /// type, its owner and its tracking link (both left for the people who finish the draft), and where it came
    /// from. The items from the runbooks used come first.
    func actionItemsOpening() -> [String] {
        var items: [ActionItem] = []
        for runbook in usedRunbooks {
            let source = MarkdownEscape.codeSpan(runbook.id)
            items += actionTexts(rootCauseFix(runbook)).map {
                ActionItem(
                    text: $0, type: .prevent, source: tr("pm.action_items.from_root_cause_fix", ["runbook": source]))
            }
            items += actionTexts(runbook.section(.prevention)?.blocks ?? []).map {
                ActionItem(text: $0, type: .prevent, source: tr("pm.action_items.from_prevention", ["runbook": source]))
            }
        }
        let columns = [
            tr("pm.action_items.action"), tr("pm.action_items.type"), tr("pm.action_items.owner"),
            tr("pm.action_items.tracking"), tr("pm.action_items.from"),
        ]
        let types = ActionItem.Kind.allCases.map { tr($0.key) }.joined(separator: tr("pm.list_separator"))
        return [
            "## " + tr("pm.action_items.heading"), "", tr("pm.action_items.intro", ["types": types]), "",
            "| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- | --- | --- |",
        ] + items.map(actionRow)
    }

    /// Runbook feedback recorded in the incident, as an action item's row.
    func feedbackRow(_ feedback: FeedbackRecord) -> String {
        let target = wording.feedbackTarget(runbook: feedback.runbook, step: feedback.step)
        return actionRow(
            ActionItem(
                text: tr("pm.action_items.feedback", ["target": target, "text": MarkdownEscape.inline(feedback.text)]),
                type: .runbook, source: tr("pm.action_items.from_feedback", ["stamp": stamped(feedback.stamp)])))
    }

    /// The rows after the runbook feedback: the adherence report's suggestions and a last row to fill in.
    func actionItemsClosing() -> [String] {
        var items: [ActionItem] = []
        // The report suggests one update per open verification item, after all its other suggestions; a dozen
        // rows saying the same thing hide the other items, so they become one that lists them.
        let suggestions = adherence.suggestions(in: words.localizer)
        let perItem = suggestions.suffix(adherence.openItems.count)
        let fromReport = tr("pm.action_items.from_adherence")
        items += suggestions.dropLast(perItem.count).map {
            ActionItem(
                text: tr("pm.action_items.suggestion", ["text": MarkdownEscape.inline($0.text)]), type: .runbook,
                source: fromReport)
        }
        if !adherence.openItems.isEmpty {
            items.append(ActionItem(text: openItemsAction(), type: .runbook, source: fromReport))
        }
        let last =
            "| \(todo(tr("pm.todo.fixes"))) | \(todo(tr("pm.todo.type"))) | \(todo(tr("pm.todo.owner_column"))) | \(todo(tr("pm.todo.link"))) | |"
        return items.map(actionRow) + [last]
    }

    /// An action item's row: its owner and tracking link left for the people who finish the draft.
    private func actionRow(_ item: ActionItem) -> String {
        "| \(item.text) | \(tr(item.type.key)) | \(todo(tr("pm.todo.owner_column"))) | \(todo(tr("pm.todo.link"))) | \(item.source) |"
    }

    /// One runbook update for every verification item still open, listed by runbook.
    private func openItemsAction() -> String {
        let byRunbook = Dictionary(grouping: adherence.openItems, by: \.runbook)
        let order = adherence.openItems.map(\.runbook).reduce(into: [String]()) { ids, id in
            if !ids.contains(id) { ids.append(id) }
        }
        let lists = order.map { id in
            let items = (byRunbook[id] ?? []).map {
                tr("pm.action_items.open_item", ["item": String($0.item), "text": MarkdownEscape.inline($0.text)])
            }
            return "\(MarkdownEscape.codeSpan(id)) \(items.joined(separator: tr("pm.list_separator")))"
        }
        return words.localizer.tr(
            "pm.action_items.open_items", count: adherence.openItems.count,
            [
                "moment": adherence.openItemsMoment(in: words.localizer),
                "lists": lists.joined(separator: tr("pm.semicolon")),
            ])
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
