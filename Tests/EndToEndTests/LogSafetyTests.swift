import Foundation
import TestSupport
import Testing

/// Runs `respond` against `home` as `tester` with the local time zone `TZ=timeZone`, and waits for it to exit.
private func respond(_ arguments: [String], home: String, timeZone: String) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["RESPOND_HOME"] = home
    environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
    environment["RESPOND_ACTOR"] = "tester"
    environment["TZ"] = timeZone
    return try runProcess(PackagePaths.binary, arguments, environment: environment)
}

/// The journal's way of writing a moment: UTC, milliseconds, `Z`.
private func journalStamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
    return formatter.string(from: date)
}

/// Whether text holds anything a terminal acts on: ESC, another C0 control but a line feed, a C1 control, a bidi
/// override or isolate.
private func hasTerminalControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

@Suite(
    "respond log records times as meant, resolves as the guide does, and prints nothing raw",
    .temporaryFiles, .tags(.slow)
)
struct LogSafetyTests {
    func start(_ home: String) throws -> String {
        let result = try respond(["start", "disk-full", "--detach"], home: home, timeZone: "Asia/Taipei")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func journal(_ home: String, _ id: String) -> String {
        home + "/incidents/\(id)/timeline.jsonl"
    }

    @Test("--at HH:MM with TZ=Asia/Taipei is that time today in Taipei, stored in UTC")
    func clockTimeInTaipei() throws {
        let home = try makeHome()
        let id = try start(home)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Taipei"))
        let now = Date()
        let meant = now.addingTimeInterval(-120)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: meant)
        let typed = String(format: "%02d:%02d", try #require(parts.hour), try #require(parts.minute))
        let expected = try #require(calendar.date(from: parts))
        let result = try respond(
            ["log", id, "milestone", "detected", "--at", typed], home: home, timeZone: "Asia/Taipei")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "saved #2 milestone\n")
        // Two minutes back crosses midnight only in the first two minutes of a Taipei day; then it is yesterday's.
        #expect(result.stderr.isEmpty || !calendar.isDate(meant, inSameDayAs: now), "\(result.stderr)")
        let line = try #require(try fileLines(journal(home, id)).last)
        #expect(line.contains(#""occurredAt":"\#(journalStamp(expected))""#), "\(line)")
    }

