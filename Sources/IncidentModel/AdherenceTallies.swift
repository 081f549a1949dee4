import FoundationEssentials
import RunbookKit

/// The steps done out of order (see `Adherence.report`), gathered an event at a time: only the first time each
/// step was handled is kept, so what it holds follows the runbooks' steps, not the journal's length.
struct StepOrderTally {
    private var firstHandled: [StepKey: Int] = [:]
    private var doneEvents: [(Event, StepRef)] = []

    /// Notes when `event` first did or skipped a step.
    mutating func add(_ event: Event) {
        switch event.kind {
        case .stepDone(let ref):
            guard firstHandled[StepKey(ref)] == nil else { return }
            doneEvents.append((event, ref))
            firstHandled[StepKey(ref)] = event.seq
        case .stepSkipped(let ref, _):
            if firstHandled[StepKey(ref)] == nil { firstHandled[StepKey(ref)] = event.seq }
        default:
            return
        }
    }

    /// The steps done while an earlier step of their runbook (in `runbooks`) was handled only afterwards.
    func steps(runbooks: [String: Runbook]) -> [AdherenceReport.OutOfOrderStep] {
        // A long runbook done out of order compares every step with every earlier one: each runbook's steps are
        // numbered once, with when each was first handled, so that the comparison reads arrays.
        var orders: [String: StepOrder] = [:]
        return doneEvents.compactMap { event, ref in
            guard let runbook = runbooks[ref.runbook] else { return nil }
            let order = orders[ref.runbook] ?? StepOrder(runbook, firstHandled: firstHandled)
            orders[ref.runbook] = order
            guard let index = order.positions[ref.step] else { return nil }
            let overtaken = (0..<index).filter { earlier in
                guard let handled = order.handled[earlier] else { return false }
                return handled > event.seq
            }
            guard !overtaken.isEmpty else { return nil }
            return AdherenceReport.OutOfOrderStep(
                runbook: ref.runbook, step: ref.step, title: runbook.steps[index].title,
                overtook: overtaken.map { runbook.steps[$0].key }, stamp: Stamp(event)
            )
        }
    }

    /// A runbook's steps by position: where each key first appears, and the sequence number of the event that
    /// first handled (did or skipped) the step at each position.
    private struct StepOrder {
        var positions: [String: Int] = [:]
        var handled: [Int?]

        init(_ runbook: Runbook, firstHandled: [StepKey: Int]) {
            for (position, step) in runbook.steps.enumerated() where positions[step.key] == nil {
                positions[step.key] = position
            }
            handled = runbook.steps.map { firstHandled[StepKey(runbook: runbook.id, step: $0.key)] }
        }
    }
}

/// The runs that match no runbook command, with the runbook in use when each ran, gathered an event at a time. A
/// long incident runs the same few commands many times, so each distinct run is matched once. The matcher may be of
/// fewer runbooks than the incident uses in the end (those used so far): a run it matches is matched by more
/// runbooks too, and the runs it does not match are kept to be matched again by the final one.
struct UnlistedCommandTally {
    private(set) var matcher: RunbookCommandMatcher
    /// The runs found so far that the matcher does not match, each with what matching it again reads.
    private var candidates: [(text: RunText, command: AdherenceReport.UnlistedCommand)] = []
    private var currentRunbook: String?
    private var listed: [RunText: Bool] = [:]

    init(matcher: RunbookCommandMatcher) {
        self.matcher = matcher
    }

    /// Matches the runs from now on with `wider`, a matcher of the runbooks of the one before and more.
    mutating func widen(to wider: RunbookCommandMatcher) {
        matcher = wider
        // A run matched stays matched; one not matched may be now.
        listed = listed.filter(\.value)
    }

