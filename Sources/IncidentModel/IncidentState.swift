import FoundationEssentials
import RunbookKit

/// An incident's current state, derived only by folding its events in journal order.
///
/// Nothing else holds incident state: resuming an incident is replaying its journal through `fold`, and a live
/// view keeps up by calling `apply` for each new event.
public struct IncidentState: Hashable, Sendable {
    /// The title given when the incident was opened; empty until then.
    public var title: String = ""
    /// Whether this is a drill rather than a real incident.
    public var drill: Bool = false
    /// Who opened the incident and when.
    public var opened: Stamp?
    /// The runbook the responder is on now.
    public var currentRunbook: String?
    /// Every runbook used, in the order each was first used.
    public var runbooksUsed: [String] = []
    /// The current status.
    public var status: IncidentStatus = .investigating
    /// Every status the incident has had, the opening's `investigating` first.
    public var statusHistory: [Change<IncidentStatus>] = []
    /// The current severity, once the incident is opened.
    public var severity: Severity?
    /// Every severity the incident has had, the opening's first.
    public var severityHistory: [Change<Severity>] = []
    /// Who plays each role now.
    public var roles: [Role: String] = [:]
    /// Progress through each runbook, by runbook id.
    public var progress: [String: RunbookProgress] = [:]
    /// Every note, in journal order.
    public var notes: [NoteRecord] = []
    /// The events that are pinned now (pinned notes and events pinned later), each by its writer and seq.
    public var pinned: Set<EventRef> = []
    /// Who acknowledged each pinned note, by the note's writer and seq.
    public var acknowledgements: [EventRef: Set<String>] = [:]
    /// Every escalation, in journal order.
    public var escalations: [EscalationRecord] = []
    /// Every command copied to the clipboard, in journal order.
    public var commandsCopied: [CopiedCommandRecord] = []
    /// Every command run, in journal order.
    public var commandsRun: [CommandRunRecord] = []
    /// Every piece of runbook feedback, in journal order.
    public var feedback: [FeedbackRecord] = []
    /// Every export written, in journal order.
    public var exports: [ExportRecord] = []
    /// Who closed the incident and when, while it is closed.
    public var closed: Stamp?
    /// The alerts the incident was opened from, in the order they were attached.
    public var alerts: [AlertRecord] = []
    /// The alerts that stopped firing while the incident was walked, as recorded.
    public var resolvedAlerts: [ResolvedAlertRecord] = []
    /// Every reopening, in journal order.
    public var reopenings: [Stamp] = []
    /// The sequence number of the last event folded in; 0 before any.
    public var lastSeq: Int = 0
    /// The moments the metrics measure between.
    public var milestones = Milestones()

    /// The state before any event.
    public init() {}

    /// The state after `events`, applied in the order given (the journal's order).
    public static func fold(_ events: [Event]) -> IncidentState {
        events.reduce(into: IncidentState()) { state, event in state.apply(event) }
    }

    /// Whether the incident is closed now.
    public var isClosed: Bool { closed != nil }

    /// When the status was last set (the opening counts), for the "time since last status update" nudge.
    public var lastStatusUpdate: Date? {
        statusHistory.last?.stamp.at
    }

    /// Whether the note is pinned now, after every pin change.
    public func isPinned(_ note: NoteRecord) -> Bool {
        pinned.contains(note.stamp.ref)
    }

    /// Whether `actor` acknowledged the note `note`.
    public func isAcknowledged(_ note: EventRef, by actor: String) -> Bool {
        acknowledgements[note]?.contains(actor) ?? false
    }

    /// Every runbook the incident refers to: those it used, in order, then any other with recorded progress, by id.
    public var runbooksReferenced: [String] {
        runbooksUsed + progress.keys.filter { !runbooksUsed.contains($0) }.sorted()
    }

    /// The progress through runbook `id`, empty when nothing was done in it.
    public func progress(of id: String) -> RunbookProgress {
        progress[id] ?? RunbookProgress()
    }

