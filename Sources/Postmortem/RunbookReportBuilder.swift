import FoundationEssentials
import IncidentModel
import RunbookKit

/// Gathers a `RunbookReport` one incident at a time, so that a home of thousands of incidents is read with one
/// journal in memory at a time.
///
/// What counts:
/// - An incident counts when it was opened in the window; a drill counts apart from the real incidents.
/// - An incident counts for every runbook it used (opened on or switched to). Medians are of real incidents only;
///   the evidence (skipped steps, items open at resolution, commands, feedback) comes from drills too, since a
///   drill shows a runbook's gaps as well as an incident does.
/// - Drills opened in the last quarter (the 92 days before the window's end) count for `people[].drilledP0`,
///   `undrilledP0` and `drillsDue` whether or not they fall in the window.
public struct RunbookReportBuilder: Sendable {
    /// The length of the quarter drills are counted over, as the Quarterly review cycle counts it.
    public static let quarterDays = ReviewCycle.quarterly.days

    /// As much of each journal line as `digest` reads: the text of the kinds that open, switch, walk, resolve and
    /// reopen an incident, its commands and its feedback, without their output; notes, copies, escalations,
    /// roles, pins, alerts and exports only as far as the fold and the journal's order need them (envelope and
    /// kind).
    public static let reading = EventReading(
        textOf: [
            .incidentOpened, .runbookSwitched, .stepDone, .stepSkipped, .checklistChecked, .checklistUnchecked,
            .statusChanged, .commandRan, .runbookFeedback, .milestone, .incidentClosed, .reopened,
        ], commandOutput: false)

    private let library: [Runbook]
    private let byID: [String: Runbook]
    private let window: ReportWindow
    private let now: Date
    private let reviewed: Set<String>
    private var matchers: [String: RunbookCommandMatcher] = [:]
    private var listedRuns: [IncidentDigest.Run: Bool] = [:]
    private var usage: [String: Usage] = [:]
    private var unknownOrder: [String] = []
    private var walked: [String: Set<String>] = [:]
    private var drilledP0: [String: Set<String>] = [:]
    private var drilledInQuarter: Set<String> = []
    private var lastDrill: [String: Date] = [:]
    private var incidents = 0
    private var drills = 0
    private var damagedLines = 0

    /// A builder for `library` (every runbook, in the catalog's order) over `window`, with `now` deciding which
    /// runbooks are past their review and `reviewed` the feedback references marked reviewed.
    public init(library: [Runbook], window: ReportWindow, now: Date, reviewed: Set<String>) {
        self.library = library
        var byID: [String: Runbook] = [:]
        for runbook in library where byID[runbook.id] == nil { byID[runbook.id] = runbook }
        self.byID = byID
        self.window = window
        self.now = now
        self.reviewed = reviewed
    }

    /// The start of the quarter drills are counted over.
    public var quarterStart: Date { window.end.addingTimeInterval(-Double(Self.quarterDays) * 86_400) }

    /// Whether the incident `opening` opens matters to the report: opened in the window, or a drill opened before
    /// the window's end. A caller can skip reading the rest of a journal that does not.
    public func matters(opening: Event) -> Bool {
        guard case .incidentOpened(_, _, _, let drill, _) = opening.kind else { return false }
        return window.contains(opening.occurredAt) || (drill && opening.occurredAt < window.end)
    }

    /// Adds the incident `id` whose journal holds `events` (in journal order), `damagedLines` of it set aside
    /// when it was read. A journal that does not start with its opening is left out.
    public mutating func add(incident id: String, events: [Event], damagedLines: Int) {
        if let digest = digest(incident: id, events: events, damagedLines: damagedLines) { add(digest) }
    }

