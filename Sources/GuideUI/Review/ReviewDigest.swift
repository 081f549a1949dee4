import IncidentModel
import RunbookKit

/// What the review derives from the journal beyond the incident's state (which the session keeps, folded): the
/// adherence report, kept so that drawing a frame does not replay the journal.
struct ReviewDigest: Hashable, Sendable {
    /// How closely it followed its runbooks.
    var adherence = AdherenceReport()
    /// How many times the adherence report (and with it the progress it goes with) was made: what is laid out
    /// from them is current while it was made at the same revision.
    private(set) var revision = 0
    /// The runbooks the incident refers to, by id, as looked up when the report was made; the progress pane
    /// reads them from here rather than asking the library again.
    private(set) var runbooks: [String: Runbook] = [:]
    /// The command matcher of the runbooks used, kept while the incident uses the same ones.
    private var commands: UsedRunbookCommands?

    init() {}

    /// The digest of a loaded journal, compared with the library's runbooks.
    init(session: IncidentSession, library: Library) {
        remakeAdherence(session, library: library)
    }

    /// Takes in the events merged into `session` since it held `known` events, the last numbered `lastSeq`.
    mutating func absorb(_ session: IncidentSession, known: Int, lastSeq: Int, library: Library) {
        let events = session.events
        // The adherence report replays the whole journal; events that cannot change it (notes, pins, exports,
        // roles …) leave it as it was, so a busy note-taker does not make every arrival a full replay. A late
        // arrival merged in the middle is among the last `events.count - known` only approximately, so any
        // arrival that is not at the end replays too.
        let fresh = events.suffix(max(0, events.count - known))
        let late = (fresh.first?.seq ?? 0) <= lastSeq
        if fresh.contains(where: { $0.kind.affectsAdherence }) || late {
            remakeAdherence(session, library: library)
        }
    }

    /// Makes the report again with runbooks the library has been given since.
    mutating func remake(_ session: IncidentSession, library: Library) {
        remakeAdherence(session, library: library)
    }

    private mutating func remakeAdherence(_ session: IncidentSession, library: Library) {
        let state = session.state
        runbooks = state.runbooks(lookup: library.runbook)
        let used = state.runbooksUsed.filter { runbooks[$0] != nil }
        if commands?.ids != used {
            commands = UsedRunbookCommands(
                ids: used, matcher: RunbookCommandMatcher(runbooks: used.compactMap { runbooks[$0] }))
        }
        adherence = Adherence.report(events: session.events, runbooks: runbooks, matcher: commands?.matcher)
        revision += 1
    }
}

// The revision, the runbooks and the matcher are bookkeeping: two digests of the same journal are the same digest.
extension ReviewDigest {
    static func == (lhs: ReviewDigest, rhs: ReviewDigest) -> Bool {
        lhs.adherence == rhs.adherence
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(adherence)
    }
}

/// The command matcher of the runbooks an incident used, with their ids to tell when it must be made again.
private struct UsedRunbookCommands: Sendable {
    let ids: [String]
    let matcher: RunbookCommandMatcher
}

extension EventKind {
    /// Whether the event can change the adherence report. It also decides when the review's progress pane is
    /// made again: the digest's revision moves only on these events, and the pane is kept while it does not, so
    /// an event that changes the progress the pane shows (steps, checks, runbooks used) must be one of them.
    var affectsAdherence: Bool {
        switch self {
        case .incidentOpened, .runbookSwitched, .stepDone, .stepSkipped, .checklistChecked, .checklistUnchecked,
            .statusChanged, .commandRan, .reopened:
            true
        case .alertAttached, .alertResolved, .note, .severityChanged, .roleAssigned, .escalated, .commandCopied,
            .runbookFeedback, .milestone,
            .pinChanged, .noteAcknowledged, .exportWritten, .incidentClosed:
            false
        }
    }
}
