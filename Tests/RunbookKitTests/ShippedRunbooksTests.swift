import Foundation
import Testing

@testable import RunbookKit

/// The runbooks the package ships in `runbooks/`: every one parses, matches its index row and lints clean.
@Suite("The shipped runbook library")
struct ShippedRunbooksTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
    }

    @Test("has 15 runbooks in the index's 6 categories, in index order, and loads without a diagnostic")
    func shape() {
        #expect(catalog.mapRunbooks(\.id).count == 15)
        #expect(
            catalog.categories.map(\.name) == [
                "Performance 問題", "Database 問題", "Service 問題", "Data 問題", "Security 問題", "Operational 程序",
            ])
        #expect(catalog.unindexed.isEmpty)
        #expect(catalog.diagnostics.isEmpty, "\(messages(catalog.diagnostics))")
        #expect(!catalog.emergencyContacts.isEmpty)
    }

    @Test("every incident has diagnosis steps with code, a checklist, contacts and the index's severity")
    func incidents() throws {
        let incidents = catalog.mapRunbooks { $0 }.filter { $0.kind == .incident }
        #expect(incidents.count == 13)
        for runbook in incidents {
            let entry = try #require(catalog.entry(id: runbook.id))
            #expect(runbook.severity != nil && runbook.severity == entry.severity, "\(runbook.id)")
            let diagnosis = runbook.steps.filter { $0.section == .diagnosis }
            #expect(!diagnosis.isEmpty, "\(runbook.id)")
            #expect(diagnosis.allSatisfy { !$0.codeBlocks.isEmpty }, "\(runbook.id)")
            #expect(!runbook.checklist.isEmpty && runbook.checklist.allSatisfy { !$0.checkedInSource }, "\(runbook.id)")
            #expect(!runbook.escalation.isEmpty, "\(runbook.id)")
            #expect(runbook.footer.lastUpdated != nil && runbook.footer.owner != nil, "\(runbook.id)")
        }
    }

    @Test("the two procedures have prerequisites, procedure steps, a checklist and rollback")
    func procedures() {
        let procedures = catalog.mapRunbooks { $0 }.filter { $0.kind == .procedure }
        #expect(procedures.map(\.id) == ["backup-restore", "scaling-operations"])
        for runbook in procedures {
            #expect(runbook.steps.contains { $0.section == .procedure }, "\(runbook.id)")
            #expect(runbook.section(.rollback) != nil, "\(runbook.id)")
            #expect(!runbook.checklist.isEmpty, "\(runbook.id)")
        }
    }

    @Test("lints clean with real bash -n, judged on the day of the newest Last Updated")
    func lintClean() throws {
        let newest = try #require(
            catalog.mapRunbooks { $0.footer.lastUpdated.flatMap(CalendarDay.init(parsing:)) }.compactMap { $0 }.max())
        let diagnostics = Linter(checker: BashSyntaxChecker(), today: newest).lint(catalog)
        #expect(diagnostics.isEmpty, "\(messages(diagnostics))")
    }

    @Test("symptom search finds the obvious runbook first")
    func search() {
        let search = SymptomSearch(catalog: catalog)
        #expect(search.search("CPU").first?.id == "high-cpu-usage")
        #expect(search.search("replica lag").first?.id == "replication-lag")
        #expect(search.search("pod crash").first?.id == "pod-restart-loop")
        #expect(search.search("slow query").first?.id == "slow-queries")
        #expect(search.search("記憶體").first.map { ["high-memory-usage"].contains($0.id) } == true)
        #expect(!search.search("502").isEmpty)
        #expect(!search.search("慢").isEmpty)
    }
}