    /// Applies one more event in place.
    public mutating func apply(_ event: Event) {
        let stamp = Stamp(event)
        lastSeq = max(lastSeq, event.seq)
        switch event.kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, let roles):
            self.title = title
            self.drill = drill
            opened = stamp
            use(runbook)
            setStatus(.investigating, stamp)
            setSeverity(severity, stamp)
            self.roles.merge(roles) { _, new in new }
            milestones.acknowledged = stamp.at
        case .alertAttached(let alert):
            alerts.append(alert)
        case .alertResolved(let name, let fingerprint, let endedAt):
            resolvedAlerts.append(
                ResolvedAlertRecord(name: name, fingerprint: fingerprint, endedAt: endedAt, stamp: stamp))
        case .runbookSwitched(let runbook):
            use(runbook)
        case .stepDone(let step):
            progress[step.runbook, default: RunbookProgress()].steps[step.step] =
                StepRecord(step: step, outcome: .done, stamp: stamp)
            progress[step.runbook]?.lastActedStep = step.step
        case .stepSkipped(let step, let reason):
            progress[step.runbook, default: RunbookProgress()].steps[step.step] =
                StepRecord(step: step, outcome: .skipped(reason: reason), stamp: stamp)
            progress[step.runbook]?.lastActedStep = step.step
        case .checklistChecked(let item):
            progress[item.runbook, default: RunbookProgress()].checked[item.item] =
                ChecklistRecord(item: item, stamp: stamp)
        case .checklistUnchecked(let item):
            progress[item.runbook]?.checked[item.item] = nil
        case .note(let text, let pinned, let commander):
            notes.append(NoteRecord(text: text, commander: commander, stamp: stamp))
            if pinned { self.pinned.insert(event.ref) }
        case .statusChanged(let status):
            setStatus(status, stamp)
        case .severityChanged(let severity):
            setSeverity(severity, stamp)
        case .roleAssigned(let role, let person):
            roles[role] = person
        case .escalated(let to):
            escalations.append(EscalationRecord(to: to, stamp: stamp))
        case .commandCopied(let command, let step):
            commandsCopied.append(CopiedCommandRecord(command: command, step: step, stamp: stamp))
        case .commandRan(let run):
            commandsRun.append(CommandRunRecord(run: run, stamp: stamp))
        case .runbookFeedback(let runbook, let step, let text):
            feedback.append(FeedbackRecord(runbook: runbook, step: step, text: text, stamp: stamp))
        case .milestone(.impactStarted):
            milestones.impactStarted = stamp.at
        case .milestone(.detected):
            milestones.detectedRecorded = stamp.at
        case .pinChanged(let seq, let writer, let pinned):
            setPinned(EventRef(seq: seq, writer: writer), pinned)
        case .noteAcknowledged(let seq, let writer):
            acknowledgements[EventRef(seq: seq, writer: writer), default: []].insert(event.actor)
        case .exportWritten(let path, let format):
            exports.append(ExportRecord(path: path, format: format, stamp: stamp))
        case .incidentClosed:
            closed = stamp
        case .reopened:
            reopen(stamp)
        }
    }

    private mutating func use(_ runbook: String) {
        currentRunbook = runbook
        if !runbooksUsed.contains(runbook) { runbooksUsed.append(runbook) }
    }

    private mutating func setStatus(_ status: IncidentStatus, _ stamp: Stamp) {
        self.status = status
        statusHistory.append(Change(value: status, stamp: stamp))
        // Resolving implies mitigation, so a jump straight to resolved sets both milestones.
        if status == .mitigated || status == .resolved, milestones.mitigated == nil {
            milestones.mitigated = stamp.at
        }
        if status == .resolved, milestones.resolved == nil {
            milestones.resolved = stamp.at
        }
    }

    private mutating func setSeverity(_ severity: Severity, _ stamp: Stamp) {
        self.severity = severity
        severityHistory.append(Change(value: severity, stamp: stamp))
    }

    private mutating func setPinned(_ ref: EventRef, _ pinned: Bool) {
        if pinned { self.pinned.insert(ref) } else { self.pinned.remove(ref) }
    }

    /// A reopened incident is live again: it is no longer closed or resolved, and a resolved status goes back to
    /// investigating so that the next resolution sets the milestone afresh.
    private mutating func reopen(_ stamp: Stamp) {
        reopenings.append(stamp)
        closed = nil
        milestones.resolved = nil
        if status == .resolved { setStatus(.investigating, stamp) }
    }
}
