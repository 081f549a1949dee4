import Foundation
import IncidentModel
import TestSupport
import Testing

@testable import CommandRunner

/// Stopping a command whatever it prints: a timeout or a cancel ends its whole process group promptly even
/// when it writes one endless line as fast as it can.
@Suite("Stopping a flood of output", .temporaryFiles, .tags(.slow))
struct StopTests {
    /// One line with no end, written as fast as the pipe takes it.
    private static let endlessLine = "head -c 2000000000 /dev/zero | tr '\\0' x"

    @Test("the timeout stops a command printing one endless line within a few seconds of the deadline")
    func timeoutStopsEndlessLine() throws {
        let incident = try IncidentDirectory()
        let execution = try CommandExecution.start(
            incident.request(Self.endlessLine, timeout: .seconds(1)), policy: .allowed, redact: keepText)
        let result = try #require(execution.waitForResult(upTo: .seconds(15)))
        #expect(result.stoppedBecause == .timedOut)
        #expect(result.durationSeconds < 5)
        #expect(eventually { processIsGone(execution.processID) })
    }

    @Test("a cancel stops a command printing one endless line within a few seconds")
    func cancelStopsEndlessLine() throws {
        let incident = try IncidentDirectory()
        let execution = try CommandExecution.start(
            incident.request(Self.endlessLine), policy: .allowed, redact: keepText)
        #expect(eventually { !execution.takeOutput().isEmpty })
        let requested = Date()
        execution.cancel()
        let result = try #require(execution.waitForResult(upTo: .seconds(15)))
        #expect(result.stoppedBecause == .cancelled)
        #expect(Date().timeIntervalSince(requested) < 4)
    }

    @Test("a cancel stops a loop of builtins, whose command markers flood the output, within a few seconds")
    func cancelStopsMarkerFlood() throws {
        let incident = try IncidentDirectory()
        let execution = try CommandExecution.start(
            incident.request("while :; do :; done"), policy: .allowed, redact: { Redactor.redact($0) })
        #expect(eventually { execution.takeOutput().contains("+ :") })
        let requested = Date()
        execution.cancel()
        let result = try #require(execution.waitForResult(upTo: .seconds(15)))
        #expect(result.stoppedBecause == .cancelled)
        #expect(Date().timeIntervalSince(requested) < 4)
    }
}