    /// Matches `event` when it is a run, and follows the runbook in use.
    mutating func add(_ event: Event) {
        switch event.kind {
        case .commandRan(let run):
            let key = RunText(command: run.command, placeholders: run.placeholders)
            let isListed = listed[key] ?? matcher.contains(run)
            listed[key] = isListed
            if !isListed {
                candidates.append((key, .init(command: run.command, runbook: currentRunbook, stamp: Stamp(event))))
            }
        case .incidentOpened(_, _, let runbook, _, _), .runbookSwitched(let runbook):
            currentRunbook = runbook
        default:
            return
        }
    }

    /// The runs that match no command of `final`, in journal order; nil when the tally's matcher was the final one
    /// all along.
    func unlisted(final: RunbookCommandMatcher?) -> [AdherenceReport.UnlistedCommand] {
        guard let final else { return candidates.map(\.command) }
        var listed: [RunText: Bool] = [:]
        return candidates.compactMap { candidate in
            let text = candidate.text
            let isListed =
                listed[text]
                ?? final.contains(
                    CommandRun(
                        command: text.command, placeholders: text.placeholders, exitCode: nil, durationSeconds: 0,
                        outputExcerpt: ""))
            listed[text] = isListed
            return isListed ? nil : candidate.command
        }
    }

    /// What `RunbookCommandMatcher.contains(_:)` looks at in a run.
    private struct RunText: Hashable {
        var command: String
        var placeholders: [String: String]
    }
}

/// The time charged to each section of the runbooks used (see `Adherence.report`), gathered an event at a time.
/// A step is charged only once the runbook it belongs to is learned; the times reported are those of the runbooks
/// used, so a runbook learned that the incident did not use changes nothing.
struct SectionTimeTally {
    /// The section of each step of each runbook learned, the first runbook and step of an id or key winning.
    private var sections: [String: [String: SectionKind]] = [:]
    private var mark: [String: Date] = [:]
    private var charged: [StepKey: (seconds: TimeInterval, start: Date, end: Date)] = [:]

    /// Learns the sections of `runbook`'s steps, unless a runbook of its id was learned before.
    mutating func learn(_ runbook: Runbook) {
        guard sections[runbook.id] == nil else { return }
        var byKey: [String: SectionKind] = [:]
        for step in runbook.steps where byKey[step.key] == nil { byKey[step.key] = step.section }
        sections[runbook.id] = byKey
    }

    /// Charges a step event the time since the last mark of its runbook, and marks openings and switches.
    mutating func add(_ event: Event) {
        let ref: StepRef
        switch event.kind {
        case .incidentOpened(_, _, let runbook, _, _), .runbookSwitched(let runbook):
            mark[runbook] = event.occurredAt
            return
        case .stepDone(let step), .stepSkipped(let step, _):
            ref = step
        default:
            return
        }
        guard let section = sections[ref.runbook]?[ref.step] else { return }
        let start = mark[ref.runbook] ?? event.occurredAt
        let key = StepKey(runbook: ref.runbook, step: section.rawValue)
        let previous = charged[key]
        charged[key] = (
            (previous?.seconds ?? 0) + max(0, event.occurredAt.timeIntervalSince(start)),
            previous?.start ?? start,
            max(previous?.end ?? event.occurredAt, event.occurredAt)
        )
        mark[ref.runbook] = event.occurredAt
    }

    /// Each section's time, in the order of the runbooks `used` and of their sections.
    func times(used: [Runbook]) -> [AdherenceReport.SectionTime] {
        var charged = charged
        return used.flatMap { runbook in
            runbook.sections.compactMap { section -> AdherenceReport.SectionTime? in
                guard let time = charged[StepKey(runbook: runbook.id, step: section.kind.rawValue)] else { return nil }
                charged[StepKey(runbook: runbook.id, step: section.kind.rawValue)] = nil
                return AdherenceReport.SectionTime(
                    runbook: runbook.id, section: section.kind, title: section.title,
                    seconds: time.seconds, start: time.start, end: time.end
                )
            }
        }
    }
}
