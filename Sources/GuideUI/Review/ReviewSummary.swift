import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit
import TerminalText

/// How a line of the review's summary reads: the view gives each tone a style, plain text a marker.
enum ReviewTone: Hashable, Sendable {
    case heading, plain, done, skipped, open, dim
}

/// One line of the review's progress or adherence summary, before it is wrapped to a width.
struct ReviewLine: Hashable, Sendable {
    /// The text, sanitized.
    var text: String
    /// How it reads.
    var tone: ReviewTone
    /// Columns of indentation, kept on wrapped lines.
    var indent: Int

    init(_ text: String, _ tone: ReviewTone = .plain, indent: Int = 0) {
        self.text = sanitize(text)
        self.tone = tone
        self.indent = indent
    }
}

/// The facts the review shows about an incident, as text shared by the screen and `--plain`.
enum ReviewSummary {
    /// The roles, in the order of `Role.allCases`: `commander bob · responder alice`.
    static func roles(_ state: IncidentState, _ words: Localizer) -> String {
        let people = Role.allCases.compactMap { role in state.roles[role].map { "\(roleName(role, words)) \($0)" } }
        return sanitize(people.isEmpty ? words.tr("ui.review.no_roles") : people.joined(separator: " · "))
    }

    /// Time since the incident started (impact, else detection, else opening), up to its resolution.
    static func elapsed(_ state: IncidentState, now: Date) -> TimeInterval? {
        guard let start = state.milestones.start else { return nil }
        return (state.milestones.resolved ?? now).timeIntervalSince(start)
    }

    /// `TTD 2m 00s · TTA 0s · TTM – · TTR –`.
    static func metrics(_ state: IncidentState, _ words: Localizer) -> String {
        let metrics = Metrics(state)
        return [
            ("TTD", metrics.timeToDetect), ("TTA", metrics.timeToAcknowledge),
            ("TTM", metrics.timeToMitigate), ("TTR", metrics.timeToResolve),
        ].map { "\($0.0) \($0.1.map(words.spoken) ?? "–")" }.joined(separator: " · ")
    }

    /// The milestones reached so far, each with the time `format` gives it: `impact –, detected 10:00:00, …`.
    static func milestones(_ state: IncidentState, _ words: Localizer, format: (Date) -> String) -> String {
        let milestones = state.milestones
        return [
            (words.tr("ui.review.milestone.impact"), milestones.impactStarted),
            (words.tr("ui.review.milestone.detected"), milestones.detected),
            (words.tr("ui.review.milestone.acknowledged"), milestones.acknowledged),
            (words.tr("ui.review.milestone.mitigated"), milestones.mitigated),
            (words.tr("ui.review.milestone.resolved"), milestones.resolved),
        ].map { "\($0.0) \($0.1.map(format) ?? "–")" }.joined(separator: " · ")
    }

    /// Each runbook used: its steps done, skipped with the reason, or not reached, and its verification items
    /// checked or open. A runbook missing from the library shows what the journal recorded of it.
    static func progress(_ state: IncidentState, runbooks: [String: Runbook], _ words: Localizer) -> [ReviewLine] {
        guard !state.runbooksUsed.isEmpty else { return [ReviewLine(words.tr("ui.review.no_runbook_used"), .dim)] }
        return state.runbooksUsed.flatMap { id in
            progress(of: id, state.progress(of: id), runbook: runbooks[id], words)
        }
    }

