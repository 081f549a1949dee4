import Foundation
import IncidentModel
import RunbookKit
import TestSupport
import Testing

@testable import CommandRunner

/// Running real commands under bash: output, exit codes, streaming, cancelling, timeouts, files.
@Suite("Command execution", .temporaryFiles)
struct CommandExecutionTests {
    @Test("runs a command, streams its output and records it in a private file under commands/")
    func echo() throws {
        let incident = try IncidentDirectory()
        let collected = CollectedOutput()
        let execution = try CommandExecution.start(
            incident.request("echo hello"), policy: .allowed, redact: keepText, onOutput: collected.append)
        let result = execution.waitForResult()
        #expect(result.exitCode == 0)
        #expect(result.signal == nil)
        #expect(result.stoppedBecause == nil)
        #expect(result.outputExcerpt == "+ echo hello\nhello")
        #expect(result.outputBytes == 6)
        #expect(result.outputDroppedBytes == 0)
        #expect(collected.value == "+ echo hello\nhello\n")
        #expect(result.outputFile.hasPrefix("commands/") && result.outputFile.hasSuffix("-command.log"))
        let path = incident.path + "/" + result.outputFile
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "+ echo hello\nhello\n")
        let file = try FileManager.default.attributesOfItem(atPath: path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: incident.path + "/commands")
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        #expect(result.summary.hasPrefix("exit 0 · "))
        #expect(!result.summary.contains("incomplete"))
    }

    @Test("the pane's summary says when the output file could not be written whole")
    func summaryNamesOutputFileProblem() {
        let result = CommandResult(
            commandLine: "echo hi", exitCode: 0, signal: nil, stoppedBecause: nil,
            startedAt: Date(timeIntervalSince1970: 0),
            durationSeconds: 1.25, outputExcerpt: "hi", outputFile: "commands/x.log", outputBytes: 3,
            outputFileProblem: "No space left on device")
        #expect(result.summary == "exit 0 · 1.2s · output file incomplete: No space left on device")
    }

    @Test("reports a non-zero exit code, with stderr merged into the output")
    func failure() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("echo out; echo oops >&2; exit 3"), policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(result.exitCode == 3)
        #expect(result.outputExcerpt == "+ echo out\nout\n+ echo oops 1>&2\noops\n+ exit 3")
    }

    @Test("output arrives while the command is still running")
    func streaming() throws {
        let incident = try IncidentDirectory()
        let fifo = incident.path + "/gate"
        #expect(mkfifo(fifo, 0o600) == 0)
        let execution = try CommandExecution.start(
            incident.request("echo first; read line < '\(fifo)'; echo \"second $line\""), policy: .allowed,
            redact: keepText)
        var seen = ""
        #expect(
            eventually {
                seen += execution.takeOutput()
                return seen.contains("first\n")
            })
        #expect(execution.result == nil)
        let writer = open(fifo, O_WRONLY)
        #expect(writer >= 0)
        _ = "go\n".withCString { write(writer, $0, 3) }
        close(writer)
        let result = try #require(execution.waitForResult(upTo: .seconds(10)))
        seen += execution.takeOutput()
        #expect(seen.split(separator: "\n").filter { !$0.hasPrefix("+ ") } == ["first", "second go"])
        #expect(result.exitCode == 0)
    }

    @Test("cancel stops the whole process group, background children included")
    func cancel() throws {
        let incident = try IncidentDirectory()
        let pidFile = incident.path + "/child.pid"
        let execution = try CommandExecution.start(
            incident.request("sleep 100 & echo $! > '\(pidFile)'; wait"), policy: .allowed, redact: keepText)
        var child: pid_t = 0
        #expect(
            eventually {
                child =
                    pid_t(
                        (try? String(contentsOfFile: pidFile, encoding: .utf8))?
                            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
                return child > 0
            })
        execution.cancel()
        let result = try #require(execution.waitForResult(upTo: .seconds(10)))
        #expect(result.stoppedBecause == .cancelled)
        #expect(result.exitCode == nil)
        #expect(result.signal == SIGTERM || result.signal == SIGKILL)
        #expect(eventually { processIsGone(child) })
        #expect(result.commandRun(step: nil, placeholders: [:]).stoppedBecause == "cancelled")
    }

    @Test("a command that ignores SIGTERM is killed after the grace")
    func killAfterGrace() throws {
        let incident = try IncidentDirectory()
        var request = incident.request("trap '' TERM; echo ready; while :; do sleep 1; done")
        request.killGrace = .milliseconds(200)
        let execution = try CommandExecution.start(request, policy: .allowed, redact: keepText)
        var seen = ""
        #expect(
            eventually {
                seen += execution.takeOutput()
                return seen.contains("ready\n")
            })
        execution.cancel()
        let result = try #require(execution.waitForResult(upTo: .seconds(10)))
        #expect(result.stoppedBecause == .cancelled)
        #expect(result.signal == SIGKILL)
    }

    @Test("a command that runs past its timeout is stopped with `timed out`")
    func timeout() throws {
        let incident = try IncidentDirectory()
        let result = try #require(
            try CommandExecution.start(
                incident.request("sleep 30", timeout: .milliseconds(300)), policy: .allowed, redact: keepText
            ).waitForResult(upTo: .seconds(10)))
        #expect(result.stoppedBecause == .timedOut)
        #expect(result.exitCode == nil)
        let run = result.commandRun(step: nil, placeholders: [:])
        #expect(run.stoppedBecause == "timed out")
        #expect(run.exitCode == nil)
    }

    @Test("the command runs in the given directory and environment, in its own session, with stdin empty")
    func surroundings() throws {
        let incident = try IncidentDirectory()
        var request = incident.request("pwd; echo \"$RUNNER_TEST_VALUE\"; cat; cut -d' ' -f5,6 /proc/$$/stat")
        request.environment = ["RUNNER_TEST_VALUE": "值 42", "PATH": "/usr/bin:/bin"]
        let execution = try CommandExecution.start(request, policy: .allowed, redact: keepText)
        let result = execution.waitForResult()
        let pid = execution.processID
        let realPath = URL(fileURLWithPath: incident.path).resolvingSymlinksInPath().path
        let output = result.outputExcerpt.split(separator: "\n").filter { !$0.hasPrefix("+ ") }
        #expect(output == ["\(realPath)", "值 42", "\(pid) \(pid)"])
        #expect(result.exitCode == 0)
    }

    @Test("a script stops at the first failing command; a plain block runs every line and fails with the first")
    func scriptSemantics() throws {
        let incident = try IncidentDirectory()
        let script = try CommandExecution.start(
            incident.request("false\necho after", script: true), policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(script.exitCode == 1)
        #expect(script.outputExcerpt == "+ false\n! exit 1")
        let plain = try CommandExecution.start(
            incident.request("false\necho after"), policy: .allowed, redact: keepText
        ).waitForResult()
        #expect(plain.exitCode == 1)
        #expect(plain.outputExcerpt == "+ false\n! exit 1\n+ echo after\nafter")
    }

    @Test("the excerpt is bounded and redacted while the file keeps the whole output")
    func excerptAndFile() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("echo 'Authorization: Bearer abc.def'; seq 1 500"), policy: .allowed,
            redact: { Redactor.redact($0) }
        ).waitForResult()
        #expect(!result.outputExcerpt.contains("abc.def"))
        #expect(
            result.outputExcerpt.hasPrefix(
                "+ echo 'Authorization: Bearer \(Redactor.marker)'\n"
                    + "Authorization: Bearer \(Redactor.marker)\n+ seq 1 500\n1\n"))
        #expect(result.outputExcerpt.contains("… 463 lines omitted …"))
        #expect(result.outputExcerpt.hasSuffix("\n500"))
        let file = try String(contentsOfFile: incident.path + "/" + result.outputFile, encoding: .utf8)
        #expect(file.hasPrefix("+ echo 'Authorization: Bearer \(Redactor.marker)'\nAuthorization: Bearer abc.def\n"))
        #expect(file.split(separator: "\n").count == 503)
    }

    @Test("two runs of the same step in the same millisecond get separate files")
    func separateFiles() throws {
        let incident = try IncidentDirectory()
        let date = Date(timeIntervalSince1970: 1_700_000_000.123)
        let step = StepRef(runbook: "pod-restart-loop", step: "diagnosis-2", title: "Logs")
        var first = try OutputLog(incidentDirectory: incident.path, step: step, startedAt: date, cap: 1024)
        var second = try OutputLog(incidentDirectory: incident.path, step: step, startedAt: date, cap: 1024)
        first.close()
        second.close()
        #expect(first.relativePath == "commands/20231114T221320.123Z-pod-restart-loop-diagnosis-2.log")
        #expect(second.relativePath == "commands/20231114T221320.123Z-pod-restart-loop-diagnosis-2-2.log")
    }

    @Test("the result becomes the journal's command record")
    func commandRecord() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("echo ok"), policy: .allowed, redact: keepText
        ).waitForResult()
        let step = StepRef(runbook: "pod-restart-loop", step: "diagnosis-2", title: "Logs")
        let run = result.commandRun(step: step, placeholders: ["pod-name": "api-1"])
        #expect(
            run
                == CommandRun(
                    command: "echo ok", step: step, placeholders: ["pod-name": "api-1"], exitCode: 0,
                    durationSeconds: result.durationSeconds, outputExcerpt: "+ echo ok\nok",
                    outputFile: result.outputFile,
                    outputBytes: 3))
    }

    @Test("a missing working directory is refused before anything runs")
    func missingDirectory() throws {
        let incident = try IncidentDirectory()
        var request = incident.request("echo never")
        request.workingDirectory = incident.path + "/absent"
        #expect(throws: CommandRunnerError.missingWorkingDirectory(path: incident.path + "/absent")) {
            try CommandExecution.start(request, policy: .allowed, redact: keepText)
        }
        #expect(!FileManager.default.fileExists(atPath: incident.path + "/commands"))
    }
}
