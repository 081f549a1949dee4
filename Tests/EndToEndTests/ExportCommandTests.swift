import Foundation
import TestSupport
import Testing

@Suite("respond export", .temporaryFiles, .tags(.slow))
struct ExportCommandTests {
    private func incident(_ home: String) throws -> String {
        let started = try respond(["start", "disk-full", "--detach", "--id", "disk-1"], home: home)
        #expect(started.status == 0, "\(started.stderr)")
        for arguments in [
            ["note", "`df` says | 100% <b>滿了</b>", "--pin"], ["step", "1", "done"],
            ["step", "2", "skip", "--reason", "no shell"], ["check", "1"], ["status", "resolved", "--force"],
        ] {
            let logged = try respond(["log", "disk-1"] + arguments, home: home)
            #expect(logged.status == 0, "\(logged.stderr)")
        }
        return home + "/incidents/disk-1"
    }

    @Test("writes postmortem.md next to the journal with mode 0600, prints its path and records the export")
    func markdownDefault() throws {
        let home = try makeHome()
        let directory = try incident(home)
        let result = try respond(["export", "disk-1"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let path = directory + "/postmortem.md"
        #expect(result.stdout == path + "\n")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Postmortem: Disk Full\n"))
        #expect(text.contains("- ⭐ \\`df\\` says \\| 100% \\<b>滿了\\</b>"))
        #expect(text.contains("```mermaid"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let last = try #require(try fileLines(directory + "/timeline.jsonl").last)
        #expect(last.contains(#""kind":"export-written""#) && last.contains(#""format":"markdown""#))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
                "postmortem.md", "timeline.jsonl",
            ])
    }

