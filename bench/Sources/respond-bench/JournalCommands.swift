import Foundation
import IncidentModel
import IncidentStore
import RunbookKit

/// The runbook the generated journals refer to: a generated incident runbook with five diagnosis steps.
func journalRunbook() throws -> Runbook {
    try RunbookGenerator.parsedRunbook(steps: 5)
}

/// `generate-journal FILE N RUNBOOKDIR`: writes a journal of N realistic events, each line encoded by the
/// journal's own codec, in one write (an incident's worth of history, without N fsyncs), and the runbook its
/// events refer to into RUNBOOKDIR, so that an export finds the runbook's steps and checklist.
enum GenerateJournalCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 3 else { throw BenchError.usage("respond-bench generate-journal FILE N RUNBOOKDIR") }
        try FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
        let runbookPath = arguments[2] + "/" + RunbookGenerator.journalRunbookEntry.id + ".md"
        try Data(RunbookGenerator.journalRunbookText(steps: 5).utf8).write(to: URL(fileURLWithPath: runbookPath))
        var factory = EventFactory(runbook: try journalRunbook())
        var bytes = Data()
        for event in factory.events(count: try positive(arguments[1])) {
            bytes += try EventCodec.line(for: event)
            bytes.append(0x0A)
        }
        try bytes.write(to: URL(fileURLWithPath: arguments[0]))
        guard chmod(arguments[0], 0o600) == 0 else { throw BenchError.failed("cannot chmod \(arguments[0])") }
    }
}

/// `append FILE N`: appends N events one at a time through the journal (lock, write, fsync each), as the guide
/// does for every action; prints the events per second measured in-process.
enum AppendCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchError.usage("respond-bench append FILE N") }
        let count = try positive(arguments[1])
        var factory = EventFactory(runbook: try journalRunbook())
        let kinds = factory.events(count: count).map { NewEvent(actor: $0.actor, kind: $0.kind) }
        let journal = Journal(path: arguments[0])
        let (elapsed, stored) = try Stopwatch.time { () throws -> Int in
            var stored = 0
            for event in kinds {
                stored += try journal.append([event], now: Date()).count
            }
            return stored
        }
        guard stored == count else { throw BenchError.failed("only \(stored) of \(count) events were stored") }
        print(String(format: "%.0f", Double(count) / (Double(elapsed) / 1e9)))
    }
}
