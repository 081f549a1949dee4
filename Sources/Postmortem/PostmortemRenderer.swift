import FoundationEssentials
import IncidentModel
import Localization
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
    /// The GitHub markdown postmortem draft of the incident whose journal is `events`, with the runbooks it used
    /// looked up in `runbooks` by id. `generatedAt` is shown in the banner. The draft is written in `localizer`'s
    /// language, its times local to `clock`'s zone, which the header names. Its lists are kept in memory until
    /// they are written; `writeMarkdown(fold:…)` is the draft of a journal too long to hold.
    public static func markdown(
        events: [Event], runbooks: [String: Runbook], incidentID: String, generatedAt: Date, localizer: Localizer,
        clock: ZoneClock, options: PostmortemOptions = PostmortemOptions()
    ) -> String {
        var fold = DraftFold { runbooks[$0] }
        for event in events { fold.add(event) }
        var text = ""
        writeMarkdown(
            fold: fold, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt, localizer: localizer,
            clock: clock, options: options, events: { body in events.forEach(body) }, spool: MemorySpool.init,
            into: &text)
        return text
    }

    /// Writes the draft of the incident whose journal `fold` read to `output`: `walk` passes its events again, in
    /// the same order, and the lists that grow with them (the timeline, the commands, the notes, …) are kept in
    /// spools made by `spool` until the sections before them are written. What is held follows the incident's
    /// runbooks, people and late events, not its number of events; `runbooks` are those `fold` looked up, by id.
    public static func writeMarkdown<Output: TextOutputStream, Spool: DraftSpool>(
        fold: DraftFold, runbooks: [String: Runbook], incidentID: String, generatedAt: Date, localizer: Localizer,
        clock: ZoneClock, options: PostmortemOptions = PostmortemOptions(),
        events walk: ((Event) -> Void) throws -> Void, spool: () -> Spool, into output: inout Output
    ) rethrows {
        let replay = fold.replay
        let draft = PostmortemDraft(
            state: replay.state, runbooks: runbooks, incidentID: incidentID, generatedAt: generatedAt,
            adherence: Adherence.report(
                state: replay.state, atResolution: replay.atResolution, runbooks: runbooks, tally: fold.adherence),
            responderTally: fold.responders, severalWriters: fold.severalWriters,
            words: DraftWords(localizer: localizer, clock: clock), wording: EventDescription.wording(localizer)
        )
        var pass = DraftPass(draft: draft, late: fold.timeline.sorted(), spool: spool)
        try walk { pass.add($0) }
        pass.finish()
        let lists = pass.lists
        // Every line ends with a line feed, and a blank line stands between sections.
        func write(_ lines: [String]) {
            for line in lines {
                output.write(line)
                output.write("\n")
            }
        }
        func write(_ list: Spool, orElse placeholder: String? = nil) {
            if list.lineCount == 0, let placeholder { write([placeholder]) }
            list.replay { output.write($0) }
        }
        write(draft.header() + [""])
        draft.facts { output.write($0) }
        write([""])
        write(draft.summary() + [""])
        draft.impact { write([$0]) }
        write(lists.pinnedNotes, orElse: "_\(draft.tr("pm.impact.no_pinned_notes"))_")
        write([""])
        draft.responders { output.write($0) }
        write([""] + draft.detectionOpening())
        if lists.alerts.lineCount > 0 {
            write([""])
            write(lists.alerts)
        }
        write(draft.detectionClosing() + [""] + draft.trigger() + [""] + draft.resolution())
        write(lists.resolutionCommands, orElse: draft.none)
        write([""] + draft.timelineHeading())
        write(lists.timeline)
        if lists.evidence.lineCount > 0 {
            write(["", "### " + draft.tr("pm.evidence.heading")])
            write(lists.evidence)
        }
        write([""] + draft.stepsTaken() + ["", "### " + draft.tr("pm.actions.commands"), ""])
        write(lists.commands, orElse: "_\(draft.tr("pm.actions.no_commands"))_")
        if lists.escalations.lineCount > 0 {
            write(["", "### " + draft.tr("pm.actions.escalations"), ""])
            write(lists.escalations)
        }
        write([""] + draft.verification())
        write([""] + draft.rootCause() + [""] + draft.contributingFactors() + [""] + draft.communication())
        write(lists.communication, orElse: draft.none)
        write([""] + draft.actionItemsOpening())
        write(lists.feedback)
        write(draft.actionItemsClosing())
        // A section at a time, so that no two of them are held at once.
        write([""] + draft.lessonsLearned())
        write([""] + draft.keyMetrics())
        write([""] + draft.adherenceSection())
        if options.includeDiagram { write([""] + draft.diagram()) }
    }
}

/// The inputs of one draft, shared by the functions that write its sections.
struct PostmortemDraft {
    /// The incident as folded, without the records that grow with the journal: the draft writes those as the
    /// events pass again.
    let state: IncidentState
    let runbooks: [String: Runbook]
    let incidentID: String
    let generatedAt: Date
    let adherence: AdherenceReport
    let responderTally: ResponderTally
    /// Whether the timeline shows events recorded on more than one machine.
    let severalWriters: Bool
    let words: DraftWords

