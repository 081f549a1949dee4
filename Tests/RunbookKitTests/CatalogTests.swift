import Foundation
import Localization
import TestSupport
import Testing

@testable import RunbookKit

@Suite("Loading a catalog", .temporaryFiles)
struct CatalogTests {
    @Test("another team's index gives its own categories, kinds, severities, descriptions and contacts")
    func otherTeamIndex() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        #expect(catalog.categories.map(\.name) == ["付款問題", "對帳"])
        #expect(
            catalog.entries.map(\.id) == [
                "gateway-timeout", "refund-stuck", "daily-reconciliation", "settlement-report",
            ])
        #expect(catalog.entries.map(\.severity) == [.p1, nil, nil, .p3])
        #expect(catalog.entries.map(\.kind) == [.incident, .incident, .procedure, .incident])
        #expect(catalog.entry(id: "gateway-timeout")?.description == "付款閘道回應 > 5s")
        #expect(
            catalog.contactGroups == [
                ContactGroup(
                    name: "值班",
                    contacts: [
                        Contact(role: "金流值班", reach: "#payments-oncall"), Contact(role: "主管", reach: "0912-345-678"),
                    ])
            ])
        #expect(
            catalog.mapRunbooks(\.id) == ["gateway-timeout", "refund-stuck", "daily-reconciliation", "orphan-alerts"])
        #expect(catalog.unindexed.map(\.id) == ["orphan-alerts"])
        #expect(
            catalog.runbook(id: "daily-reconciliation")?.steps.map(\.key)
                == ["prerequisites-1", "procedure-1", "procedure-2", "rollback-1"])
    }

    @Test("index mistakes are diagnostics on their rows: a missing file, an unknown severity")
    func indexMistakes() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let index = TestPaths.paymentsFixture + "/README.md"
        let onIndex = catalog.diagnostics.filter { $0.location.file == index }
        #expect(onIndex.map(\.location.line) == [10, 17])
        #expect(onIndex[0].message == "unknown severity \"High\" for refund-stuck.md; use P0, P1, P2, P3 or Procedure")
        #expect(
            onIndex[1].message.contains(
                "links settlement-report.md, which does not exist; create it with `respond new settlement-report`"))
    }

    @Test("a missing file that respond new cannot make (a subdirectory, capitals) is named, not handed to respond new")
    func missingFileHint() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "README.md",
            "### DB\n\n| Runbook | Severity | Description |\n|---|---|---|\n"
                + "| [Slow](db/slow.md) | P2 | x |\n| [CPU](High-CPU.md) | P1 | y |\n")
        let messages = try Catalog.load(directory: directory.path).diagnostics.map(\.message)
        #expect(
            messages.contains {
                $0.hasSuffix("links db/slow.md, which does not exist; create db/slow.md or fix the link")
            })
        #expect(
            messages.contains {
                $0.hasSuffix("links High-CPU.md, which does not exist; create High-CPU.md or fix the link")
            })
    }

    @Test("a directory named x.md, a dangling link and a FIFO are diagnostics, and the rest still loads")
    func unreadableFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("good.md", templateRunbook)
        try FileManager.default.createDirectory(
            atPath: directory.path + "/folder.md", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/dangling.md", withDestinationPath: "/nonexistent/x")
        #expect(mkfifo(directory.path + "/pipe.md", 0o600) == 0)
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.mapRunbooks(\.id) == ["good"])
        let problems = Dictionary(
            uniqueKeysWithValues: catalog.diagnostics.filter { $0.severity == .error }
                .map { (($0.location.file as NSString).lastPathComponent, $0.message) })
        #expect(problems["folder.md"]?.contains("is a directory") == true)
        #expect(problems["dangling.md"]?.contains("symbolic link to a file that does not exist") == true)
        #expect(problems["pipe.md"]?.contains("not a regular file") == true)
        #expect(catalog.diagnostics.contains { $0.message.hasPrefix("no index README.md") })
    }

    @Test("a file without read permission is reported, not fatal", .enabled(if: getuid() != 0, "root reads anything"))
    func noPermission() throws {
        let directory = try TemporaryDirectory()
        try directory.write("secret.md", templateRunbook)
        #expect(chmod(directory.path + "/secret.md", 0) == 0)
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.mapRunbooks(\.id).isEmpty)
        #expect(catalog.diagnostics.contains { $0.location.file.hasSuffix("secret.md") && $0.severity == .error })
    }

    @Test("empty, binary and invalid UTF-8 files in a directory each give a diagnostic with their file")
    func badFilesInDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("empty.md", "")
        try directory.write("binary.md", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00])
        try directory.write("latin1.md", bytes: Array("# Caf".utf8) + [0xE9] + Array("\n\n## Symptoms\n\n- x\n".utf8))
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.mapRunbooks(\.id) == ["latin1"])
        #expect(catalog.runbook(id: "latin1")?.title == "Caf\u{FFFD}")
        let files = catalog.diagnostics.map { ($0.location.file as NSString).lastPathComponent }
        #expect(Set(files).isSuperset(of: ["empty.md", "binary.md", "latin1.md"]))
    }

    /// A library whose index lists disk-full.md (written from the template) and `extraRows`.
    static func diskFullLibrary(extraRows: String = "") throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(
            "README.md",
            "### Storage\n\n| Runbook | Severity | Description |\n|---|---|---|\n"
                + "| [Disk Full](disk-full.md) | P2 | disk |\n" + extraRows)
        try directory.write("disk-full.md", templateRunbook)
        return directory
    }

    @Test("a runbook the index lists is read when first asked for, and kept from then on")
    func listedRunbooksAreReadOnDemand() throws {
        let directory = try Self.diskFullLibrary()
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.runbookIDs == ["disk-full"])
        try directory.write(
            "disk-full.md",
            templateRunbook.replacingOccurrences(of: "# Runbook: Disk Full", with: "# Runbook: Disk Almost Full"))
        #expect(catalog.runbook(id: "disk-full")?.title == "Disk Almost Full")
        try directory.write("disk-full.md", templateRunbook)
        #expect(catalog.runbook(id: "disk-full")?.title == "Disk Almost Full")
    }

    @Test("a listed file deleted before it is opened is a clear problem, not a crash")
    func listedFileDeletedBeforeOpening() throws {
        let directory = try Self.diskFullLibrary()
        let catalog = try Catalog.load(directory: directory.path)
        try FileManager.default.removeItem(atPath: directory.path + "/disk-full.md")
        #expect(catalog.runbook(id: "disk-full") == nil)
        #expect(
            catalog.problems(id: "disk-full").map(\.message) == [
                "the file is gone (deleted or renamed since the catalog was read)"
            ])
    }

    @Test("a broken listed file costs nothing at load; asking for it, everyRunbook and lint say what is wrong")
    func brokenListedFile() throws {
        let directory = try Self.diskFullLibrary(extraRows: "| [Core Dump](core.md) | P1 | binary |\n")
        try directory.write("core.md", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00])
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.diagnostics.isEmpty)
        #expect(catalog.runbookIDs == ["disk-full", "core"])
        #expect(catalog.runbook(id: "core") == nil)
        #expect(catalog.problems(id: "core").map(\.location.file) == [directory.path + "/core.md"])
        let every = catalog.everyRunbook(\.id)
        #expect(every.values == ["disk-full"])
        #expect(every.diagnostics.map(\.message).contains { $0.hasPrefix("not a text file") })
        let lint = Linter(checker: ScriptedShellChecker(), today: CalendarDay(year: 2026, month: 11, day: 27)).lint(
            catalog)
        #expect(lint.filter { $0.location.file.hasSuffix("core.md") && $0.severity == .error }.count == 1)
        let error = #expect(throws: CatalogLookupError.self) { try catalog.resolve("core") }
        #expect(error?.description.hasPrefix("runbook core cannot be opened: not a text file") == true)
        let problem = try #require(catalog.problems(id: "core").first)
        #expect(error == .unparsable(id: "core", problem: problem))
        #expect(
            error?.description(in: Localizer(.traditionalChinese))
                == "無法開啟 runbook core：\(problem.message(in: Localizer(.traditionalChinese)))；`respond lint` 會列出所有問題")
        #expect(problem.message(in: Localizer(.traditionalChinese)).hasPrefix("不是文字檔"))
    }

    @Test("a broken file the index does not list is reported once: at load, not again by everyRunbook or lint")
    func brokenUnlistedFileReportedOnce() throws {
        let directory = try Self.diskFullLibrary()
        try directory.write("stray.md", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00])
        let catalog = try Catalog.load(directory: directory.path)
        #expect(
            catalog.diagnostics.filter { $0.location.file.hasSuffix("stray.md") && $0.severity == .error }.count == 1)
        #expect(catalog.everyRunbook(\.id).diagnostics.isEmpty)
        let lint = Linter(checker: ScriptedShellChecker(), today: CalendarDay(year: 2026, month: 11, day: 27)).lint(
            catalog)
        #expect(
            lint.filter { $0.location.file.hasSuffix("stray.md") && $0.message.hasPrefix("not a text file") }.count == 1
        )
    }

    @Test("a pass over the whole library gives the transform of every runbook that parses, in catalog order")
    func mapRunbooksKeepsCatalogOrder() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        #expect(
            catalog.mapRunbooks { "\($0.id): \($0.title)" } == [
                "gateway-timeout: 付款閘道逾時", "refund-stuck: 退款卡住", "daily-reconciliation: 每日對帳",
                "orphan-alerts: Orphan Alerts",
            ])
    }

    @Test("a path that is not a directory is a typed error")
    func notADirectory() {
        #expect(throws: CatalogLoadError.notADirectory("/nonexistent/runbooks")) {
            try Catalog.load(directory: "/nonexistent/runbooks")
        }
    }
}

