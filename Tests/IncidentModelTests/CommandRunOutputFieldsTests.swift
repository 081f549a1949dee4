import Foundation
import IncidentModel
import Testing

/// The sizes of a run's output in its `command-ran` record: written when known, and absent from older records,
/// which still read.
@Suite("command-ran output sizes")
struct CommandRunOutputFieldsTests {
    private let header =
        #""v":1,"seq":2,"id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","#
        + #""occurredAt":"2026-11-27T00:20:05.123Z","actor":"amy","kind":"command-ran","command":"yes","#
        + #""placeholders":{},"durationSeconds":15.5,"outputExcerpt":"y","outputFile":"commands/x.log""#

    @Test("the output's size and the bytes the file did not keep are written and read back")
    func roundTrip() throws {
        let run = CommandRun(
            command: "yes", exitCode: nil, durationSeconds: 15.5, outputExcerpt: "y", outputFile: "commands/x.log",
            stoppedBecause: "cancelled", outputBytes: 206_569_472, outputDroppedBytes: 185_597_952)
        let event = Event(seq: 2, recordedAt: Date(timeIntervalSince1970: 0), actor: "amy", kind: .commandRan(run))
        let line = String(decoding: try EventCodec.line(for: event), as: UTF8.self)
        #expect(line.contains(#""outputBytes":206569472,"outputDroppedBytes":185597952,"#))
        #expect(try EventCodec.event(from: Data(line.utf8)) == event)
    }

    @Test("a record written before the sizes were recorded reads with neither")
    func olderRecord() throws {
        let event = try EventCodec.event(from: Data(("{" + header + "}").utf8))
        guard case .commandRan(let run) = event.kind else {
            Issue.record("not a command-ran event: \(event.kind)")
            return
        }
        #expect(run.outputBytes == nil)
        #expect(run.outputDroppedBytes == nil)
        #expect(run.outputFile == "commands/x.log")
    }

    @Test("a size that is not a whole number makes the line corrupt")
    func badSize() {
        #expect(throws: (any Error).self) {
            try EventCodec.event(from: Data(("{" + header + #","outputDroppedBytes":"lots"}"#).utf8))
        }
    }
}