    var metrics: Metrics { Metrics(state) }

    /// The shared event wording in the draft's language, set off for markdown; made once, as it prepares every
    /// event text of the catalog.
    let wording: EventWording

    /// The text of a catalog key with its placeholders filled.
    func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
        words.tr(key, arguments)
    }

    /// The runbooks used, in order of use, that could be loaded.
    var usedRunbooks: [Runbook] { state.runbooksUsed.compactMap { runbooks[$0] } }

    /// A runbook's title and id for prose, escaped.
    func runbookName(_ id: String) -> String {
        let code = MarkdownEscape.codeSpan(id)
        guard let runbook = runbooks[id] else { return code }
        return "\(MarkdownEscape.inline(runbook.title)) (\(code))"
    }

    /// `2026-11-27T08:20:05+08:00 by alice`.
    func stamped(_ stamp: Stamp) -> String {
        tr("pm.stamped", ["time": words.time(stamp.at), "actor": MarkdownEscape.inline(stamp.actor)])
    }

    /// An obvious placeholder for the people who finish the draft, around a prompt from the catalog.
    func todo(_ prompt: String) -> String {
        tr("pm.todo", ["prompt": prompt])
    }

    /// The blocks of section `kind` of every runbook used that has one, with a heading per runbook when there are
    /// several; empty when none has the section.
    func runbookSection(_ kind: SectionKind) -> [String] {
        let sources = usedRunbooks.compactMap { runbook in runbook.section(kind).map { (runbook, $0) } }
        return sources.flatMap { runbook, section -> [String] in
            guard sources.count > 1 else { return BlockMarkdown.lines(section.blocks) }
            return ["### " + tr("pm.runbook_section.from", ["runbook": runbookName(runbook.id)]), ""]
                + BlockMarkdown.lines(section.blocks, headingOffset: 1)
                + [""]
        }
    }

    func header() -> [String] {
        let title = state.title.isEmpty ? incidentID : state.title
        let zone = words.zone(at: state.opened?.at ?? generatedAt)
        return [
            "# " + tr("pm.header.title", ["title": MarkdownEscape.inline(title)]),
            "",
            "> [!WARNING]",
            "> " + tr("pm.header.banner", ["time": words.time(generatedAt)]),
            "",
            "| " + tr("pm.header.status") + " | " + tr("pm.header.authors") + " | " + tr("pm.header.owner") + " | "
                + tr("pm.header.date", ["zone": zone]) + " |",
            "| --- | --- | --- | --- |",
            "| **\(tr("pm.header.draft"))** | \(todo(tr("pm.todo.authors"))) | \(todo(tr("pm.todo.owner"))) | \(incidentDate) |",
        ]
    }

    /// The local day the incident was opened, `2026-11-27`, or a placeholder when the journal has no opening.
    private var incidentDate: String {
        guard let opened = state.opened else { return tr("pm.not_recorded") }
        return String(words.clock.dateTime(opened.at).prefix { $0 != " " })
    }

    func summary() -> [String] {
        ["## " + tr("pm.summary.heading"), "", todo(tr("pm.todo.summary")), "", factsSentence()]
    }

    private func factsSentence() -> String {
        var parts: [String] = []
        let severity = state.severity?.rawValue ?? tr("pm.summary.unrated")
        let values = [
            "severity": severity, "title": MarkdownEscape.inline(state.title),
            "id": MarkdownEscape.codeSpan(incidentID),
        ]
        parts.append(state.drill ? tr("pm.summary.drill", values) : tr("pm.summary.incident", values))
        if let opened = state.opened { parts.append(tr("pm.summary.opened", ["stamp": stamped(opened)])) }
        if !state.runbooksUsed.isEmpty {
            let names = state.runbooksUsed.map(runbookName).joined(separator: tr("pm.list_separator"))
            parts.append(tr("pm.summary.worked_with", ["runbooks": names]))
        }
        if let ttm = metrics.timeToMitigate { parts.append(tr("pm.summary.mitigated", ["span": words.span(ttm)])) }
        if let ttr = metrics.timeToResolve { parts.append(tr("pm.summary.resolved", ["span": words.span(ttr)])) }
        let status = wording.statusName(state.status)
        parts.append(
            state.isClosed
                ? tr("pm.summary.status_closed", ["status": status]) : tr("pm.summary.status", ["status": status]))
        return tr("pm.summary.sentence", ["parts": parts.joined(separator: tr("pm.semicolon"))])
    }

    func lessonsLearned() -> [String] {
        [
            "## " + tr("pm.lessons.heading"), "",
            "### " + tr("pm.lessons.went_well"), "", todo(tr("pm.todo.went_well")), "",
            "### " + tr("pm.lessons.went_wrong"), "", todo(tr("pm.todo.went_wrong")), "",
            "### " + tr("pm.lessons.lucky"), "", todo(tr("pm.todo.lucky")),
        ]
    }

    func diagram() -> [String] {
        ["## " + tr("pm.diagram.heading"), ""]
            + GanttChart.mermaid(
                milestones: state.milestones, sectionTimes: adherence.sectionTimes, runbooks: runbooks,
                localizer: words.localizer, clock: words.clock)
    }
}