    @Test("--at HH:MM still to come today is yesterday's, with a warning on stderr and exit status 0")
    func clockTimeLaterToday() throws {
        let home = try makeHome()
        let id = try start(home)
        let now = Date()
        // A zone whose clocks show between 02:00 and 20:00 now, so that two hours on is still today.
        let hoursEast = try #require(
            (-12...14).first { hours in
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(secondsFromGMT: hours * 3600)!
                return (2..<20).contains(calendar.component(.hour, from: now))
            })
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: hoursEast * 3600))
        let later = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now.addingTimeInterval(7200))
        let typed = String(format: "%02d:%02d", try #require(later.hour), try #require(later.minute))
        let zone = hoursEast == 0 ? "UTC" : "Etc/GMT\(hoursEast > 0 ? "-" : "+")\(abs(hoursEast))"
        let result = try respond(["log", id, "milestone", "detected", "--at", typed], home: home, timeZone: zone)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "saved #2 milestone\n")
        #expect(
            result.stderr.hasPrefix(
                "warning: --at \(typed) is later than now today, so it was read as yesterday, "))
        let expected = try #require(calendar.date(from: later)).addingTimeInterval(-86_400)
        #expect(try fileLines(journal(home, id)).last?.contains(#""occurredAt":"\#(journalStamp(expected))""#) == true)
    }

    @Test(
        "a time that cannot be meant is a usage error (exit 64) saying what is wrong, sanitized, and nothing is appended"
    )
    func refusedTimes() throws {
        let home = try makeHome()
        let id = try start(home)
        let cases: [(String, String)] = [
            (
                "2026-02-31T10:00",
                "Error: cannot read time \"2026-02-31T10:00\": February 2026 has 28 days, not a day 31\n"
            ),
            ("24:00", "Error: cannot read time \"24:00\": hours are 00 to 23, minutes and seconds 00 to 59\n"),
            (
                "\u{1B}]0;pwned\u{07}soon\u{9B}2J",
                "Error: cannot read time \"␛]0;pwned␇soon\\u{9B}2J\": use HH:MM (local time today), or ISO 8601:"
            ),
        ]
        for (typed, message) in cases {
            let result = try respond(["log", id, "note", "x", "--at", typed], home: home, timeZone: "Asia/Taipei")
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
            #expect(result.stderr.contains("Usage: respond log "))
            #expect(!hasTerminalControls(result.stderr))
            #expect(result.stdout.isEmpty)
        }
        #expect(try fileLines(journal(home, id)).count == 1)
    }

    @Test("a time after now or before the incident opened is saved with a warning and exit status 0")
    func warnedTimes() throws {
        let home = try makeHome()
        let id = try start(home)
        let before = try respond(
            ["log", id, "note", "x", "--at", "2020-01-01T00:00Z"], home: home, timeZone: "Asia/Taipei")
        #expect(before.status == 0)
        #expect(before.stdout == "saved #2 note\n")
        #expect(
            before.stderr.hasPrefix(
                "warning: --at 2020-01-01T00:00Z (2020-01-01T08:00:00+08:00) is before the incident opened ("))
        let after = try respond(
            ["log", id, "note", "y", "--at", "2999-01-01T00:00Z"], home: home, timeZone: "Asia/Taipei")
        #expect(after.status == 0)
        #expect(after.stdout == "saved #3 note\n")
        #expect(
            after.stderr.hasPrefix(
                "warning: --at 2999-01-01T00:00Z (2999-01-01T08:00:00+08:00) is later than now ("))
        let impact = try respond(
            ["log", id, "milestone", "impact-started", "--at", "2020-01-01T00:00Z"], home: home, timeZone: "UTC")
        #expect(impact.status == 0 && impact.stderr.isEmpty, "\(impact.stderr)")
        let lines = try fileLines(journal(home, id))
        #expect(lines[1].contains(#""occurredAt":"2020-01-01T00:00:00.000Z""#))
        #expect(lines[2].contains(#""occurredAt":"2999-01-01T00:00:00.000Z""#))
    }

    @Test("status resolved with verification items open is refused with the items, and --force resolves with them open")
    func resolveWithOpenItems() throws {
        let home = try makeHome()
        let id = try start(home)
        #expect(try respond(["log", id, "check", "2"], home: home, timeZone: "UTC").status == 0)
        let refused = try respond(["log", id, "status", "resolved"], home: home, timeZone: "UTC")
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr == """
                Error: not resolved: 2 verification items are open on runbook disk-full: 1. Disk 使用率 < 80%; 3. \
                DiskFull alert 已 resolved; check them (respond log \(id) check N) or resolve anyway with --force

                """)
        #expect(try fileLines(journal(home, id)).count == 2)
        let misplaced = try respond(["log", id, "status", "mitigated", "--force"], home: home, timeZone: "UTC")
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.hasPrefix("Error: --force applies to `status resolved` only\nUsage: respond log "))

        let forced = try respond(["log", id, "status", "resolved", "--force"], home: home, timeZone: "UTC")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == "saved #3 status-changed\n")
        #expect(try fileLines(journal(home, id)).last?.contains(#""status":"resolved""#) == true)
        let exported = try respond(["export", id], home: home, timeZone: "UTC")
        #expect(exported.status == 0, "\(exported.stderr)")
        let draft = try String(contentsOfFile: home + "/incidents/\(id)/postmortem.md", encoding: .utf8)
        let heading = try #require(draft.range(of: "### Verification items still open at resolution\n"))
        let section = draft[heading.upperBound...].prefix { $0 != "#" }
        let items = section.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(items.count == 2, "\(section)")
        #expect(items.first?.hasPrefix("- `disk-full` 1. Disk") == true)
        #expect(items.last?.hasPrefix("- `disk-full` 3. ") == true)
    }

    @Test("status resolved with every verification item checked needs no --force")
    func resolveWhenVerified() throws {
        let home = try makeHome()
        let id = try start(home)
        for item in ["1", "2", "3"] {
            #expect(try respond(["log", id, "check", item], home: home, timeZone: "UTC").status == 0)
        }
        let resolved = try respond(["log", id, "status", "resolved"], home: home, timeZone: "UTC")
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(resolved.stdout == "saved #5 status-changed\n")
    }

    @Test("escape sequences in a journal's kind, severity and other fields reach neither stdout nor stderr raw")
    func journalEscapesNeverRaw() throws {
        let home = try makeHome()
        let id = try start(home)
        let path = journal(home, id)
        let envelope =
            #""actor":"a\u001b[1m\u202e","id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","occurredAt":"2026-11-27T00:21:10.412Z","recordedAt":"2026-11-27T00:21:10.412Z""#
        let hostile = [
            #"{\#(envelope),"kind":"\u001b]0;pwned\u0007\u001b[31mevil","seq":2,"v":1}"#,
            #"{\#(envelope),"kind":"severity-changed","severity":"\u001b[2J\u009b31m","seq":3,"v":1}"#,
            #"{\#(envelope),"kind":"note","text":"\u009b2J hello \u202e","pinned":false,"commander":false,"seq":4,"v":1}"#,
        ]
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((hostile.joined(separator: "\n") + "\n").utf8))
        try handle.close()
        let commands: [[String]] = [
            ["timeline", id], ["timeline", id, "--json"], ["review", id, "--plain", "--all"], ["export", id],
            ["export", id, "--format", "json"], ["incidents", "--json"], ["log", id, "note", "after"],
        ]
        for arguments in commands {
            let result = try respond(arguments, home: home, timeZone: "UTC")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!hasTerminalControls(result.stdout), "\(arguments) printed a control on stdout")
            #expect(!hasTerminalControls(result.stderr), "\(arguments) printed a control on stderr")
        }
        let timeline = try respond(["timeline", id], home: home, timeZone: "UTC")
        #expect(
            timeline.stderr.contains(#"corrupt line set aside: unknown event kind "\u{1B}]0;pwned\u{7}\u{1B}[31mevil""#)
        )
        #expect(timeline.stderr.contains(#"invalid String value \u{1B}[2J\u{9B}31m"#))
        let json = try respond(["timeline", id, "--json"], home: home, timeZone: "UTC")
        let note = try #require(json.stdout.split(separator: "\n").first { $0.contains("hello") })
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(note.utf8)) as? [String: Any])
        #expect(decoded["text"] as? String == "\u{9B}2J hello \u{202E}")
    }
}

