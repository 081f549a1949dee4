import Foundation
import TestSupport
import Testing

/// Runs the built `respond` against `home` with the language variables it is given and no others, so that the
/// caller's own `LANG` cannot decide what a test sees.
private func respond(_ arguments: [String], home: String, language: [String: String]) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    for name in ["RESPOND_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: name) }
    environment.merge(language) { _, given in given }
    environment["RESPOND_HOME"] = home
    environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
    environment["RESPOND_ACTOR"] = "tester"
    return try runProcess(PackagePaths.binary, arguments, environment: environment)
}

/// What the command line says when it refuses: a runbook and an incident that are not there, and a value it
/// cannot read.
private let refusals: [(arguments: [String], status: Int32, english: String, chinese: String)] = [
    (
        ["show", "nope"], 1,
        "Error: no runbook matches \"nope\"; `respond list` shows them all\n",
        "錯誤：沒有符合「nope」的 runbook；`respond list` 會列出全部\n"
    ),
    (
        ["timeline", "missing"], 1,
        "Error: no incident matches \"missing\"; recent: d\n",
        "錯誤：沒有符合「missing」的事故；最近的事故：d\n"
    ),
    (
        ["log", "d", "severity", "P9"], 64,
        "Error: unknown severity \"P9\": use P0, P1, P2 or P3\n",
        "錯誤：沒有「P9」這個嚴重度：請用 P0、P1、P2 或 P3\n"
    ),
]

@Suite("The command line speaks the language of --lang, else of the environment", .temporaryFiles, .tags(.slow))
struct LanguageCommandTests {
    /// A home with one incident, `d`.
    private func homeWithIncident() throws -> String {
        let home = try makeHome()
        let started = try respond(["start", "disk-full", "--detach", "--id", "d"], home: home, language: [:])
        #expect(started.status == 0, "\(started.stderr)")
        return home
    }

    @Test("under a zh_TW locale, an unknown runbook, an unknown incident and a bad value are said in Chinese")
    func traditionalChineseLocale() throws {
        let home = try homeWithIncident()
        for refusal in refusals {
            let result = try respond(refusal.arguments, home: home, language: ["LANG": "zh_TW.UTF-8"])
            #expect(result.status == refusal.status, "\(refusal.arguments)")
            #expect(result.stderr.hasPrefix(refusal.chinese), "\(refusal.arguments): \(result.stderr)")
        }
    }

    @Test(
        "under C.UTF-8 and en_US.UTF-8, and with no locale at all, the messages are English as before",
        arguments: [["LANG": "C.UTF-8"], ["LANG": "en_US.UTF-8"], [:]])
    func englishLocales(language: [String: String]) throws {
        let home = try homeWithIncident()
        for refusal in refusals {
            let result = try respond(refusal.arguments, home: home, language: language)
            #expect(result.status == refusal.status, "\(refusal.arguments)")
            #expect(result.stderr.hasPrefix(refusal.english), "\(refusal.arguments): \(result.stderr)")
        }
    }

    @Test("--lang overrides the environment both ways, before or after the command's name")
    func langOverrides() throws {
        let home = try homeWithIncident()
        let chinese = try respond(["--lang", "zh-TW", "show", "nope"], home: home, language: ["LANG": "C.UTF-8"])
        #expect(chinese.stderr == refusals[0].chinese)
        let english = try respond(
            ["show", "nope", "--lang", "en"], home: home,
            language: ["LANG": "zh_TW.UTF-8", "RESPOND_LANG": "zh-TW"])
        #expect(english.stderr == refusals[0].english)
        for spelling in ["zh_TW", "zh-Hant", "zh_TW.UTF-8"] {
            let result = try respond(["show", "nope", "--lang=" + spelling], home: home, language: [:])
            #expect(result.stderr == refusals[0].chinese, "\(spelling)")
        }
    }

    @Test("RESPOND_LANG beats LC_ALL, LC_MESSAGES and LANG")
    func respondLangFirst() throws {
        let home = try homeWithIncident()
        let chinese = try respond(
            ["show", "nope"], home: home, language: ["RESPOND_LANG": "zh-TW", "LC_ALL": "en_US.UTF-8"])
        #expect(chinese.stderr == refusals[0].chinese)
        let english = try respond(
            ["show", "nope"], home: home, language: ["RESPOND_LANG": "en", "LANG": "zh_TW.UTF-8"])
        #expect(english.stderr == refusals[0].english)
    }

    @Test("a --lang that names no language is a usage error in the language of the environment")
    func badLang() throws {
        let home = try homeWithIncident()
        let english = try respond(["list", "--lang", "fr"], home: home, language: ["LANG": "C.UTF-8"])
        #expect(english.status == 64)
        #expect(english.stderr.hasPrefix("Error: --lang must be en or zh-TW, not \"fr\"\nUsage: respond list"))
        let chinese = try respond(["--lang", "klingon", "incidents"], home: home, language: ["LANG": "zh_TW.UTF-8"])
        #expect(chinese.status == 64)
        #expect(chinese.stderr.hasPrefix("錯誤：--lang 只能是 en 或 zh-TW，不能是「klingon」\n"))
    }

    @Test("an unknown command after --lang is answered in that language")
    func unknownCommand() throws {
        let home = try makeHome()
        let result = try respond(["--lang", "zh-TW", "lsit"], home: home, language: [:])
        #expect(result.status == 64)
        #expect(result.stderr == "錯誤：沒有「lsit」這個指令；你是要用 list 嗎？\n")
    }