    private static func progress(
        of id: String, _ progress: RunbookProgress, runbook: Runbook?, _ words: Localizer
    ) -> [ReviewLine] {
        var lines = [
            ReviewLine(
                runbook.map { "\($0.title) (\(id))" } ?? words.tr("ui.review.runbook_missing", ["runbook": id]),
                .heading)
        ]
        let listed = runbook?.steps.map { ($0.key, $0.title) } ?? []
        let listedKeys = Set(listed.map(\.0))
        let unlisted = progress.steps.values
            .filter { !listedKeys.contains($0.step.step) }
            .sorted { $0.stamp.isBefore($1.stamp) }
            .map { ($0.step.step, $0.step.title) }
        var stepLines: [ReviewLine] = []
        var counts = (done: 0, skipped: 0, notReached: 0)
        for (key, title) in listed + unlisted {
            switch progress.steps[key]?.outcome {
            case .done?:
                counts.done += 1
                stepLines.append(ReviewLine("✓ \(key) \(title)", .done, indent: 2))
            case .skipped(let reason)?:
                counts.skipped += 1
                stepLines.append(
                    ReviewLine(
                        words.tr("ui.review.step_skipped", ["step": key, "title": title, "reason": reason]), .skipped,
                        indent: 2))
            case nil:
                counts.notReached += 1
                stepLines.append(ReviewLine("· \(key) \(title)", .dim, indent: 2))
            }
        }
        lines.append(
            ReviewLine(
                words.tr("ui.review.steps", ["done": String(counts.done), "skipped": String(counts.skipped)])
                    + (runbook == nil
                        ? "" : words.tr("ui.review.steps_not_reached", ["count": String(counts.notReached)])),
                indent: 1))
        lines += stepLines
        let items =
            runbook?.checklist.map { ($0.number, $0.text) }
            ?? progress.checked.values.sorted { $0.item.item < $1.item.item }.map { ($0.item.item, $0.item.text) }
        if !items.isEmpty {
            let checked = items.filter { progress.checked[$0.0] != nil }.count
            lines.append(
                ReviewLine(
                    words.tr("ui.review.verification", ["checked": String(checked)])
                        + (runbook == nil
                            ? "" : words.tr("ui.review.verification_open", ["count": String(items.count - checked)])),
                    indent: 1))
            for (number, text) in items {
                let done = progress.checked[number] != nil
                lines.append(ReviewLine("\(done ? "☑" : "☐") \(number). \(text)", done ? .done : .open, indent: 2))
            }
        }
        return lines
    }

    /// The adherence report: each deviation on its own line, then the time per section. With a
    /// `commandLimit`, only that many commands not in the runbook are listed and the rest are counted, so that
    /// an incident with hundreds of ad-hoc commands keeps a readable (and quickly drawn) pane.
    static func adherence(_ report: AdherenceReport, _ words: Localizer, commandLimit: Int? = nil) -> [ReviewLine] {
        var lines = [ReviewLine(words.tr("ui.review.adherence"), .heading)]
        if report.isClean { lines.append(ReviewLine(words.tr("ui.review.no_deviation"), .done, indent: 1)) }
        for step in report.skipped {
            let arguments = ["runbook": step.runbook, "step": step.step, "title": step.title, "reason": step.reason]
            lines.append(ReviewLine(words.tr("ui.review.adherence_skipped", arguments), .skipped, indent: 1))
        }
        for step in report.outOfOrder {
            let arguments = [
                "runbook": step.runbook, "step": step.step, "title": step.title,
                "before": step.overtook.joined(separator: ", "),
            ]
            lines.append(ReviewLine(words.tr("ui.review.out_of_order", arguments), .skipped, indent: 1))
        }
        let shown = report.unlistedCommands.prefix(commandLimit ?? report.unlistedCommands.count)
        for command in shown {
            lines.append(
                ReviewLine(words.tr("ui.review.unlisted_command", ["command": command.command]), .skipped, indent: 1))
        }
        if shown.count < report.unlistedCommands.count {
            let more = report.unlistedCommands.count - shown.count
            lines.append(
                ReviewLine(words.tr("ui.review.unlisted_more", ["count": String(more)]), .dim, indent: 1))
        }
        for item in report.openItems {
            let arguments = ["runbook": item.runbook, "item": String(item.item), "text": item.text]
            lines.append(
                ReviewLine(
                    report.openItemsAtResolution
                        ? words.tr("ui.review.open_at_resolution", arguments)
                        : words.tr("ui.review.open_item", arguments), .open, indent: 1))
        }
        if !report.sectionTimes.isEmpty {
            let times = report.sectionTimes.map { "\($0.title) \(words.spoken($0.seconds))" }
            lines.append(ReviewLine(words.tr("ui.review.section_times") + times.joined(separator: " · "), indent: 1))
        }
        return lines
    }

    /// What an event says in the review: the responder's timeline wording, with a note's pin left to the
    /// review's own marker (a pin can change after the note was written).
    static func text(_ event: Event, _ words: EventPhrases) -> String {
        if case .note(let text, _, let commander) = event.kind {
            return describe(.note(text: text, pinned: false, commander: commander), words)
        }
        return describe(event.kind, words)
    }
}
