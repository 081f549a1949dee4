import Foundation
import TestSupport
import Testing

@Suite("respond report and respond feedback over incidents made by the CLI", .temporaryFiles, .tags(.slow))
struct ReportCommandTests {
    /// A P0 runbook beside the fixture's disk-full, past its monthly review, that nobody drills.
    private static let databaseRunbook = """
        # Runbook: Database Down

        ## Impact

        - **Severity**: P0

        ## Diagnosis

        ### Step 1: Check the primary

        ```bash
        pg_isready -h db
        ```

        ## Verification

        - [ ] Primary accepts connections

        ---

        **Last Updated**: 2025-01-01
        **Owner**: DBA
        **Review Cycle**: Monthly

        """

    private static func makeLibraryHome() throws -> String {
        let home = try makeHome()
        try (fixtureIndex + "| [Database Down](db-down.md) | P0 | Primary unreachable |\n").write(
            toFile: home + "/runbooks/README.md", atomically: true, encoding: .utf8)
        try databaseRunbook.write(toFile: home + "/runbooks/db-down.md", atomically: true, encoding: .utf8)
        return home
    }

    /// `minutes` before `base` as the ISO 8601 time `--at` takes: every time of one test counts from one instant,
    /// so that the spans between them are exact.
    private static func ago(_ minutes: Double, from base: Date) -> String {
        ISO8601DateFormatter().string(from: base.addingTimeInterval(-minutes * 60))
    }