/// A responder's `respond log` after the journal was damaged is seen by a commander's live review.
@Suite("respond log after a damaged journal writes a seq the review shows", .serialized, .temporaryFiles, .tags(.slow))
struct DamagedJournalReviewTests {
    private let home: SessionHome

    init() throws {
        home = try SessionHome()
    }

    @Test("after a duplicated last line, respond log saves a fresh seq and the open review shows the event")
    func duplicatedLastLine() throws {
        #expect(try home.run(["start", "queue-backlog", "--detach", "--id", "dup"], as: "alice").status == 0)
        #expect(try home.run(["log", "dup", "note", "第一則"], as: "alice").status == 0)
        #expect(try home.run(["log", "dup", "note", "第二則"], as: "alice").stdout == "saved #3 note\n")
        let path = home.files.home + "/incidents/dup/timeline.jsonl"
        let lines = try fileLines(path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((lines[1] + "\n").utf8))
        try handle.close()

        let review = try home.session("review dup", as: "carol")
        try review.waitFor("note: 第二則")
        let logged = try home.run(["log", "dup", "note", "修復後的新事件"], as: "alice")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout == "saved #4 note\n")
        try review.waitFor("note: 修復後的新事件", timeout: 5)
        try review.sendKeys("q")
        try review.waitFor("EXITED 0", history: true)
    }
}