    @Test("without a terminal, the guide says why and what works instead in Chinese, and exits 2")
    func terminalCheck() throws {
        let home = try makeHome()
        let result = try respond(["--lang", "zh-TW"], home: home, language: [:])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("respond：標準輸入不是終端機；互動式引導需要終端機。"), "\(result.stderr)")
    }

    @Test("lint's summary counts files, errors and warnings in Chinese")
    func lintSummary() throws {
        let home = try makeHome()
        let result = try respond(["lint"], home: home, language: ["LC_MESSAGES": "zh_TW.UTF-8"])
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "已檢查 1 個檔案：0 個錯誤、0 個警告", "\(result.stdout)")
    }

    @Test("lint's findings are in Chinese with their file, line, severity word and JSON keys as in English")
    func lintFindings() throws {
        let home = try makeHome()
        try "# Orphan\n\n## Diagnosis\n\nlook\n".write(
            toFile: home + "/runbooks/orphan.md", atomically: true, encoding: .utf8)
        let file = home + "/runbooks/orphan.md"
        let chinese = try respond(["lint"], home: home, language: ["LANG": "zh_TW.UTF-8"])
        #expect(chinese.status == 1)
        let lines = chinese.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(file + ":1: error: 缺少章節 ## Symptoms, ## Impact") }, "\(chinese.stdout)")
        #expect(
            lines.contains(file + ":1: warning: 索引 \(home)/runbooks/README.md 沒有列出這份 runbook；請加上一列，值班同仁才找得到"),
            "\(chinese.stdout)")
        #expect(!chinese.stdout.contains("missing section"))
        let english = try respond(["lint"], home: home, language: ["LANG": "C.UTF-8"])
        #expect(
            english.stdout.contains(
                file
                    + ":1: warning: not listed in the index \(home)/runbooks/README.md; add a row so responders can find it"
            ),
            "\(english.stdout)")
        let json = try respond(["lint", "--json"], home: home, language: ["LANG": "zh_TW.UTF-8"])
        let findings = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(findings.allSatisfy { Set($0.keys) == ["file", "line", "severity", "message"] })
        #expect(findings.contains { ($0["message"] as? String)?.hasPrefix("缺少章節") == true }, "\(json.stdout)")
        #expect(findings.allSatisfy { ["error", "warning"].contains($0["severity"] as? String ?? "") })
    }

    @Test("show names the runbook's kind, and alerts an Alertmanager it cannot reach, in Chinese")
    func showAndAlerts() throws {
        let home = try makeHome()
        let chinese = ["LANG": "zh_TW.UTF-8"]
        let shown = try respond(["show", "disk-full"], home: home, language: chinese)
        #expect(shown.stdout.split(separator: "\n").dropFirst(2).first == "disk-full · 事故 · P1", "\(shown.stdout)")
        let english = try respond(["show", "disk-full"], home: home, language: ["LANG": "C.UTF-8"])
        #expect(english.stdout.split(separator: "\n").dropFirst(2).first == "disk-full · incident · P1")
        let alerts = try respond(["alerts", "--alertmanager", "http://127.0.0.1:1"], home: home, language: chinese)
        #expect(alerts.status != 0)
        #expect(alerts.stderr.hasPrefix("錯誤：連不上 http://127.0.0.1:1 的 Alertmanager："), "\(alerts.stderr)")
    }

    @Test("list says where a moved runbook went in Chinese")
    func listMoved() throws {
        let home = try makeHome()
        let library = ["--runbooks", PackagePaths.alertLibrary]
        let chinese = try respond(["list"] + library, home: home, language: ["LANG": "zh_TW.UTF-8"])
        let english = try respond(["list"] + library, home: home, language: ["LANG": "C.UTF-8"])
        #expect(chinese.stdout.contains("  已搬到 "), "\(chinese.stdout)")
        #expect(!chinese.stdout.contains("moved to"))
        #expect(english.stdout.contains("  moved to "), "\(english.stdout)")
    }

    @Test("list says the procedure kind and the moved runbooks' group in Chinese, the library's own names as written")
    func listWords() throws {
        let home = try makeHome()
        let chinese = ["LANG": "zh_TW.UTF-8"]
        let shipped = try respond(["list", "--runbooks", PackagePaths.shippedRunbooks], home: home, language: chinese)
        let rows = shipped.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("  程序  backup-restore") }, "\(shipped.stdout)")
        #expect(!shipped.stdout.contains("procedure"))
        let folders = try respond(["list", "--runbooks", PackagePaths.alertLibrary], home: home, language: chinese)
        let lines = folders.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("已搬到別處") && lines.contains("Control plane"), "\(folders.stdout)")
        #expect(!folders.stdout.contains("Moved elsewhere"))
    }

    @Test("the incidents table has Chinese headers and statuses, its columns aligned by display width")
    func incidentsTable() throws {
        let home = try homeWithIncident()
        let result = try respond(["incidents"], home: home, language: ["LANG": "zh_TW.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("ID  嚴重度  狀態    已過時間  標題") == true, "\(result.stdout)")
        #expect(lines.last?.hasPrefix("d   P1      調查中  ") == true, "\(result.stdout)")
        let english = try respond(["incidents", "--lang", "en"], home: home, language: ["LANG": "zh_TW.UTF-8"])
        #expect(english.stdout.hasPrefix("ID  SEV  STATUS         AGE  TITLE\nd   P1   investigating  "))
    }
}
