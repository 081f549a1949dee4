import Foundation
import TestSupport
import Testing

@Suite("respond start, log, incidents, timeline", .temporaryFiles, .tags(.slow))
struct JournalCommandTests {
    func start(_ home: String, _ arguments: [String] = []) throws -> String {
        let result = try respond(["start", "disk-full", "--detach"] + arguments, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("start --detach prints the new incident's id, made of UTC time and runbook")
    func startPrintsID() throws {
        let home = try makeHome()
        let id = try start(home, ["--severity", "p0", "--title", "磁碟滿了", "--drill"])
        #expect(id.range(of: #"^\d{8}T\d{4}Z-disk-full$"#, options: .regularExpression) != nil)
        let journal = home + "/incidents/\(id)/timeline.jsonl"
        let lines = try fileLines(journal)
        try #require(lines.count == 1)
        #expect(lines[0].contains(#""kind":"incident-opened""#))
        #expect(lines[0].contains(#""severity":"P0""#) && lines[0].contains(#""drill":true"#))
        #expect(lines[0].contains(#""title":"磁碟滿了""#) && lines[0].contains(#""runbook":"disk-full""#))
        #expect(try start(home, ["--id", "db-1"]) == "db-1")
    }

    @Test("start takes title and severity from the runbook, and resolves a prefix of its id")
    func startDefaults() throws {
        let home = try makeHome()
        let result = try respond(["start", "disk", "--detach", "--id", "d"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(try fileLines(home + "/incidents/d/timeline.jsonl").first)
        #expect(line.contains(#""title":"Disk Full""#) && line.contains(#""severity":"P1""#))
        #expect(line.contains(#""runbook":"disk-full""#))
    }

    @Test("start without a terminal or with a bad id fails with one line, with a bad severity with its usage")
    func startErrors() throws {
        let home = try makeHome()
        let interactive = try respond(["start", "disk-full"], home: home)
        #expect(interactive.status == 2)
        #expect(interactive.stderr.hasPrefix("respond: standard input is not a terminal"))
        #expect(interactive.stderr.contains("respond start RUNBOOK --detach"))
        #expect(interactive.stderr.split(separator: "\n").count == 1)
        let badID = try respond(["start", "disk-full", "--detach", "--id", "../../etc"], home: home)
        #expect(badID.status != 0)
        #expect(badID.stderr.hasPrefix("Error: invalid incident id \"../../etc\""))
        let badSeverity = try respond(["start", "disk-full", "--detach", "--severity", "P9"], home: home)
        #expect(badSeverity.status == 64)
        #expect(
            badSeverity.stderr.hasPrefix("Error: unknown severity \"P9\": use P0, P1, P2 or P3\nUsage: respond start "))
        let unknown = try respond(["start", "volcano", "--detach"], home: home)
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "Error: no runbook matches \"volcano\"; `respond list` shows them all\n")
        #expect(!FileManager.default.fileExists(atPath: home + "/incidents"))
    }

    @Test("a command timeout out of range is refused with the range, before the terminal is looked at")
    func commandTimeoutRange() throws {
        let home = try makeHome()
        for value in ["0", "604801", "9223372036854775807"] {
            let result = try respond(["start", "disk-full", "--command-timeout", value], home: home)
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("Error: --command-timeout must be 1 to 604800 seconds, not \(value)\n"))
        }
    }

    @Test("log appends one event per call and prints its seq and kind")
    func logActions() throws {
        let home = try makeHome()
        let id = try start(home)
        let calls: [([String], String)] = [
            (["note", "pod api-1 at 95% CPU", "--pin"], "saved #2 note"),
            (["status", "identified"], "saved #3 status-changed"),
            (["severity", "P0"], "saved #4 severity-changed"),
            (["check", "2"], "saved #5 checklist-checked"),
            (["uncheck", "2"], "saved #6 checklist-unchecked"),
            (["step", "diagnosis-1", "done"], "saved #7 step-done"),
            (["step", "2", "skip", "--reason", "df already clear"], "saved #8 step-skipped"),
            (["escalate", "L2 DBA"], "saved #9 escalated"),
            (["feedback", "du needs -x", "--step", "2"], "saved #10 runbook-feedback"),
            (["role", "commander", "Amy Chen"], "saved #11 role-assigned"),
            (["milestone", "impact-started", "--at", "2026-11-27T00:05:00Z"], "saved #12 milestone"),
            (["close"], "saved #13 incident-closed"),
            (["reopen"], "saved #14 reopened"),
        ]
        for (arguments, expected) in calls {
            let result = try respond(["log", id] + arguments, home: home, actor: "amy")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == expected + "\n")
        }
        let lines = try fileLines(home + "/incidents/\(id)/timeline.jsonl")
        try #require(lines.count == 14)
        #expect(lines[11].contains(#""occurredAt":"2026-11-27T00:05:00.000Z""#))
        #expect(lines[1].contains(#""actor":"amy""#) && lines[1].contains(#""pinned":true"#))
        #expect(lines[4].contains(#""item":2"#) && lines[4].contains(#""text":"寫入恢復正常""#))
        #expect(lines[6].contains(#""step":"diagnosis-1""#) && lines[6].contains(#""title":"找出滿的 volume""#))
        #expect(lines[7].contains(#""step":"diagnosis-2""#) && lines[7].contains(#""reason":"df already clear""#))
        #expect(lines[9].contains(#""step":"diagnosis-2""#))
    }

