import Foundation
import IncidentModel
import RunbookKit
import TestSupport
import Testing

/// The adherence report tallied beside the fold, its runbooks looked up as the events name them, is the report of
/// the whole journal against the runbooks the incident used in the end.
@Suite("The adherence report tallied in the fold's one pass")
struct AdherenceTallyTests {
    /// A second runbook, switched to later, and a third that only a stray step names.
    static let database: Runbook = {
        var runbook = AdherenceRunbook.runbook
        runbook.id = "database-slow"
        runbook.title = "Database Slow"
        runbook.steps = [
            AdherenceRunbook.step(
                .diagnosis, 1, "Find slow queries", code: "psql -c 'select * from pg_stat_activity'\n"),
            AdherenceRunbook.step(.resolution, 1, "Kill the query", code: "psql -c 'select pg_cancel_backend($PID)'\n"),
        ]
        return runbook
    }()

    static let unused: Runbook = {
        var runbook = AdherenceRunbook.runbook
        runbook.id = "disk-full"
        runbook.steps = [AdherenceRunbook.step(.diagnosis, 1, "Find big files", code: "du -sh /var/*\n")]
        return runbook
    }()

    static let runbooks = [
        AdherenceRunbook.runbook.id: AdherenceRunbook.runbook, database.id: database, unused.id: unused,
    ]

    /// The report as `respond export` makes it: one pass folds the events and tallies them, the runbooks looked
    /// up as they are named; the number of lookups of each id is counted.
    func tallied(_ events: [Event]) -> (report: AdherenceReport, lookups: [String: Int]) {
        var lookups: [String: Int] = [:]
        var replay = ResolutionReplay(keepsRecords: false)
        var tally = AdherenceTally { id in
            lookups[id, default: 0] += 1
            return Self.runbooks[id]
        }
        for event in events {
            replay.apply(event)
            tally.add(event)
        }
        let runbooks = replay.state.runbooks { Self.runbooks[$0] }
        let report = Adherence.report(
            state: replay.state, atResolution: replay.atResolution, runbooks: runbooks, tally: tally)
        return (report, lookups)
    }

    /// The report of the whole journal, its runbooks known before the first event.
    func whole(_ events: [Event]) -> AdherenceReport {
        let runbooks = IncidentState.fold(events).runbooks { Self.runbooks[$0] }
        return Adherence.report(events: events, runbooks: runbooks)
    }

    func run(_ command: String) -> EventKind {
        .commandRan(CommandRun(command: command, exitCode: 0, durationSeconds: 1, outputExcerpt: ""))
    }

    @Test(
        "a command of a runbook switched to later is listed, a step before the switch is charged, each runbook looked up once"
    )
    func runbookSwitchedToLater() {
        var journal = JournalBuilder.opened()
        journal.add(run("psql -c 'select * from pg_stat_activity'"), at: 1)
        journal.add(run("rm -rf /tmp/cache"), at: 2)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1", runbook: "database-slow")), at: 3)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1", runbook: "disk-full")), at: 4)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 5)
        journal.add(.runbookSwitched(runbook: "database-slow"), at: 6)
        journal.add(run("psql -c 'select * from pg_stat_activity'"), at: 7)
        journal.add(.stepDone(JournalBuilder.step("resolution-1", runbook: "database-slow")), at: 9)
        journal.add(run("kubectl top pods -n shop --sort-by=cpu"), at: 10)
        let (report, lookups) = tallied(journal.events)
        #expect(report == whole(journal.events))
        #expect(report.unlistedCommands.map(\.command) == ["rm -rf /tmp/cache"])
        #expect(report.unlistedCommands.first?.runbook == "high-cpu-usage")
        #expect(
            report.sectionTimes.map { "\($0.runbook) \($0.section.rawValue) \($0.seconds)" } == [
                "high-cpu-usage diagnosis 300.0", "database-slow diagnosis 0.0", "database-slow resolution 180.0",
            ])
        #expect(lookups.values.allSatisfy { $0 == 1 })
    }

    @Test("on seeded random journals over three runbooks and a missing one, equals the whole journal's report")
    func randomJournals() {
        var random = SeededRandom(seed: 20)
        let ids = ["high-cpu-usage", "database-slow", "disk-full", "gone"]
        let keys = ["diagnosis-1", "diagnosis-2", "diagnosis-3", "resolution-1"]
        let commands = [
            "kubectl top pods -n shop --sort-by=cpu", "kubectl describe node n1",
            "psql -c 'select * from pg_stat_activity'", "du -sh /var/*", "rm -rf /tmp/cache", "",
        ]
        for _ in 0..<200 {
            var journal = JournalBuilder.opened()
            for minute in 1..<random.int(2..<40) {
                let runbook = random.pick(ids)
                let kind: EventKind =
                    switch random.int(0..<5) {
                    case 0: .runbookSwitched(runbook: runbook)
                    case 1: .stepDone(JournalBuilder.step(random.pick(keys), runbook: runbook))
                    case 2: .stepSkipped(JournalBuilder.step(random.pick(keys), runbook: runbook), reason: "no")
                    case 3: .checklistChecked(JournalBuilder.item(random.int(1..<3), runbook: runbook))
                    default: run(random.pick(commands))
                    }
                journal.add(kind, at: Double(minute), occurred: random.int(0..<4) == 0 ? Double(minute) - 3 : nil)
            }
            if random.int(0..<2) == 0 { journal.add(.statusChanged(.resolved), at: 50) }
            #expect(tallied(journal.events).report == whole(journal.events))
        }
    }
}
