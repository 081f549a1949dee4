import FoundationEssentials
import RunbookKit

/// What the adherence report (`Adherence.report`) gathers from each event, gathered an event at a time in journal
/// order beside the fold of the same events, so that a journal too long to hold is read once for both. What it
/// holds follows the runbooks' steps, the distinct commands run and the deviations found, not the journal's length.
public struct AdherenceTally {
    var order = StepOrderTally()
    var commands: UnlistedCommandTally
    var sections = SectionTimeTally()
    private let lookup: ((String) -> Runbook?)?
    private var looked: [String: Runbook?] = [:]
    private var used: [Runbook] = []

    /// A tally of an incident whose runbooks are looked up in `lookup` as its events name them, each id once:
    /// which runbooks it uses is known only at its last event.
    public init(lookup: @escaping (String) -> Runbook?) {
        self.lookup = lookup
        commands = UnlistedCommandTally(matcher: RunbookCommandMatcher(runbooks: []))
    }

    /// A tally of an incident known to use `used`, in order of use, whose commands `matcher` matches.
    init(used: [Runbook], matcher: RunbookCommandMatcher) {
        lookup = nil
        commands = UnlistedCommandTally(matcher: matcher)
        for runbook in used { sections.learn(runbook) }
    }

    /// Whether the commands were matched by the runbooks the incident used in the end from the first event on: so
    /// when the runbooks were known before the first event, not looked up as the events named them.
    var matchesFinally: Bool { lookup == nil }

    /// Adds the next event in journal order.
    public mutating func add(_ event: Event) {
        if lookup != nil { learnRunbook(of: event) }
        order.add(event)
        commands.add(event)
        sections.add(event)
    }

    /// Looks up the runbook an opening, a switch or a step names, the first time it is named: its steps' sections
    /// are charged from then on, and a runbook opened or switched to has its commands matched.
    private mutating func learnRunbook(of event: Event) {
        let id: String
        let isUse: Bool
        switch event.kind {
        case .incidentOpened(_, _, let runbook, _, _), .runbookSwitched(let runbook):
            (id, isUse) = (runbook, true)
        case .stepDone(let ref), .stepSkipped(let ref, _):
            (id, isUse) = (ref.runbook, false)
        default:
            return
        }
        let runbook: Runbook?
        if let known = looked[id] {
            runbook = known
        } else {
            runbook = lookup?(id)
            looked[id] = runbook
        }
        guard let runbook else { return }
        sections.learn(runbook)
        if isUse, !used.contains(where: { $0.id == id }) {
            used.append(runbook)
            commands.widen(to: RunbookCommandMatcher(runbooks: used))
        }
    }
}