    /// What the incident `id` whose journal holds `events` tells the report, or nil when it does not count. It
    /// reads nothing the builder gathers, so journals can be digested on every core at once and their events
    /// dropped there; `add(_:)` then counts each digest in turn.
    public func digest(incident id: String, events: [Event], damagedLines: Int) -> IncidentDigest? {
        guard let first = events.first, matters(opening: first) else { return nil }
        var gathered = Gathered(byID: byID)
        // The digest reads the state's runbooks, progress and milestones, never its notes or commands.
        let (state, atResolution) = IncidentState.replayWithResolution(events, keepsRecords: false) {
            gathered.visit($0)
        }
        let metrics = Metrics(state)
        var digest = IncidentDigest(
            opened: first.occurredAt, drill: state.drill, runbooksUsed: state.runbooksUsed,
            damagedLines: damagedLines, timeToMitigate: metrics.timeToMitigate,
            timeToResolve: metrics.timeToResolve, walks: gathered.walks)
        if let atResolution {
            for runbookID in state.runbooksUsed {
                guard let runbook = byID[runbookID] else { continue }
                digest.openAtResolution[runbookID] = atResolution.openVerificationItems(of: runbook).map {
                    ($0.number, $0.text)
                }
            }
        }
        digest.skipped = skipped(state)
        digest.runs = gathered.runs
        for event in gathered.feedback {
            guard case .runbookFeedback(let runbook, let step, let text) = event.kind else { continue }
            let reference = event.reference(inIncident: id)
            digest.feedback.append(
                (
                    runbook,
                    RunbookReport.Feedback(
                        reference: reference, incident: id, step: step, author: event.actor, at: event.occurredAt,
                        text: text, reviewed: reviewed.contains(reference))
                ))
        }
        return digest
    }

    /// Counts an incident that `digest(incident:events:damagedLines:)` read.
    public mutating func add(_ digest: IncidentDigest) {
        let opened = digest.opened
        if digest.drill { noteDrill(digest) }
        guard window.contains(opened) else { return }
        self.damagedLines += digest.damagedLines
        if digest.drill { drills += 1 } else { incidents += 1 }
        for runbookID in digest.runbooksUsed {
            update(runbookID) { usage in
                if digest.drill { usage.drills += 1 } else { usage.incidents += 1 }
                usage.lastUsed = max(usage.lastUsed ?? opened, opened)
                if !digest.drill {
                    if let value = digest.timeToMitigate { usage.mitigate.append(value) }
                    if let value = digest.timeToResolve { usage.resolve.append(value) }
                }
                for item in digest.openAtResolution[runbookID] ?? [] { usage.open.add(item.number, item: item) }
            }
        }
        for skip in digest.skipped {
            update(skip.runbook) { usage in
                usage.skipped.add(skip.step, item: (skip.title, [])) { step in
                    if let index = step.reasons.firstIndex(where: { $0.text == skip.reason }) {
                        step.reasons[index].at = min(step.reasons[index].at, skip.at)
                    } else {
                        step.reasons.append((skip.reason, skip.at))
                    }
                }
            }
        }
        addCommands(digest.runs)
        for (runbook, feedback) in digest.feedback { update(runbook) { $0.feedback.append(feedback) } }
        for walk in digest.walks { walked[walk.actor, default: []].insert(walk.runbook) }
    }

    /// The report of every incident added.
    public func report() -> RunbookReport {
        let today = CalendarDay(utc: now)
        let known = library.reduce(into: [String]()) { ids, runbook in
            if !ids.contains(runbook.id) { ids.append(runbook.id) }
        }
        var rows = (known + unknownOrder).map { id in
            usage(id, runbook: byID[id], today: today)
        }
        let order = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        rows.sort { lhs, rhs in
            if lhs.attention != rhs.attention { return lhs.attention > rhs.attention }
            let (left, right) = (lhs.incidents + lhs.drills, rhs.incidents + rhs.drills)
            if left != right { return left > right }
            return (order[lhs.id] ?? 0) < (order[rhs.id] ?? 0)
        }
        let due = library.filter { runbook in
            guard let severity = runbook.severity, severity <= .p1, runbook.kind == .incident else { return false }
            return !drilledInQuarter.contains(runbook.id)
        }
        let names = Set(walked.keys).union(drilledP0.keys).sorted()
        return RunbookReport(
            generatedAt: now, since: window.start, until: window.end, incidents: incidents, drills: drills,
            damagedLines: damagedLines, runbooks: rows,
            people: names.map { name in
                RunbookReport.Person(
                    name: name, walked: (walked[name] ?? []).sorted(), drilledP0: (drilledP0[name] ?? []).sorted())
            },
            undrilledP0: due.filter { $0.severity == .p0 }.map(\.id),
            drillsDue: due.map {
                RunbookReport.DrillDue(id: $0.id, severity: $0.severity ?? .p1, lastDrill: lastDrill[$0.id])
            }
        )
    }

