import Foundation
import IncidentModel
import Postmortem
import Testing

@Suite("The runbook report reads journal lines only as far as it needs")
struct RunbookReportReadingTests {
    private typealias Fixture = RunbookReportFixture

    /// Events of the kinds whose text the report leaves out, and a command run with its output, which it also
    /// leaves out.
    private static let others: [EventKind] = [
        .note(text: "paged the database team", pinned: true, commander: false),
        .commandCopied(command: "df -h", step: Fixture.step("disk-full", "diagnosis-1")),
        .escalated(to: "DBA On-Call: #db-oncall"),
        .roleAssigned(.scribe, person: "bob"),
        .pinChanged(seq: 2, writer: nil, pinned: true),
        .severityChanged(.p0),
        .commandRan(
            CommandRun(
                command: "uptime", exitCode: 0, durationSeconds: 0.2, outputExcerpt: " 10:00 up 3 days",
                outputFile: "output/x.txt")),
        .exportWritten(path: "postmortem.md", format: "markdown"),
    ]

    /// The fixture's incidents, each with those events after its own, as journal lines.
    private static func journals() throws -> [(id: String, lines: [[UInt8]], damaged: Int)] {
        try Fixture.incidents.map { id, events, damaged in
            guard let last = events.last else { return (id, [], damaged) }
            let more = others.enumerated().map { offset, kind in
                Event(
                    seq: last.seq + 1 + offset, recordedAt: last.recordedAt.addingTimeInterval(Double(offset + 1)),
                    actor: "gina", kind: kind)
            }
            return (id, try (events + more).map { Array(try EventCodec.line(for: $0)) }, damaged)
        }
    }

    /// The report of the journals, their lines read as far as `reading` asks.
    private static func report(_ reading: EventReading) throws -> RunbookReport {
        var builder = RunbookReportBuilder(
            library: try Fixture.library(), window: Fixture.window, now: Fixture.now, reviewed: ["inc-b#11"])
        for journal in try journals() {
            var decoder = EventLineDecoder(reading: reading)
            let events = try journal.lines.map { line in
                try line.withUnsafeBufferPointer { try decoder.event(from: $0) }
            }
            builder.add(incident: journal.id, events: events, damagedLines: journal.damaged)
        }
        return builder.report()
    }

    @Test("the report of journals read with the report's reading is the report of the journals read whole")
    func sameReport() throws {
        let whole = try Self.report(.whole)
        #expect(try Self.report(RunbookReportBuilder.reading) == whole)
        let disk = try #require(whole.runbooks.first { $0.id == "disk-full" })
        #expect(disk.commandsNotInRunbook.contains { $0.command == "uptime" })
        #expect(!disk.feedback.isEmpty && !disk.skippedSteps.isEmpty && disk.medianTimeToResolve != nil)
        #expect(whole.people.contains { $0.name == "carol" })
    }
}
