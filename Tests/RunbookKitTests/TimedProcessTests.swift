import Foundation
import Testing

@testable import RunbookKit

/// A program run with a time limit: its output and status come back, and one that does not finish in time is
/// stopped with everything it started, even when it ignores the polite signal.
@Suite("A program run with a time limit")
struct TimedProcessTests {
    @Test("what it writes on both streams and its status come back, its input given")
    func outcome() throws {
        let ran = try TimedProcess.run(
            ["sh", "-c", "cat; echo oops >&2; exit 3"], input: Data("hello\n".utf8), timeout: 30)
        #expect(ran.status == 3)
        #expect(String(decoding: ran.output, as: UTF8.self) == "hello\n")
        #expect(ran.errors == "oops")
    }

    @Test("past its limit it is stopped, with the child holding its pipes, even when it ignores SIGTERM")
    func stopsWhatIgnoresTerm() throws {
        // The shell ignores SIGTERM and its child keeps the output pipe open: only SIGKILL to the group ends both.
        let script = "trap '' TERM; sleep 300 & wait; sleep 300"
        #expect(throws: TimedProcess.Failure.timedOut) {
            try TimedProcess.run(["sh", "-c", script], timeout: 0.2)
        }
    }
}
