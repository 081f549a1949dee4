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
        return report(state: state, atResolution: atResolution, runbooks: runbooks, matcher: matcher) { body in
            events.forEach(body)
        }
    }

    /// `report(events:runbooks:matcher:)` of a journal already folded into `state` and `atResolution` (as
    /// `IncidentState.replayWithResolution` folds it), whose events `walk` passes to its argument in journal
    /// order; it is walked once, so a journal too long to hold can be read again from its files for it.
    public static func report(
        state: IncidentState, atResolution: IncidentState?, runbooks: [String: Runbook],
        matcher: RunbookCommandMatcher? = nil, events walk: ((Event) -> Void) throws -> Void
    ) rethrows -> AdherenceReport {
        let used = state.runbooksUsed.compactMap { runbooks[$0] }
        var tally = AdherenceTally(used: used, matcher: matcher ?? RunbookCommandMatcher(runbooks: used))
        try walk { tally.add($0) }
        return report(state: state, atResolution: atResolution, runbooks: runbooks, tally: tally)
    }

    /// `report(events:runbooks:matcher:)` of a journal folded into `state` and `atResolution` (as
    /// `IncidentState.replayWithResolution` folds it) and, in the same pass, into `tally`: a journal too long to
    /// hold is read once for both. `runbooks` are those the tally looked up, by id.
    public static func report(
        state: IncidentState, atResolution: IncidentState?, runbooks: [String: Runbook], tally: AdherenceTally
    ) -> AdherenceReport {
        let used = state.runbooksUsed.compactMap { runbooks[$0] }
        var report = AdherenceReport()
        report.skipped = skippedSteps(state, runbooks: runbooks)
        report.outOfOrder = tally.order.steps(runbooks: runbooks)
        report.unlistedCommands = tally.commands.unlisted(
            final: tally.matchesFinally ? nil : RunbookCommandMatcher(runbooks: used))
        report.openItems = openVerificationItems(atResolution ?? state, used: used)
        report.openItemsAtResolution = atResolution != nil
        report.sectionTimes = tally.sections.times(used: used)
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

    private static func openVerificationItems(_ measured: IncidentState, used: [Runbook]) -> [AdherenceReport.OpenItem]
    {
        used.flatMap { runbook in
            measured.openVerificationItems(of: runbook).map {
                AdherenceReport.OpenItem(runbook: runbook.id, item: $0.number, text: $0.text)
            }
        }
    }

    private static func title(of ref: StepRef, in runbooks: [String: Runbook]) -> String {
        runbooks[ref.runbook]?.steps.first { $0.key == ref.step }?.title ?? ref.title
    }
}

/// A step, or a section, within one runbook, as a dictionary key.
struct StepKey: Hashable {
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