    private func usage(_ id: String, runbook: Runbook?, today: CalendarDay) -> RunbookReport.RunbookUsage {
        let gathered = usage[id] ?? Usage()
        let review = ReviewStatus(runbook?.footer, today: today)
        return RunbookReport.RunbookUsage(
            id: id, title: runbook?.title ?? id, severity: runbook?.severity, inLibrary: runbook != nil,
            incidents: gathered.incidents, drills: gathered.drills,
            medianTimeToMitigate: Self.median(gathered.mitigate),
            medianTimeToResolve: Self.median(gathered.resolve), lastUsed: gathered.lastUsed,
            skippedSteps: gathered.skipped.ranked.map { key, tally in
                RunbookReport.SkippedStep(
                    step: key, title: tally.item.title, count: tally.count,
                    reasons: tally.item.reasons.sorted { ($0.at, $0.text) < ($1.at, $1.text) }.map(\.text))
            },
            openAtResolution: gathered.open.ranked.map { _, tally in
                RunbookReport.OpenItem(item: tally.item.0, text: tally.item.1, count: tally.count)
            },
            commandsNotInRunbook: gathered.commands.ranked.map { command, tally in
                RunbookReport.UnlistedCommand(command: command, count: tally.count, incidents: tally.item)
            },
            feedback: gathered.feedback.sorted { ($0.at, $0.reference) < ($1.at, $1.reference) },
            stale: review.stale, lastUpdated: runbook?.footer.lastUpdated, reviewCycle: review.cycle?.rawValue,
            reviewDue: review.due.map(\.description)
        )
    }

    private mutating func update(_ runbookID: String, _ change: (inout Usage) -> Void) {
        if usage[runbookID] == nil, byID[runbookID] == nil { unknownOrder.append(runbookID) }
        change(&usage[runbookID, default: Usage()])
    }

    private mutating func noteDrill(_ digest: IncidentDigest) {
        let opened = digest.opened
        for runbookID in digest.runbooksUsed { lastDrill[runbookID] = max(lastDrill[runbookID] ?? opened, opened) }
        guard opened >= quarterStart else { return }
        drilledInQuarter.formUnion(digest.runbooksUsed)
        for walk in digest.walks where byID[walk.runbook]?.severity == .p0 {
            drilledP0[walk.actor, default: []].insert(walk.runbook)
        }
    }

    /// The steps skipped in `state`, in the order they were skipped, each with the runbook's title for it.
    private func skipped(_ state: IncidentState) -> [IncidentDigest.Skip] {
        let skipped = state.progress.values.flatMap(\.steps.values).filter {
            if case .skipped = $0.outcome { return true }
            return false
        }.sorted { $0.stamp.isBefore($1.stamp) }
        return skipped.compactMap { record in
            guard case .skipped(let reason) = record.outcome else { return nil }
            let title =
                byID[record.step.runbook]?.steps.first { $0.key == record.step.step }?.title ?? record.step.title
            return IncidentDigest.Skip(
                runbook: record.step.runbook, step: record.step.step, title: title, reason: reason,
                at: record.stamp.at)
        }
    }

