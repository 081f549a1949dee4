import Foundation
import IncidentModel
import Postmortem
import RunbookKit
import Testing

/// A small library and a home's worth of hand-written incidents around 2026-12-03 14:05 UTC, for the runbook
/// report's tests: two real incidents and a drill in the last 7 days, a drill and an incident before them, and
/// a journal with damaged lines.
enum RunbookReportFixture {
    /// 2026-12-03T14:05:00Z.
    static let now = Date(timeIntervalSince1970: 1_796_306_700)
    /// The last 7 days.
    static let window = ReportWindow(start: now.addingTimeInterval(-7 * 86_400), end: now)

    static func runbook(_ id: String, severity: String, body: String, updated: String, cycle: String) throws
        -> Runbook
    {
        let text = """
            # Runbook: \(id)

            ## Impact

            - **Severity**: \(severity)

            \(body)

            ---

            **Last Updated**: \(updated)
            **Owner**: Infra
            **Review Cycle**: \(cycle)

            """
        return try #require(RunbookParser.parse(text: text, path: "runbooks/\(id).md").runbook)
    }

    static func library() throws -> [Runbook] {
        [
            try runbook(
                "disk-full", severity: "P1",
                body: """
                    ## Diagnosis

                    ### Step 1: Find the full volume

                    ```bash
                    df -h
                    ```

                    ### Step 2: Find the largest directory

                    ```bash
                    du -sh /var/* | sort -h
                    ```

                    ## Verification

                    - [ ] Disk below 80%
                    - [ ] Writes succeed
                    - [ ] `DiskFull` alert resolved
                    """, updated: "2026-11-01", cycle: "Quarterly"),
            try runbook(
                "db-down", severity: "P0",
                body: """
                    ## Diagnosis

                    ### Step 1: Check the primary

                    ```bash
                    pg_isready -h db
                    ```

                    ## Verification

                    - [ ] Primary accepts connections
                    """, updated: "2025-01-01", cycle: "Monthly"),
            try runbook(
                "api-down", severity: "P0", body: "## Diagnosis\n\nCheck the pods.", updated: "2026-11-20",
                cycle: "Monthly"),
            try runbook(
                "cache", severity: "P2", body: "## Diagnosis\n\nCheck redis.", updated: "2026-11-20", cycle: "Yearly"),
        ]
    }

    /// A step of the fixture's runbooks.
    static func step(_ runbook: String, _ key: String) -> StepRef {
        StepRef(runbook: runbook, step: key, title: key)
    }

    static func item(_ runbook: String, _ number: Int) -> ChecklistRef {
        ChecklistRef(runbook: runbook, item: number, text: "item \(number)")
    }

    static func ran(_ command: String) -> EventKind {
        .commandRan(CommandRun(command: command, exitCode: 0, durationSeconds: 1, outputExcerpt: ""))
    }

    /// An incident opened at `opened` on `runbook`: its opening, then each of `later` (minutes after the
    /// opening, who, what), in that order.
    static func incident(
        opened: Date, runbook: String, drill: Bool = false, by opener: String = "alice",
        _ later: [(Double, String, EventKind)] = []
    ) -> [Event] {
        let opening = Event(
            seq: 1, recordedAt: opened, actor: opener,
            kind: .incidentOpened(title: runbook, severity: .p1, runbook: runbook, drill: drill, roles: [:]))
        return [opening]
            + later.enumerated().map { index, entry in
                let at = opened.addingTimeInterval(entry.0 * 60)
                return Event(seq: index + 2, recordedAt: max(at, opened), occurredAt: at, actor: entry.1, kind: entry.2)
            }
    }

    static func daysAgo(_ days: Double) -> Date {
        now.addingTimeInterval(-days * 86_400)
    }

    /// Every incident of the home: (id, events, damaged lines).
    static let incidents: [(String, [Event], Int)] = [
        (
            "inc-a",
            incident(
                opened: daysAgo(2), runbook: "disk-full",
                [
                    (-10, "alice", .milestone(.impactStarted)),
                    (1, "alice", .stepDone(step("disk-full", "diagnosis-1"))),
                    (2, "alice", .stepSkipped(step("disk-full", "diagnosis-2"), reason: "df already clear")),
                    (3, "alice", ran("du -sh /srv")),
                    (4, "alice", ran("df -h")),
                    (5, "bob", .runbookFeedback(runbook: "disk-full", step: "diagnosis-2", text: "du needs -x")),
                    (6, "alice", .checklistChecked(item("disk-full", 1))),
                    (10, "alice", .statusChanged(.mitigated)),
                    (50, "alice", .statusChanged(.resolved)),
                ]), 0
        ),
        (
            "inc-b",
            incident(
                opened: daysAgo(1), runbook: "disk-full", by: "carol",
                [
                    (-20, "carol", .milestone(.impactStarted)),
                    (2, "carol", .stepSkipped(step("disk-full", "diagnosis-2"), reason: "no shell access")),
                    (3, "carol", ran("du -sh /srv")),
                    (4, "carol", ran("du -sh /srv")),
                    (5, "carol", .checklistChecked(item("disk-full", 1))),
                    (6, "carol", .checklistChecked(item("disk-full", 2))),
                    (20, "carol", .statusChanged(.mitigated)),
                    (30, "carol", .runbookSwitched(runbook: "db-down")),
                    (31, "carol", ran("systemctl restart postgresql")),
                    (32, "carol", .runbookFeedback(runbook: "db-down", step: nil, text: "say which host is primary")),
                    (80, "carol", .statusChanged(.resolved)),
                ]), 0
        ),
        (
            "drill-c",
            incident(
                opened: daysAgo(3), runbook: "disk-full", drill: true, by: "dave",
                [(1, "dave", .stepDone(step("disk-full", "diagnosis-1")))]), 0
        ),
        (
            "drill-old",
            incident(
                opened: daysAgo(40), runbook: "db-down", drill: true, by: "erin",
                [(1, "erin", .stepDone(step("db-down", "diagnosis-1")))]), 0
        ),
        (
            "old",
            incident(
                opened: daysAgo(30), runbook: "disk-full",
                [(1, "frank", .stepSkipped(step("disk-full", "diagnosis-1"), reason: "an old reason"))]), 0
        ),
        ("damaged", incident(opened: daysAgo(0.5), runbook: "disk-full"), 2),
    ]

    /// The report of every incident, with the db-down feedback of inc-b (its event 11) marked reviewed.
    static func report() throws -> RunbookReport {
        var builder = RunbookReportBuilder(library: try library(), window: window, now: now, reviewed: ["inc-b#11"])
        for (id, events, damaged) in incidents { builder.add(incident: id, events: events, damagedLines: damaged) }
        return builder.report()
    }
}
