import Foundation
import Localization
import TestSupport
import Testing

@testable import RunbookKit

/// The runbook from `templateRunbook` with its first step heading numbered `number`.
private func runbook(stepNumber number: String) -> String {
    templateRunbook.replacingOccurrences(
        of: "### Step 1: Find the full volume", with: "### Step \(number): Find the full volume")
}

@Suite("Runbook size and shape are bounded", .temporaryFiles, .tags(.slow))
struct RunbookLimitsTests {
    static let oversized = Catalog.maximumFileSize + 1
    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    @Test("a file over the limit is one error naming the file, its size and the limit, on line 1, in every path")
    func oversizedFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "README.md",
            "### Storage\n\n| Runbook | Severity | Description |\n|---|---|---|\n"
                + "| [Huge](huge.md) | P2 | huge |\n| [Disk Full](disk-full.md) | P2 | disk |\n")
        try directory.write("disk-full.md", templateRunbook)
        try directory.write("huge.md", String(repeating: "<", count: Self.oversized))
        let path = directory.path + "/huge.md"
        let message =
            "\(path) is 1048577 bytes (1.0 MiB); a file in the runbook directory may be at most "
            + "1048576 bytes (1 MiB): split it into shorter runbooks, or move it out of the directory"
        let catalog = try Catalog.load(directory: directory.path)

        #expect(catalog.runbook(id: "huge") == nil)
        #expect(catalog.problems(id: "huge").map(\.description) == ["\(path):1: error: \(message)"])
        let error = #expect(throws: CatalogLookupError.self) { try catalog.resolve("huge") }
        #expect(error == .unparsable(id: "huge", problem: catalog.problems(id: "huge").first))
        #expect(error?.description == "runbook huge cannot be opened: \(message); `respond lint` lists every problem")
        let lint = Linter(checker: ScriptedShellChecker(), today: Self.today).lint(catalog)
        #expect(lint.filter { $0.location.file == path }.map(\.description) == ["\(path):1: error: \(message)"])
        #expect(SymptomSearch(catalog: catalog).search("disk").map(\.id) == ["disk-full"])
        #expect(catalog.runbook(id: "disk-full") != nil)
    }

    @Test("an unlisted file over the limit is reported when the catalog loads, and so is an index over it")
    func oversizedUnlistedAndIndex() throws {
        let directory = try TemporaryDirectory()
        try directory.write("README.md", "# Runbooks\n\n" + String(repeating: "x", count: Self.oversized))
        try directory.write("stray.md", String(repeating: "a", count: Self.oversized))
        let catalog = try Catalog.load(directory: directory.path)
        let errors = catalog.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location.file) == [directory.path + "/README.md", directory.path + "/stray.md"])
        #expect(errors.map(\.location.line) == [1, 1])
        #expect(
            errors.map { $0.message.prefix { $0 != "(" } } == [
                "\(directory.path)/README.md is 1048589 bytes ", "\(directory.path)/stray.md is 1048577 bytes ",
            ])
        #expect(errors.allSatisfy { $0.message.contains("may be at most 1048576 bytes (1 MiB)") })
    }

    @Test("a file of exactly the limit is read and parsed")
    func fileAtTheLimit() throws {
        let directory = try TemporaryDirectory()
        let padding = String(repeating: "x", count: Catalog.maximumFileSize - templateRunbook.utf8.count - 1)
        try directory.write("disk-full.md", templateRunbook + padding + "\n")
        #expect(try Catalog.load(directory: directory.path).runbook(id: "disk-full")?.title == "Disk Full")
    }

    @Test("a sparse file of 64 GiB is refused by its size without being read")
    func sparseHugeFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/sparse.md"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        #expect(ftruncate(descriptor, off_t(64) << 30) == 0)
        close(descriptor)
        guard case .unreadable(let reason) = Catalog.readRunbookFile(path) else {
            Issue.record("a 64 GiB file was read")
            return
        }
        #expect(
            reason.message(in: Localizer(.english))
                == "\(path) is 68719476736 bytes (65536 MiB); a file in the runbook directory may be at most "
                + "1048576 bytes (1 MiB): split it into shorter runbooks, or move it out of the directory")
        #expect(
            reason.message(in: Localizer(.traditionalChinese))
                == "\(path) 有 68719476736 bytes（65536 MiB）；runbook 目錄裡的檔案最多 1048576 bytes（1 MiB）："
                + "請拆成較短的 runbook，或移出這個目錄")
    }

    @Test("a step number that does not fit an Int is part of the title, and the step is numbered by position")
    func hugeStepNumber() throws {
        let result = RunbookParser.parse(text: runbook(stepNumber: "99999999999999999999"), path: "lib/disk-full.md")
        let runbook = try #require(result.runbook)
        let first = try #require(runbook.steps.first)
        #expect(first.key == "diagnosis-1")
        #expect(first.number == 1)
        #expect(first.title == "Step 99999999999999999999: Find the full volume")
        #expect(runbook.steps.map(\.key) == ["diagnosis-1", "diagnosis-2", "resolution-1", "resolution-2"])
        let lint = Linter(checker: ScriptedShellChecker(), today: Self.today).lint(runbook, entry: nil)
        #expect(lint.filter { $0.severity == .error }.isEmpty, "\(messages(lint))")
        #expect(RunbookText.render(runbook).contains("▸ Step 99999999999999999999: Find the full volume"))
    }

    @Test("huge numbers in an ordered list, the footer's date and the index parse without trapping")
    func hugeNumbersElsewhere() throws {
        let text =
            templateRunbook
            .replacingOccurrences(of: "1. Rotate logs", with: "99999999999999999999. Rotate logs\n\n999999999. Next")
            .replacingOccurrences(of: "2026-11-01", with: "99999999999999999999-01-01")
        let runbook = try #require(RunbookParser.parse(text: text, path: "lib/disk-full.md").runbook)
        #expect(RunbookText.render(runbook).contains("999999999. Next"))
        let lint = Linter(checker: ScriptedShellChecker(), today: Self.today).lint(runbook, entry: nil)
        #expect(
            lint.map(\.message).contains(
                "Last Updated \"99999999999999999999-01-01\" is not a date; write YYYY-MM-DD"))
        let table = "### A\n\n| Runbook | Severity |\n|---|---|\n| [X](x.md) | P99999999999999999999 |\n"
        let index = IndexParser.parse(text: table, path: "README.md")
        #expect(index.index.categories.first?.entries.first?.severity == nil)
    }

    // The limit only ends a hang: parsing takes about 2 s alone, and the quadratic footer search it guards against
    // took over 600 s. Speed itself is measured by `make bench`, never here.
    @Test("a paragraph of 200,000 blank code spans parses without a quadratic pass", .timeLimit(.minutes(5)))
    func manyBlankCodeSpans() throws {
        let text = "# Ticks\n\n## Symptoms\n\n" + String(repeating: "` ` ", count: 200_000) + "\n"
        let runbook = try #require(RunbookParser.parse(text: text, path: "ticks.md").runbook)
        #expect(runbook.section(.symptoms)?.blocks.count == 1)
        #expect(runbook.footer.owner == nil)
    }

    @Test("a file whose lines end in a lone CR has its closed fences accepted as closed, on the lines cmark numbers")
    func loneCarriageReturns() throws {
        let text = templateRunbook.replacingOccurrences(of: "\n", with: "\r")
        let result = RunbookParser.parse(text: text, path: "cr.md")
        #expect(result.diagnostics.isEmpty, "\(messages(result.diagnostics))")
        #expect(result.runbook?.steps.first?.location.line == 19)
    }
}
