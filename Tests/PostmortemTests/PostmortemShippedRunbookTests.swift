import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import Testing

@Suite("A postmortem drafted on a runbook parsed from the shipped library")
struct PostmortemShippedRunbookTests {
    private static let runbookPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("runbooks/high-cpu-usage.md").path

    private func draft() throws -> (markdown: String, report: AdherenceReport) {
        let data = try #require(FileManager.default.contents(atPath: Self.runbookPath))
        let runbook = try #require(RunbookParser.parse(data: data, path: Self.runbookPath).runbook)
        let first = try #require(runbook.steps.first)
        let node = try #require(runbook.steps.flatMap(\.codeBlocks).first { $0.code.contains("<node-name>") })
        let cordon = node.code.split(separator: "\n").first { $0.contains("<node-name>") }.map(String.init) ?? ""
        let events = [
            Event(
                seq: 1, recordedAt: PostmortemFixture.time(0), actor: "alice",
                kind: .incidentOpened(title: "CPU", severity: .p2, runbook: runbook.id, drill: true, roles: [:])),
            Event(
                seq: 2, recordedAt: PostmortemFixture.time(1), actor: "alice",
                kind: .commandRan(
                    CommandRun(
                        command: cordon.replacingOccurrences(of: "<node-name>", with: "ip-10-0-3-7"), exitCode: 0,
                        durationSeconds: 1, outputExcerpt: ""))),
            Event(
                seq: 3, recordedAt: PostmortemFixture.time(2), actor: "alice",
                kind: .stepDone(StepRef(runbook: runbook.id, step: first.key, title: first.title))),
            Event(seq: 4, recordedAt: PostmortemFixture.time(3), actor: "alice", kind: .statusChanged(.resolved)),
        ]
        let runbooks = [runbook.id: runbook]
        let markdown = PostmortemRenderer.markdown(
            events: events, runbooks: runbooks, incidentID: "i",
            generatedAt: PostmortemFixture.time(4), localizer: Localizer(.english), clock: .utc
        )
        return (markdown, Adherence.report(events: events, runbooks: runbooks))
    }

    @Test("action items are seeded from the runbook's Root Cause Fix and Prevention")
    func actionItems() throws {
        let markdown = try draft().markdown
        #expect(markdown.contains("| 用 profiler（例如 async-profiler、pprof）在 staging 重現"))
        #expect(markdown.contains("| prevent | _TODO: owner_ | _TODO: link_ | Root Cause Fix, `high-cpu-usage` |"))
        #expect(
            markdown.contains(
                "| 每個 deployment 都設定合理的 CPU requests/limits 與 HPA | prevent | _TODO: owner_ | _TODO: link_ | Prevention, `high-cpu-usage` |"
            ))
    }

    @Test("every verification item is listed, all open, and the runbook's impact and alert are quoted")
    func verificationAndImpact() throws {
        let (markdown, report) = try draft()
        #expect(markdown.components(separatedBy: "- [ ] **OPEN** ").count - 1 == 6)
        #expect(report.openItems.count == 6)
        #expect(report.openItemsAtResolution)
        #expect(markdown.contains("What the runbook says about impact; a severity there is the runbook's default"))
        #expect(markdown.contains("The runbook's alert and signals:"))
    }

    @Test("a runbook command with its placeholder filled in counts as listed")
    func placeholderCommand() throws {
        #expect(try draft().report.unlistedCommands.isEmpty)
    }
}