    @discardableResult
    private static func run(_ home: String, _ arguments: [String], as actor: String = "tester") throws -> String {
        let result = try respond(arguments, home: home, actor: actor)
        #expect(result.status == 0, "respond \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Two real incidents, a drill, an incident a year old and one whose journal has two damaged lines.
    private static func makeIncidents(_ home: String) throws {
        let base = Date()
        let ago = { (minutes: Double) in Self.ago(minutes, from: base) }
        try run(home, ["start", "disk-full", "--detach", "--id", "a"], as: "alice")
        try run(home, ["log", "a", "milestone", "impact-started", "--at", ago(120)], as: "alice")
        try run(home, ["log", "a", "step", "1", "done"], as: "alice")
        try run(home, ["log", "a", "step", "2", "skip", "--reason", "df already clear"], as: "alice")
        try run(home, ["log", "a", "feedback", "du needs -x", "--step", "2"], as: "bob")
        try run(home, ["log", "a", "check", "1"], as: "alice")
        try run(home, ["log", "a", "status", "mitigated", "--at", ago(100)], as: "alice")
        try run(home, ["log", "a", "status", "resolved", "--force", "--at", ago(60)], as: "alice")

        try run(home, ["start", "disk-full", "--detach", "--id", "b"], as: "carol")
        try run(home, ["log", "b", "milestone", "impact-started", "--at", ago(180)], as: "carol")
        try run(home, ["log", "b", "step", "2", "skip", "--reason", "no shell access"], as: "carol")
        try run(home, ["log", "b", "check", "1"], as: "carol")
        try run(home, ["log", "b", "check", "2"], as: "carol")
        try run(home, ["log", "b", "status", "mitigated", "--at", ago(140)], as: "carol")
        try run(home, ["log", "b", "status", "resolved", "--force", "--at", ago(80)], as: "carol")

        try run(home, ["start", "disk-full", "--detach", "--drill", "--id", "c"], as: "dave")
        try run(home, ["log", "c", "step", "1", "done"], as: "dave")

        try run(home, ["start", "disk-full", "--detach", "--id", "old"], as: "frank")
        try run(home, ["log", "old", "step", "1", "skip", "--reason", "an old reason"], as: "frank")
        let oldJournal = home + "/incidents/old/timeline.jsonl"
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let aged = try String(contentsOfFile: oldJournal, encoding: .utf8)
            .replacingOccurrences(of: "\"\(year)-", with: "\"\(year - 1)-")
        try aged.write(toFile: oldJournal, atomically: false, encoding: .utf8)

        try run(home, ["start", "disk-full", "--detach", "--id", "e"], as: "alice")
        let damaged = try FileHandle(forWritingTo: URL(fileURLWithPath: home + "/incidents/e/timeline.jsonl"))
        try damaged.seekToEnd()
        try damaged.write(contentsOf: Data("{\"v\":1,\"seq\":\ngarbage\n".utf8))
        try damaged.close()
    }

    @Test("the JSON report's figures, exactly; feedback ack marks a note reviewed")
    func jsonFigures() throws {
        let home = try Self.makeLibraryHome()
        try Self.makeIncidents(home)
        let output = try Self.run(home, ["report", "--since", "7d", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(report["incidents"] as? Int == 3)
        #expect(report["drills"] as? Int == 1)
        #expect(report["damagedLines"] as? Int == 2)
        #expect(report["undrilledP0"] as? [String] == ["db-down"])
        let runbooks = try #require(report["runbooks"] as? [[String: Any]])
        #expect(runbooks.compactMap { $0["id"] as? String } == ["disk-full", "db-down"])
        let disk = runbooks[0]
        #expect(disk["incidents"] as? Int == 3 && disk["drills"] as? Int == 1)
        #expect(disk["medianTimeToMitigate"] as? Double == 1800 && disk["medianTimeToResolve"] as? Double == 4800)
        let skipped = try #require(disk["skippedSteps"] as? [[String: Any]])
        #expect(skipped.count == 1)
        #expect(skipped.first?["step"] as? String == "diagnosis-2" && skipped.first?["count"] as? Int == 2)
        #expect(skipped.first?["reasons"] as? [String] == ["df already clear", "no shell access"])
        let open = try #require(disk["openAtResolution"] as? [[String: Any]])
        #expect(open.compactMap { $0["item"] as? Int } == [3, 2] && open.compactMap { $0["count"] as? Int } == [2, 1])
        let feedback = try #require(disk["feedback"] as? [[String: Any]])
        #expect(feedback.count == 1)
        #expect(feedback.first?["reference"] as? String == "a#5" && feedback.first?["author"] as? String == "bob")
        #expect(feedback.first?["step"] as? String == "diagnosis-2" && feedback.first?["reviewed"] as? Bool == false)
        #expect(disk["stale"] as? Bool == false && runbooks[1]["stale"] as? Bool == true)
        #expect(runbooks[1]["reviewDue"] as? String == "2025-02-01" && runbooks[1]["incidents"] as? Int == 0)
        let people = try #require(report["people"] as? [[String: Any]])
        #expect(people.compactMap { $0["name"] as? String } == ["alice", "carol", "dave"])

        #expect(try Self.run(home, ["feedback"]).hasPrefix("a#5  disk-full diagnosis-2  bob  du needs -x\n"))
        #expect(try Self.run(home, ["feedback", "ack", "a#5"]) == "marked 1 feedback note reviewed\n")
        #expect(try Self.run(home, ["feedback"]) == "no unreviewed runbook feedback\n")
        let after = try Self.run(home, ["report", "--json"])
        #expect(after.contains("\"reviewed\" : true"))
        let unknown = try respond(["feedback", "ack", "a#99"], home: home)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: no feedback a#99; `respond feedback` lists"))
    }

    @Test("the markdown agenda says the same figures, and a bad window is a usage error")
    func markdownFigures() throws {
        let home = try Self.makeLibraryHome()
        try Self.makeIncidents(home)
        let file = home + "/report.md"
        #expect(try Self.run(home, ["report", "-o", file]) == "")
        let lines = try fileLines(file)
        #expect(lines.contains("3 incidents; 1 drill."))
        #expect(lines.contains("2 damaged journal lines were left out."))
        #expect(lines.contains("### 1. `disk-full` Disk Full (P1)"))
        #expect(lines.contains("- Median time to mitigate 30m, to resolve 1h20m"))
        #expect(lines.contains("- Step `diagnosis-2` “找出最大的目錄” skipped 2 times: “df already clear”; “no shell access”"))
        #expect(lines.contains("- Verification item 3 “DiskFull alert 已 resolved” open at resolution 2 times"))
        #expect(lines.contains("- [ ] Update runbook `disk-full` step `diagnosis-2`: du needs -x"))
        #expect(!lines.contains { $0.contains("an old reason") })
        #expect(lines.contains("- [ ] `db-down` (P0) — never drilled"))

        let bad = try respond(["report", "--since", "yesterday"], home: home)
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: --since yesterday is neither a number of days (7d, 30d) nor a date"))
    }

    @Test("a note another machine recorded is named INCIDENT#SEQ@WRITER, apart from the opener's note of that seq")
    func feedbackOfAnotherMachine() throws {
        let home = try Self.makeLibraryHome()
        try Self.run(home, ["start", "disk-full", "--detach", "--id", "m"], as: "alice")
        try Self.run(home, ["log", "m", "feedback", "opener's note"], as: "alice")
        var laptop = englishEnvironment()
        laptop["RESPOND_HOME"] = home
        laptop["RESPOND_RUNBOOKS"] = home + "/runbooks"
        laptop["RESPOND_ACTOR"] = "bob"
        laptop["RESPOND_WRITER"] = "laptop"
        for arguments in [["log", "m", "note", "on the laptop"], ["log", "m", "feedback", "laptop's note"]] {
            let result = try runProcess(PackagePaths.binary, arguments, environment: laptop)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let listed = try Self.run(home, ["feedback"]).split(separator: "\n").map(String.init)
        #expect(listed == ["m#2  disk-full  alice  opener's note", "m#2@laptop  disk-full  bob  laptop's note"])
        try Self.run(home, ["feedback", "ack", "m#2@laptop"])
        #expect(try Self.run(home, ["feedback"]) == "m#2  disk-full  alice  opener's note\n")
        let report = try Self.run(home, ["report", "--json"])
        #expect(report.contains("\"reference\" : \"m#2@laptop\""), "\(report)")
    }

    @Test("respond list marks a runbook past its review and one with unreviewed feedback, in a column and in JSON")
    func listMarks() throws {
        let home = try Self.makeLibraryHome()
        try Self.makeIncidents(home)
        let rows = try Self.run(home, ["list"]).split(separator: "\n").map(String.init)
        #expect(rows.contains("  P1  disk-full  1 feedback  Disk 使用率 > 90%"), "\(rows)")
        #expect(rows.contains("  P0  db-down    review due  Primary unreachable"), "\(rows)")
        let json = try Self.run(home, ["list", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let listed = try #require((object["categories"] as? [[String: Any]])?.first?["runbooks"] as? [[String: Any]])
        #expect(listed.compactMap { $0["unreviewedFeedback"] as? Int } == [1, 0])
        #expect(listed.compactMap { $0["stale"] as? Bool } == [false, true])
        #expect(listed.last?["reviewDue"] as? String == "2025-02-01")

        try Self.run(home, ["feedback", "ack", "--runbook", "disk-full"])
        let after = try Self.run(home, ["list"]).split(separator: "\n").map(String.init)
        #expect(after.contains("  P1  disk-full" + String(repeating: " ", count: 14) + "Disk 使用率 > 90%"), "\(after)")
    }
}
