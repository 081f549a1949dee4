import Foundation
import IncidentModel
import RunbookKit

/// Choices for the postmortem draft.
public struct PostmortemOptions: Hashable, Sendable {
    /// Whether to include the Mermaid gantt chart (`--no-diagram` turns it off).
    public var includeDiagram: Bool

    /// Creates options; the diagram is included by default.
    public init(includeDiagram: Bool = true) {
        self.includeDiagram = includeDiagram
    }
}

/// Turns an incident's journal into a postmortem draft: pure, everything it needs is passed in.
public enum PostmortemRenderer {
    /// The GitHub markdown postmortem draft of the incident whose journal is `events` and whose folded state is
    /// `state`, with the runbooks it used looked up in `runbooks` by id. `generatedAt` is shown in the banner.
    public static func markdown(
        state: IncidentState, events: [Event], runbooks: [String: Runbook], incidentID: String, generatedAt: Date,
        options: PostmortemOptions = PostmortemOptions()
    ) -> String {
        var text = ""
        writeMarkdown(
            state: state, events: events, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt,
            options: options, into: &text
        )
        return text
    }

    /// Writes `markdown(…)`'s draft to `output` a section at a time, and the timeline, which has a row per event,
    /// a row at a time, so that the whole draft of a long incident is never held in memory.
    public static func writeMarkdown<Output: TextOutputStream>(
        state: IncidentState, events: [Event], runbooks: [String: Runbook], incidentID: String, generatedAt: Date,
        options: PostmortemOptions = PostmortemOptions(), into output: inout Output
    ) {
        let draft = PostmortemDraft(
            state: state, events: events, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt,
            adherence: Adherence.report(events: events, runbooks: runbooks)
        )
        // Each section is written a line at a time rather than joined into one string first.
        func write(_ lines: [String]) {
            for (index, line) in lines.enumerated() {
                if index > 0 { output.write("\n") }
                output.write(line)
            }
        }
        let opening = [
            draft.header(), draft.facts(), draft.summary(), draft.impact(), draft.responders(), draft.detection(),
            draft.trigger(), draft.resolution(),
        ]
        for section in opening {
            write(section)
            output.write("\n\n")
        }
        let shown = draft.timelineOrder()
        write(draft.timelineHeading())
        draft.timelineRows(shown) { row in
            output.write("\n")
            output.write(row)
        }
        let evidence = draft.timelineEvidence(shown)
        if !evidence.isEmpty {
            output.write("\n\n")
            write(evidence)
        }
        output.write("\n\n")
        var first = true
        draft.actionsTaken { line in
            if !first { output.write("\n") }
            first = false
            output.write(line)
        }
        var sections = [
            draft.verification(), draft.rootCause(), draft.contributingFactors(), draft.communication(),
            draft.actionItems(), draft.lessonsLearned(), draft.keyMetrics(), draft.adherenceSection(),
        ]
        if options.includeDiagram { sections.append(draft.diagram()) }
        for section in sections {
            output.write("\n\n")
            write(section)
        }
        output.write("\n")
    }
}

/// The inputs of one draft, shared by the functions that write its sections.
struct PostmortemDraft {
    let state: IncidentState
    let events: [Event]
    let runbooks: [String: Runbook]
    let incidentID: String
    let generatedAt: Date
    let adherence: AdherenceReport

    var metrics: Metrics { Metrics(state) }

    /// The runbooks used, in order of use, that could be loaded.
    var usedRunbooks: [Runbook] { state.runbooksUsed.compactMap { runbooks[$0] } }

    /// A runbook's title and id for prose, escaped.
    func runbookName(_ id: String) -> String {
        let code = MarkdownEscape.codeSpan(id)
        guard let runbook = runbooks[id] else { return code }
        return "\(MarkdownEscape.inline(runbook.title)) (\(code))"
    }

    /// `2026-11-27T00:20:05.000Z by alice`.
    func stamped(_ stamp: Stamp) -> String {
        "\(PostmortemTime.iso(stamp.at)) by \(MarkdownEscape.inline(stamp.actor))"
    }

    /// An obvious placeholder for the people who finish the draft.
    func todo(_ text: String) -> String {
        "_TODO: \(text)_"
    }

    /// The blocks of section `kind` of every runbook used that has one, with a heading per runbook when there are
    /// several; empty when none has the section.
    func runbookSection(_ kind: SectionKind) -> [String] {
        let sources = usedRunbooks.compactMap { runbook in runbook.section(kind).map { (runbook, $0) } }
        return sources.flatMap { runbook, section -> [String] in
            guard sources.count > 1 else { return BlockMarkdown.lines(section.blocks) }
            return ["### From \(runbookName(runbook.id))", ""] + BlockMarkdown.lines(section.blocks, headingOffset: 1)
                + [""]
        }
    }

    func header() -> [String] {
        let title = state.title.isEmpty ? incidentID : state.title
        return [
            "# Postmortem: \(MarkdownEscape.inline(title))",
            "",
            "> [!WARNING]",
            "> **DRAFT** generated from the incident journal at \(PostmortemTime.iso(generatedAt)). Every fact below comes from the journal; every `TODO` needs a human before this is published.",
            "",
            "| Postmortem status | Authors | Owner | Incident date (UTC) |",
            "| --- | --- | --- | --- |",
            "| **Draft** | \(todo("who wrote this")) | \(todo("who sees the action items through")) | \(incidentDate) |",
        ]
    }

    /// The day the incident was opened, `2026-11-27`, or a placeholder when the journal has no opening.
    private var incidentDate: String {
        guard let opened = state.opened else { return "not recorded" }
        return String(PostmortemTime.iso(opened.at).prefix(10))
    }

    func summary() -> [String] {
        [
            "## Summary", "", todo("what happened, why, and how it was fixed, in two or three sentences."), "",
            factsSentence(),
        ]
    }

    private func factsSentence() -> String {
        var parts: [String] = []
        let severity = state.severity?.rawValue ?? "Unrated"
        let kind = state.drill ? "drill" : "incident"
        parts.append(
            "\(severity) \(kind) “\(MarkdownEscape.inline(state.title))” (\(MarkdownEscape.codeSpan(incidentID)))")
        if let opened = state.opened { parts.append("opened \(stamped(opened))") }
        if !state.runbooksUsed.isEmpty {
            parts.append("worked with \(state.runbooksUsed.map(runbookName).joined(separator: ", "))")
        }
        if let ttm = metrics.timeToMitigate { parts.append("mitigated after \(DurationFormat.string(ttm))") }
        if let ttr = metrics.timeToResolve { parts.append("resolved after \(DurationFormat.string(ttr))") }
        parts.append("status \(state.status.rawValue)\(state.isClosed ? ", closed" : "")")
        return "In short: " + parts.joined(separator: "; ") + "."
    }

    func lessonsLearned() -> [String] {
        [
            "## Lessons learned", "",
            "### What went well", "", todo("what went well."), "",
            "### What went wrong", "", todo("what went wrong."), "",
            "### Where we got lucky", "", todo("where we got lucky."),
        ]
    }

    func diagram() -> [String] {
        ["## Timeline picture", ""]
            + GanttChart.mermaid(milestones: state.milestones, sectionTimes: adherence.sectionTimes, runbooks: runbooks)
    }
}