    @Test("note --commander writes the incident commander's note, the annotation the review writes with a")
    func commanderNote() throws {
        let home = try makeHome()
        let id = try start(home)
        let logged = try respond(
            ["log", id, "note", "update the status page in 30 minutes", "--commander", "--pin"], home: home,
            actor: "amy")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout == "saved #2 note\n")
        let plain = try respond(["log", id, "note", "disk at 97%"], home: home, actor: "bo")
        #expect(plain.status == 0, "\(plain.stderr)")
        let lines = try fileLines(home + "/incidents/\(id)/timeline.jsonl")
        try #require(lines.count == 3)
        #expect(lines[1].contains(#""commander":true"#) && lines[1].contains(#""pinned":true"#))
        #expect(lines[2].contains(#""commander":false"#))
    }

    @Test("--as names the actor, over $RESPOND_ACTOR")
    func actorOption() throws {
        let home = try makeHome()
        let id = try start(home)
        let logged = try respond(["log", id, "note", "hi", "--as", "bo"], home: home, actor: "amy")
        #expect(logged.status == 0, "\(logged.stderr)")
        let lines = try fileLines(home + "/incidents/\(id)/timeline.jsonl")
        try #require(lines.count == 2)
        #expect(lines[1].contains(#""actor":"bo""#))
    }

    @Test(
        "log errors write nothing: a value that cannot be read is a usage error (64) with log's usage, one the incident cannot take one line (1)"
    )
    func logErrors() throws {
        let home = try makeHome()
        let id = try start(home)
        let usageErrors: [([String], String)] = [
            (
                ["status", "fixed"],
                "Error: unknown status \"fixed\": use investigating, identified, mitigated or resolved"
            ),
            (["step", "2", "skip"], "Error: skipping a step needs a reason: step 2 skip --reason \"why\""),
            (["check", "zero"], "Error: checklist item must be a number from 1: got \"zero\""),
            (["status", "mitigated", "--pin"], "Error: --pin applies to notes only"),
            (["escalate", "DBA", "--commander"], "Error: --commander applies to notes only"),
            (["step", "1", "done", "--reason", "r"], "Error: --reason applies to `step N skip` only"),
            (["severity", "P5"], "Error: unknown severity \"P5\": use P0, P1, P2 or P3"),
            (
                ["dance"],
                "Error: unknown action \"dance\": use note, status, severity, check, uncheck, step, escalate, feedback, role, milestone, close or reopen"
            ),
        ]
        for (arguments, expected) in usageErrors {
            let result = try respond(["log", id] + arguments, home: home)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.hasPrefix(expected + "\nUsage: respond log "), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let refusals: [([String], String)] = [
            (["check", "4"], "Error: runbook disk-full has no checklist item 4; items are 1–3\n"),
            (
                ["step", "7", "done"],
                "Error: runbook disk-full has no step \"7\"; steps: diagnosis-1, diagnosis-2, resolution-1, resolution-2\n"
            ),
            (
                ["feedback", "x", "--step", "nine"],
                "Error: runbook disk-full has no step \"nine\"; steps: diagnosis-1, diagnosis-2, resolution-1, resolution-2\n"
            ),
            (["reopen"], "Error: incident \(id) is not closed\n"),
        ]
        for (arguments, expected) in refusals {
            let result = try respond(["log", id] + arguments, home: home)
            #expect(result.status == 1)
            #expect(result.stderr == expected)
            #expect(result.stdout.isEmpty)
        }
        #expect(try fileLines(home + "/incidents/\(id)/timeline.jsonl").count == 1)
    }

    @Test("unknown incidents and ambiguous prefixes are one-line errors listing candidates")
    func lookupErrors() throws {
        let home = try makeHome()
        let first = try start(home, ["--id", "db-outage-1"])
        let second = try start(home, ["--id", "db-outage-2"])
        let ambiguous = try respond(["log", "db-outage", "note", "x"], home: home)
        #expect(ambiguous.status != 0)
        #expect(
            ambiguous.stderr
                == "Error: \"db-outage\" matches several incidents: \(first), \(second); give more of the id\n")
        let unknown = try respond(["timeline", "nope"], home: home)
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "Error: no incident matches \"nope\"; recent: \(second), \(first)\n")
        let prefix = try respond(["log", "db-outage-2", "note", "x"], home: home)
        #expect(prefix.stdout == "saved #2 note\n")
    }

    @Test("a journal from a newer respond is refused by log and timeline, and left untouched")
    func newerJournal() throws {
        let home = try makeHome()
        let id = try start(home)
        let path = home + "/incidents/\(id)/timeline.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":2,"seq":2,"kind":"hologram"}"#.utf8 + [0x0A]))
        try handle.close()
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let timeline = try respond(["timeline", id], home: home)
        #expect(timeline.status != 0)
        #expect(
            timeline.stderr == "Error: \(path):2: written by a newer respond (schema 2); upgrade respond to read it\n")
        let log = try respond(["log", id, "note", "x"], home: home)
        #expect(log.status != 0)
        #expect(log.stderr.hasSuffix("written by a newer respond (schema 2); upgrade respond to read it\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }

    @Test("incidents lists open incidents, and closed ones with --all, as a table or JSON")
    func incidentsList() throws {
        let home = try makeHome()
        let open = try start(home, ["--id", "open-one", "--title", "CPU 飆高", "--severity", "P1"])
        let closed = try start(home, ["--id", "closed-one"])
        _ = try respond(["log", closed, "close"], home: home)
        let table = try respond(["incidents"], home: home)
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n").map(String.init)
        try #require(rows.count == 2)
        #expect(rows[0].hasPrefix("ID"))
        #expect(rows[1].hasPrefix("\(open)  P1   investigating  ") && rows[1].hasSuffix("CPU 飆高"))
        let all = try respond(["incidents", "--all"], home: home)
        let closedRow = try #require(all.stdout.split(separator: "\n").first { $0.hasPrefix(closed + " ") })
        #expect(closedRow.contains("  closed  "), "\(closedRow)")
        let json = try respond(["incidents", "--all", "--json"], home: home)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(decoded.compactMap { $0["id"] as? String }) == [open, closed])
        #expect(decoded.first { $0["id"] as? String == closed }?["closed"] as? Bool == true)
        #expect(decoded.first { $0["id"] as? String == open }?["closed"] as? Bool == false)
        #expect(try respond(["incidents"], home: try makeHome()).stdout == "no open incidents\n")
    }

    @Test(
        "timeline shows each event on one line with time, elapsed, actor, a pin mark and the postmortem's words, controls shown escaped"
    )
    func timelineHuman() throws {
        let home = try makeHome()
        let id = try start(home, ["--title", "CPU"])
        _ = try respond(
            ["log", id, "note", "line one\nline two \u{1B}]0;pwned\u{07}\u{1B}[31mred"], home: home, actor: "amy")
        _ = try respond(["log", id, "milestone", "detected"], home: home, actor: "bo")
        _ = try respond(["log", id, "note", "--pin", "rollback `v2`"], home: home, actor: "bo")
        let result = try respond(["timeline", id], home: home)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 4)
        let pattern =
            #"^#2  \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)  \+\d\d:\d\d:\d\d  amy  Note: line one line two ␛]0;pwned␇␛\[31mred$"#
        #expect(lines[1].range(of: pattern, options: .regularExpression) != nil, "\(lines[1])")
        #expect(lines[0].hasSuffix("tester  Incident opened: “CPU”, P1, runbook disk-full"))
        #expect(lines[2].hasSuffix("bo  Detected"))
        #expect(lines[3].hasSuffix("bo  ⭐ pinned Note: rollback `v2`"))
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test(
        "timeline --json prints the journal's lines as stored, fields from newer writers kept, corrupt lines left out")
    func timelineJSON() throws {
        let home = try makeHome()
        let id = try start(home)
        _ = try respond(["log", id, "note", "x"], home: home)
        let path = home + "/incidents/\(id)/timeline.jsonl"
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        let additive =
            #"{"actor":"bot","id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","kind":"note","occurredAt":"2026-11-27T00:20:05.123Z","recordedAt":"2026-11-27T00:20:05.123Z","seq":3,"text":"from a ticket","ticketURL":"https://t/1","v":1}"#
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("not json\n" + additive + "\n").utf8))
        try handle.close()
        let result = try respond(["timeline", id, "--json"], home: home)
        #expect(result.status == 0)
        #expect(result.stdout == stored + additive + "\n")
        #expect(result.stderr == "warning: \(path):3: corrupt line set aside: not valid JSON\n")
    }

    @Test("an incident is found by the path of its journal, as attached to a ticket")
    func journalPath() throws {
        let home = try makeHome()
        let id = try start(home)
        let copy = try makeHome() + "/ticket-4711"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: home + "/incidents/\(id)/timeline.jsonl", toPath: copy + "/timeline.jsonl")
        let result = try respond(["timeline", copy + "/timeline.jsonl"], home: try makeHome())
        #expect(result.status == 0)
        #expect(result.stdout.contains("Incident opened: “Disk Full”, P1, runbook disk-full"))
    }
}
