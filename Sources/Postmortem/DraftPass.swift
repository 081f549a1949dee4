import FoundationEssentials
import IncidentModel

/// The lists of the draft that grow with the journal, each in its own spool.
struct DraftLists<Spool: DraftSpool> {
    /// Detection: the alerts the incident was opened from.
    var alerts: Spool
    /// Impact: the notes pinned now.
    var pinnedNotes: Spool
    /// Resolution: the commands run from Resolution steps.
    var resolutionCommands: Spool
    /// Timeline: a row per event, in timeline order.
    var timeline: Spool
    /// Timeline: the commands of several lines that rows point to, numbered.
    var evidence: Spool
    /// Actions Taken: every command run.
    var commands: Spool
    /// Actions Taken: the escalations.
    var escalations: Spool
    /// Communication: the escalations and the commander's notes, in journal order.
    var communication: Spool
    /// Action Items: the runbook feedback.
    var feedback: Spool
}

/// The second read of the journal: each event's lines go to the lists it belongs in as it passes, and the
/// timeline's rows are written in timeline order, the late events the first read held put in their place.
struct DraftPass<Spool: DraftSpool> {
    let draft: PostmortemDraft
    private(set) var lists: DraftLists<Spool>
    /// The late events not written yet, in timeline order.
    private var late: [(position: Int, event: Event)]
    private var nextLate = 0
    /// The journal positions of the late events, in journal order, to pass over when they come.
    private let latePositions: [Int]
    private var nextLatePosition = 0
    private var position = 0
    private var evidenceCount = 0
    private var resolutionBlocks = CommandBlocks(indent: "  ")
    private var commandBlocks = CommandBlocks(indent: "  ")
    private var evidenceBlocks = CommandBlocks(indent: "")
    private let wording: EventWording
    private let start: Date?

    /// A pass for `draft`, with the late events of the first read (in timeline order) and a spool per list.
    init(draft: PostmortemDraft, late: [(position: Int, event: Event)], spool: () -> Spool) {
        self.draft = draft
        self.late = late
        latePositions = late.map(\.position).sorted()
        lists = DraftLists(
            alerts: spool(), pinnedNotes: spool(), resolutionCommands: spool(), timeline: spool(), evidence: spool(),
            commands: spool(), escalations: spool(), communication: spool(), feedback: spool())
        wording = draft.wording
        start = draft.state.milestones.start
    }

    /// Takes the next event of the second read, in journal order.
    mutating func add(_ event: Event) {
        defer { position += 1 }
        gather(event)
        if nextLatePosition < latePositions.count, latePositions[nextLatePosition] == position {
            nextLatePosition += 1
            return
        }
        guard !event.kind.isBookkeeping else { return }
        while nextLate < late.count, precedes(late[nextLate], (position, event)) {
            row(late[nextLate].event)
            nextLate += 1
        }
        row(event)
    }

    /// Writes the rows of the late events that come after every other.
    mutating func finish() {
        while nextLate < late.count {
            row(late[nextLate].event)
            nextLate += 1
        }
        late = []
    }

    private mutating func gather(_ event: Event) {
        let stamp = Stamp(event)
        switch event.kind {
        case .alertAttached(let alert):
            lists.alerts.append(line: draft.detectionAlert(alert))
        case .note(let text, _, let commander):
            let note = NoteRecord(text: text, commander: commander, stamp: stamp)
            if draft.state.isPinned(note) { lists.pinnedNotes.append(line: draft.pinnedNoteLine(note)) }
            if commander { lists.communication.append(line: draft.commanderNoteLine(note)) }
        case .escalated(let to):
            let line = "- " + draft.escalationLine(EscalationRecord(to: to, stamp: stamp))
            lists.escalations.append(line: line)
            lists.communication.append(line: line)
        case .commandRan(let run):
            let record = CommandRunRecord(run: run, stamp: stamp)
            if run.step.map(draft.isResolution) ?? false {
                for line in draft.commandLines(record, blocks: &resolutionBlocks) {
                    lists.resolutionCommands.append(line: line)
                }
            }
            for line in draft.commandLines(record, blocks: &commandBlocks) { lists.commands.append(line: line) }
        case .runbookFeedback(let runbook, let step, let text):
            lists.feedback.append(
                line: draft.feedbackRow(FeedbackRecord(runbook: runbook, step: step, text: text, stamp: stamp)))
        default:
            break
        }
    }

    /// The timeline's row for `event`, pinned events marked ⭐. A command of several lines cannot sit in a table
    /// cell without losing its lines, so its row points to the evidence below the table, numbered.
    private mutating func row(_ event: Event) {
        let mark = draft.state.pinned.contains(event.ref) ? wording.pinnedMark : ""
        let description: String
        if case .commandRan(let run) = event.kind, CommandMarkdown.isMultiline(run.command) {
            evidenceCount += 1
            description = draft.tr(
                "pm.timeline.evidence_row",
                [
                    "lines": String(CommandMarkdown.lineCount(run.command)), "number": String(evidenceCount),
                    "outcome": wording.outcome(run),
                ])
            evidence(run, Stamp(event))
        } else {
            description = wording.describe(event.kind)
        }
        // Who recorded what from which machine, once the incident was worked from more than one.
        let actor =
            draft.severalWriters
            ? draft.tr(
                "pm.timeline.actor_on_machine",
                ["actor": event.actor, "machine": event.writer ?? draft.tr("pm.timeline.opening_machine")])
            : event.actor
        let words = draft.words
        lists.timeline.append(
            line:
                "| \(words.time(event.occurredAt)) | \(words.elapsed(event.occurredAt, since: start)) | \(MarkdownEscape.inline(actor)) | \(mark)\(description) |"
        )
    }

    /// The evidence a numbered row points to: the command, as a fenced block, and the step it came from.
    private mutating func evidence(_ run: CommandRun, _ stamp: Stamp) {
        let values = ["number": String(evidenceCount), "stamp": draft.stamped(stamp)]
        let heading =
            run.step.map { step in
                draft.tr(
                    "pm.evidence.from_step",
                    values.merging(
                        ["step": MarkdownEscape.codeSpan(step.step), "runbook": MarkdownEscape.codeSpan(step.runbook)]
                    ) { $1 })
            } ?? draft.tr("pm.evidence.item", values)
        for line in ["", heading, ""] + evidenceBlocks.block(run.command) { lists.evidence.append(line: line) }
    }
}
