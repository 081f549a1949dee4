import FoundationEssentials
import Localization
import RunbookKit

/// Compares what happened in an incident with what its runbooks say.
public enum Adherence {
    /// The adherence report of the incident whose journal is `events`, against `runbooks` (by id).
    ///
    /// - Skipped steps: every step whose latest event is a skip.
    /// - Out of order: a step done while a step earlier in its runbook was not yet done or skipped, counted only
    ///   when that earlier step was handled afterwards (a step never reached is not overtaken).
    /// - Unlisted commands: runs whose text matches no command of any runbook used (`RunbookCommandMatcher`).
    /// - Open verification items: items of each runbook used that were unchecked when the incident was last
    ///   resolved, or now when it is not resolved.
    /// - Time per section: each step event (done or skipped) is charged the time since the previous step event in
    ///   the same runbook, or since the incident was opened on or switched to that runbook if that came later;
    ///   a section's time is the sum charged to its steps.
    ///
    /// `matcher` is the command matcher of the runbooks the incident used: `RunbookCommandMatcher(runbooks:)` of
    /// the ids in its `IncidentState.runbooksUsed` found in `runbooks`, in that order. A caller that reports on
    /// the same incident again as it grows can keep it instead of having it made for every report.
    public static func report(
        events: [Event], runbooks: [String: Runbook], matcher: RunbookCommandMatcher? = nil
    ) -> AdherenceReport {
        let (state, atResolution) = IncidentState.replayWithResolution(events)
        let used = state.runbooksUsed.compactMap { runbooks[$0] }
        var report = AdherenceReport()
        report.skipped = skippedSteps(state, runbooks: runbooks)
        report.outOfOrder = outOfOrderSteps(events, runbooks: runbooks)
        report.unlistedCommands = unlistedCommands(events, matcher: matcher ?? RunbookCommandMatcher(runbooks: used))
        report.openItems = openVerificationItems(atResolution ?? state, used: used)
        report.openItemsAtResolution = atResolution != nil
        report.sectionTimes = sectionTimes(events, used: used)
        // The report's own suggestions are English, the language of the JSON export; the draft asks for its own.
        report.suggestions = report.suggestions(in: Localizer(.english))
        return report
    }

    private static func skippedSteps(
        _ state: IncidentState, runbooks: [String: Runbook]
    ) -> [AdherenceReport.SkippedStep] {
        state.progress.values.flatMap(\.steps.values)
            .compactMap { record -> AdherenceReport.SkippedStep? in
                guard case .skipped(let reason) = record.outcome else { return nil }
                return AdherenceReport.SkippedStep(
                    runbook: record.step.runbook, step: record.step.step,
                    title: title(of: record.step, in: runbooks), reason: reason, stamp: record.stamp
                )
            }
            .sorted { $0.stamp.isBefore($1.stamp) }
    }

    private static func outOfOrderSteps(_ events: [Event], runbooks: [String: Runbook]) -> [AdherenceReport
        .OutOfOrderStep]
    {
        var firstHandled: [StepKey: Int] = [:]
        var doneEvents: [(Event, StepRef)] = []
        for event in events {
            switch event.kind {
            case .stepDone(let ref):
                guard firstHandled[StepKey(ref)] == nil else { continue }
                doneEvents.append((event, ref))
                firstHandled[StepKey(ref)] = event.seq
            case .stepSkipped(let ref, _):
                if firstHandled[StepKey(ref)] == nil { firstHandled[StepKey(ref)] = event.seq }
            default:
                continue
            }
        }
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

    /// Runs that match no runbook command, with the runbook in use when each ran. A long incident runs the same
    /// few commands many times, so each distinct run is matched once.
    private static func unlistedCommands(_ events: [Event], matcher: RunbookCommandMatcher) -> [AdherenceReport
        .UnlistedCommand]
    {
        var currentRunbook: String?
        var listed: [RunText: Bool] = [:]
        var unlisted: [AdherenceReport.UnlistedCommand] = []
        for event in events {
            switch event.kind {
            case .commandRan(let run):
                let key = RunText(command: run.command, placeholders: run.placeholders)
                let isListed = listed[key] ?? matcher.contains(run)
                listed[key] = isListed
                if !isListed {
                    unlisted.append(.init(command: run.command, runbook: currentRunbook, stamp: Stamp(event)))
                }
            case .incidentOpened(_, _, let runbook, _, _), .runbookSwitched(let runbook):
                currentRunbook = runbook
            default:
                continue
            }
        }
        return unlisted
    }

    /// What `RunbookCommandMatcher.contains(_:)` looks at in a run.
    private struct RunText: Hashable {
        var command: String
        var placeholders: [String: String]
    }

    private static func openVerificationItems(_ measured: IncidentState, used: [Runbook]) -> [AdherenceReport.OpenItem]
    {
        used.flatMap { runbook in
            measured.openVerificationItems(of: runbook).map {
                AdherenceReport.OpenItem(runbook: runbook.id, item: $0.number, text: $0.text)
            }
        }
    }

    private static func sectionTimes(_ events: [Event], used: [Runbook]) -> [AdherenceReport.SectionTime] {
        // The section of each step of each runbook used, the first runbook and step of an id or key winning.
        var sections: [String: [String: SectionKind]] = [:]
        for runbook in used where sections[runbook.id] == nil {
            var byKey: [String: SectionKind] = [:]
            for step in runbook.steps where byKey[step.key] == nil { byKey[step.key] = step.section }
            sections[runbook.id] = byKey
        }
        var mark: [String: Date] = [:]
        var charged: [StepKey: (seconds: TimeInterval, start: Date, end: Date)] = [:]
        for event in events {
            let ref: StepRef
            switch event.kind {
            case .incidentOpened(_, _, let runbook, _, _), .runbookSwitched(let runbook):
                mark[runbook] = event.occurredAt
                continue
            case .stepDone(let step), .stepSkipped(let step, _):
                ref = step
            default:
                continue
            }
            guard let section = sections[ref.runbook]?[ref.step] else { continue }
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

    private static func title(of ref: StepRef, in runbooks: [String: Runbook]) -> String {
        runbooks[ref.runbook]?.steps.first { $0.key == ref.step }?.title ?? ref.title
    }
}

/// A step, or a section, within one runbook, as a dictionary key.
private struct StepKey: Hashable {
    var runbook: String
    var step: String

    init(runbook: String, step: String) {
        self.runbook = runbook
        self.step = step
    }

    init(_ ref: StepRef) {
        self.init(runbook: ref.runbook, step: ref.step)
    }
}
