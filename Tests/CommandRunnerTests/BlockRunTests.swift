import Foundation
import IncidentModel
import TestSupport
import Testing

@testable import CommandRunner

/// What running a block of several commands means: every command in turn (a script stops at the first
/// failure), a pipeline fails when any part fails, the block's status is its first failing command's, and a
/// `+ command` line, redacted, comes before each command's output.
@Suite("Block runs", .temporaryFiles)
struct BlockRunTests {
    @Test("a plain block whose first command fails runs the rest and is recorded as failed with its status")
    func firstCommandFails() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("false\necho after"), policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(result.exitCode == 1)
        #expect(result.summary.hasPrefix("exit 1 · "))
        #expect(result.outputExcerpt.contains("after"))
        #expect(result.commandRun(step: nil, placeholders: [:]).exitCode == 1)
    }

    @Test("the first failure is the block's status, whatever the commands after it return")
    func firstFailureWins() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("echo start; (exit 4); false; true"), policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(result.exitCode == 4)
    }

    @Test("a pipeline fails when any part of it fails, not only its last")
    func pipelineFails() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("(exit 3) | cat"), policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(result.exitCode == 3)
    }

    @Test("a command tested in an if, or before && or ||, is not a failure of the block")
    func testedCommandsAreNotFailures() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request(
                "if false; then echo no; fi\ngrep -q absent /dev/null || echo none\nfalse && echo no\necho end"),
            policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(result.exitCode == 0)
    }

    @Test("the output file and the pane show `+ command` before each command's output and `! exit N` after a failure")
    func markers() throws {
        let incident = try IncidentDirectory()
        let collected = CollectedOutput()
        let result = try CommandExecution.start(
            incident.request("echo one\nfalse\nprintf 'no newline'\necho two | tr a-z A-Z"), policy: .allowed,
            redact: keepText, onOutput: collected.append
        ).waitForResult()
        let expected =
            "+ echo one\none\n+ false\n! exit 1\n+ printf 'no newline'\nno newline\n"
            + "+ echo two\n+ tr a-z A-Z\nTWO\n"
        #expect(try String(contentsOfFile: incident.path + "/" + result.outputFile, encoding: .utf8) == expected)
        #expect(collected.value == expected)
        #expect(result.outputBytes == "one\nno newlineTWO\n".utf8.count)
    }

    @Test("a failing compound command is named on its failure line, since no marker came before it")
    func failingCompound() throws {
        let incident = try IncidentDirectory()
        let collected = CollectedOutput()
        let result = try CommandExecution.start(
            incident.request("( echo inside; exit 2 )\necho after"), policy: .allowed, redact: keepText,
            onOutput: collected.append
        ).waitForResult()
        #expect(result.exitCode == 2)
        #expect(collected.value == "inside\n! exit 2: ( echo inside; exit 2 )\n+ echo after\nafter\n")
    }

    @Test("a command that prints nothing for a while is named while it runs")
    func silentCommandIsNamed() throws {
        let incident = try IncidentDirectory()
        let execution = try CommandExecution.start(
            incident.request("sleep 20"), policy: .allowed, redact: keepText)
        var seen = ""
        #expect(
            eventually {
                seen += execution.takeOutput()
                return seen == "+ sleep 20\n"
            })
        execution.cancel()
        _ = execution.waitForResult()
    }

    @Test("markers are redacted in the file, the pane and the excerpt; the output itself is kept as written")
    func markersAreRedacted() throws {
        let incident = try IncidentDirectory()
        let collected = CollectedOutput()
        let result = try CommandExecution.start(
            incident.request("PGPASSWORD=hunter2secret true\necho token=abc123"), policy: .allowed,
            redact: { Redactor.redact($0) }, onOutput: collected.append
        ).waitForResult()
        let file = try String(contentsOfFile: incident.path + "/" + result.outputFile, encoding: .utf8)
        #expect(!file.contains("hunter2secret"))
        #expect(file.contains("+ PGPASSWORD=\(Redactor.marker) true\n"))
        #expect(file.hasSuffix("\ntoken=abc123\n"))
        #expect(!collected.value.contains("hunter2secret"))
        #expect(!result.outputExcerpt.contains("hunter2secret") && !result.outputExcerpt.contains("abc123"))
    }

    @Test("output that imitates a marker without the run's tag stays output")
    func forgedMarkers() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("printf '\\036deadbeefdeadbeef!7\\036deadbeefdeadbeef\\n'"), policy: .allowed,
            redact: keepText
        ).waitForResult()
        #expect(result.exitCode == 0)
        #expect(result.outputBytes == 37)
    }

    @Test("bash reads no startup file, options or functions from the responder's environment")
    func environmentCannotHideActions() throws {
        let incident = try IncidentDirectory()
        let startup = incident.path + "/startup.sh"
        try "echo hidden > '\(incident.path)/ran'\n".write(toFile: startup, atomically: true, encoding: .utf8)
        var request = incident.request("echo visible")
        request.environment = [
            "PATH": "/usr/bin:/bin", "BASH_ENV": startup, "ENV": startup, "SHELLOPTS": "noexec",
            "BASH_FUNC_echo%%": "() { builtin echo replaced; }",
        ]
        let result = try CommandExecution.start(request, policy: .allowed, redact: keepText).waitForResult()
        #expect(result.exitCode == 0)
        #expect(result.outputExcerpt == "+ echo visible\nvisible")
        #expect(!FileManager.default.fileExists(atPath: incident.path + "/ran"))
    }

    @Test("a script block stops at its first failure and says which")
    func scriptStops() throws {
        let incident = try IncidentDirectory()
        let collected = CollectedOutput()
        let result = try CommandExecution.start(
            incident.request("echo a | grep -q b\necho never", script: true), policy: .allowed, redact: keepText,
            onOutput: collected.append
        ).waitForResult()
        #expect(result.exitCode == 1)
        #expect(collected.value == "+ echo a\n+ grep -q b\n! exit 1\n")
    }
}