    @Test("the postmortem shows a journal's escape sequences and controls escaped, never raw")
    func controlsEscaped() throws {
        let home = try makeHome()
        _ = try incident(home)
        let hostile = ["note", "df -h \u{1B}]0;\ntouch PWNED\n\u{07} \u{202E}txt.exe"]
        let logged = try respond(["log", "disk-1"] + hostile, home: home, actor: "eve\u{1B}[8m")
        #expect(logged.status == 0, "\(logged.stderr)")
        let result = try respond(["export", "disk-1"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: home + "/incidents/disk-1/postmortem.md", encoding: .utf8)
        #expect(text.contains("df -h ␛\\]0;<br>touch PWNED<br>␇ \\u{202E}txt.exe"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        let timeline = try respond(["timeline", "disk-1"], home: home)
        #expect(timeline.stdout.contains("eve␛[8m  Note: df -h ␛]0; touch PWNED ␇ \\u{202E}txt.exe"))
        #expect(!timeline.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test("--format json -o FILE writes the JSON export there; --no-diagram leaves the gantt out")
    func jsonAndNoDiagram() throws {
        let home = try makeHome()
        _ = try incident(home)
        let json = try respond(["export", "last", "--format", "json", "-o", home + "/out.json"], home: home)
        #expect(json.status == 0, "\(json.stderr)")
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: home + "/out.json")))
            as? [String: Any]
        #expect(object?["incidentID"] as? String == "disk-1")
        #expect((object?["events"] as? [Any])?.count == 6)
        let plain = try respond(["export", "disk", "--no-diagram", "-o", home + "/plain.md"], home: home)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try !String(contentsOfFile: home + "/plain.md", encoding: .utf8).contains("mermaid"))
    }

    @Test("an unknown incident or an unwritable target is one line on stderr, and nothing is recorded")
    func errors() throws {
        let home = try makeHome()
        let directory = try incident(home)
        let before = try fileLines(directory + "/timeline.jsonl").count
        let unknown = try respond(["export", "volcano"], home: home)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.hasPrefix("Error: ") && unknown.stderr.filter { $0 == "\n" }.count == 1)
        let unwritable = try respond(["export", "disk-1", "-o", home + "/missing/dir/p.md"], home: home)
        #expect(unwritable.status != 0)
        #expect(unwritable.stderr == "Error: cannot write \(home)/missing/dir/p.md: No such file or directory\n")
        #expect(try fileLines(directory + "/timeline.jsonl").count == before)
    }

    @Test("the draft's lists pass through scratch files in TMPDIR, else the incident's directory, then are gone")
    func scratchFilesLeaveNothing() throws {
        let home = try makeHome()
        let directory = try incident(home)
        let scratch = home + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
        let result = try respondIn(["TMPDIR": scratch], ["export", "disk-1"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: directory + "/postmortem.md", encoding: .utf8)
        #expect(text.contains("- ⭐ \\`df\\` says \\| 100% \\<b>滿了\\</b>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
        let unset = try respondIn([:], ["export", "disk-1"], home: home)
        #expect(unset.status == 0, "\(unset.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
                "postmortem.md", "timeline.jsonl",
            ])
    }

    @Test("a scratch directory that cannot be written is one line naming it and TMPDIR; nothing is written or recorded")
    func scratchDirectoryMissing() throws {
        let home = try makeHome()
        let directory = try incident(home)
        let before = try fileLines(directory + "/timeline.jsonl").count
        let result = try respondIn(["TMPDIR": home + "/missing"], ["export", "disk-1"], home: home)
        #expect(result.status != 0)
        #expect(
            result.stderr
                == "Error: cannot keep the draft's lists in a scratch file in \(home)/missing: No such file or directory"
                + " (set TMPDIR to a directory with space)\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/postmortem.md"))
        let piped = try respondIn(["TMPDIR": home + "/missing"], ["export", "disk-1", "-o", "-"], home: home)
        #expect(piped.status != 0 && piped.stdout.isEmpty)
        #expect(try fileLines(directory + "/timeline.jsonl").count == before)
    }

    /// Runs `respond` in `home` with the locale and time zone variables given, none of them inherited.
    private func respondIn(_ locale: [String: String], _ arguments: [String], home: String) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        for name in ["RESPOND_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "TZ", "TMPDIR"] {
            environment.removeValue(forKey: name)
        }
        environment.merge(locale) { $1 }
        environment["RESPOND_HOME"] = home
        environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
        environment["RESPOND_ACTOR"] = "tester"
        return try runProcess(PackagePaths.binary, arguments, environment: environment)
    }

    @Test("under a zh_TW locale the draft and the timeline are in Chinese, with times in the zone TZ names")
    func traditionalChinese() throws {
        let home = try makeHome()
        _ = try incident(home)
        let taiwan = ["LANG": "zh_TW.UTF-8", "TZ": "Asia/Taipei"]
        let result = try respondIn(taiwan, ["export", "disk-1", "-o", "-"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# 事後檢討：Disk Full\n"))
        #expect(result.stdout.contains("| 時間（Asia/Taipei (UTC+8)） | 經過時間 | 記錄者 | 事件 |"))
        #expect(result.stdout.contains("+08:00 | +0 秒 | tester | 事故開立："))
        #expect(!result.stdout.contains("## Timeline"))
        let timeline = try respondIn(taiwan, ["timeline", "disk-1"], home: home)
        #expect(timeline.stdout.contains("tester  ⭐ 已釘選 備註：`df` says | 100% <b>滿了</b>"))
        let times = timeline.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true)[1]
        }
        #expect(times.allSatisfy { $0.hasSuffix("+08:00") }, "\(timeline.stdout)")
        let stored = try respondIn(taiwan, ["timeline", "disk-1", "--json"], home: home)
        #expect(stored.stdout.contains("Z\"") && !stored.stdout.contains("+08:00"))
        // RESPOND_LANG names the language whatever the locale; the JSON export is English and UTC in any language.
        let english = try respondIn(
            taiwan.merging(["RESPOND_LANG": "en"]) { $1 }, ["export", "disk-1", "-o", "-"], home: home)
        #expect(english.stdout.hasPrefix("# Postmortem: Disk Full\n"))
        let json = try respondIn(taiwan, ["export", "disk-1", "--format", "json", "-o", "-"], home: home)
        #expect(json.stdout.contains("\"format\" : \"respond-incident-export\""))
        #expect(json.stdout.contains("make it conditional or fix what blocked it."))
        #expect(!json.stdout.contains("+08:00"))
    }
}