    /// Every run of a command that the runbook in use when it ran does not contain.
    private mutating func addCommands(_ runs: [IncidentDigest.Run: Int]) {
        var seen: Set<String> = []
        // Keys by runbook and command, so that an incident counts once for a command whatever order its runs
        // come in; the tallies do not depend on the order either.
        for (run, times) in runs.sorted(by: { ($0.key.runbook, $0.key.command) < ($1.key.runbook, $1.key.command) }) {
            guard let runbook = byID[run.runbook] else { continue }
            // Incidents run the same few commands over and over: each distinct run is matched once.
            let listed: Bool
            if let known = listedRuns[run] {
                listed = known
            } else {
                let matcher = matchers[run.runbook] ?? RunbookCommandMatcher(runbooks: [runbook])
                matchers[run.runbook] = matcher
                listed = matcher.contains(
                    CommandRun(
                        command: run.command, placeholders: run.placeholders, exitCode: nil, durationSeconds: 0,
                        outputExcerpt: ""))
                listedRuns[run] = listed
            }
            guard !listed else { continue }
            let first = seen.insert(run.runbook + "\n" + run.command).inserted
            update(run.runbook) { usage in
                usage.commands.add(run.command, item: 0, times: times) { incidents in incidents += first ? 1 : 0 }
            }
        }
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        // Journal times are kept to the millisecond; differences of dates carry float noise below that.
        return (median * 1000).rounded() / 1000
    }

    /// What the incidents said about one runbook so far.
    private struct Usage: Sendable {
        var incidents = 0
        var drills = 0
        var lastUsed: Date?
        var mitigate: [Double] = []
        var resolve: [Double] = []
        var skipped = Tally<String, (title: String, reasons: [(text: String, at: Date)])>()
        var open = Tally<Int, (Int, String)>()
        var commands = Tally<String, Int>()
        var feedback: [RunbookReport.Feedback] = []
    }
}

/// Counts of things by key, with a value kept for each, ranked most often first and, among equals, by key: incidents
/// are read in the order the file system lists them, so first seen would differ between two reads of one home.
struct Tally<Key: Hashable & Comparable & Sendable, Item: Sendable>: Sendable {
    private var entries: [Key: (count: Int, item: Item)] = [:]

    /// Counts `times` more `key`; `item` is its value the first time, which `change` then updates once.
    mutating func add(_ key: Key, item: Item, times: Int = 1, change: (inout Item) -> Void = { _ in }) {
        var entry = entries[key] ?? (0, item)
        entry.count += times
        change(&entry.item)
        entries[key] = entry
    }

    /// Every key with its count and value, most often first.
    var ranked: [(key: Key, tally: (count: Int, item: Item))] {
        entries.map { ($0.key, $0.value) }.sorted { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : $0.0 < $1.0 }
    }
}

extension RunbookReportBuilder {
    /// What one pass over an incident's events gathers for its digest beside the fold.
    fileprivate struct Gathered {
        let byID: [String: Runbook]
        /// The runbook in use as the events pass: the opening's, then each switch's.
        private var current: String?
        /// How many times each distinct command ran under each runbook of the library that was in use when it ran.
        private(set) var runs: [IncidentDigest.Run: Int] = [:]
        /// Who walked which runbook: the actors of step and checklist events, with the runbook each names.
        private(set) var walks: Set<IncidentDigest.Walk> = []
        /// The runbook feedback events, in journal order.
        private(set) var feedback: [Event] = []

        init(byID: [String: Runbook]) { self.byID = byID }

        /// Takes from `event` what the digest gathers.
        mutating func visit(_ event: Event) {
            switch event.kind {
            case .incidentOpened(_, _, let runbook, _, _), .runbookSwitched(let runbook):
                current = runbook
            case .commandRan(let run):
                guard let runbookID = current, byID[runbookID] != nil else { return }
                runs[
                    IncidentDigest.Run(runbook: runbookID, command: run.command, placeholders: run.placeholders),
                    default: 0
                ] += 1
            case .stepDone(let step), .stepSkipped(let step, _):
                walks.insert(IncidentDigest.Walk(actor: event.actor, runbook: step.runbook))
            case .checklistChecked(let item):
                walks.insert(IncidentDigest.Walk(actor: event.actor, runbook: item.runbook))
            case .runbookFeedback:
                feedback.append(event)
            default:
                return
            }
        }
    }
}