@Suite("Finding a runbook by what the user typed")
struct CatalogLookupTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
    }

    @Test("an exact id wins, then a unique prefix, then letters in order or a title match")
    func resolves() throws {
        #expect(try catalog.resolve("gateway-timeout").id == "gateway-timeout")
        #expect(try catalog.resolve("gate").id == "gateway-timeout")
        #expect(try catalog.resolve("dlyrec").id == "daily-reconciliation")
        #expect(try catalog.resolve("退款").id == "refund-stuck")
        #expect(try catalog.resolve("tmout").id == "gateway-timeout")
    }

    @Test("letters in order count only from the start of a word, so a typo is not opened as another runbook")
    func lettersFromAWordStart() {
        // Both were opened before: "phal" as orphan-alerts, "ecn" as daily-reconciliation.
        for typo in ["phal", "ecn"] {
            #expect(throws: CatalogLookupError.notFound(query: typo, suggestions: [])) {
                try catalog.resolve(typo)
            }
        }
    }

    @Test("in an alert name, a capital after a small letter starts a word, so its words can be typed run together")
    func camelCaseWordStarts() throws {
        let alerts = try Catalog.load(directory: TestPaths.alertLibrary)
        #expect(try alerts.resolve("podcrash").id == "KubePodCrashLooping")
        #expect(try alerts.resolve("noleader").id == "EtcdNoLeader")
        #expect(throws: CatalogLookupError.self) { try alerts.resolve("odcrash") }
    }

    @Test("an ambiguous query lists every candidate in catalog order")
    func ambiguous() {
        let expected = CatalogLookupError.ambiguous(
            query: "rc", candidates: ["refund-stuck", "daily-reconciliation"])
        #expect(throws: expected) {
            try catalog.resolve("rc")
        }
        #expect(
            expected.description
                == "\"rc\" matches 2 runbooks: refund-stuck, daily-reconciliation; type more of the id")
    }

    @Test("no match suggests the closest ids")
    func notFound() {
        #expect(throws: CatalogLookupError.notFound(query: "refund-stack", suggestions: ["refund-stuck"])) {
            try catalog.resolve("refund-stack")
        }
        #expect(throws: CatalogLookupError.notFound(query: "zzzzzzzzzz", suggestions: [])) {
            try catalog.resolve("zzzzzzzzzz")
        }
    }
}
