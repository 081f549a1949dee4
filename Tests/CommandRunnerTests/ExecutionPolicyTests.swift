import Foundation
import RunbookKit
import TestSupport
import Testing

@testable import CommandRunner

/// `--no-exec`, `RESPOND_NO_EXEC` and `# respond: no-run`.
@Suite("Execution policy", .temporaryFiles)
struct ExecutionPolicyTests {
    @Test("--no-exec and RESPOND_NO_EXEC turn running off; RESPOND_NO_EXEC=0 or empty does not")
    func resolve() {
        #expect(ExecutionPolicy.resolve(noExecFlag: true, environment: [:]).disabledBy == "--no-exec")
        #expect(
            ExecutionPolicy.resolve(noExecFlag: false, environment: ["RESPOND_NO_EXEC": "1"]).disabledBy
                == "RESPOND_NO_EXEC=1")
        #expect(ExecutionPolicy.resolve(noExecFlag: false, environment: ["RESPOND_NO_EXEC": "0"]) == .allowed)
        #expect(ExecutionPolicy.resolve(noExecFlag: false, environment: ["RESPOND_NO_EXEC": ""]) == .allowed)
        #expect(ExecutionPolicy.resolve(noExecFlag: false, environment: [:]) == .allowed)
    }

    @Test("with --no-exec nothing starts and nothing is written, and the error says to copy instead")
    func refuses() throws {
        let incident = try IncidentDirectory()
        let policy = ExecutionPolicy.resolve(noExecFlag: true, environment: [:])
        #expect(throws: CommandRunnerError.executionDisabled(source: "--no-exec")) {
            try CommandExecution.start(incident.request("touch ran"), policy: policy, redact: keepText)
        }
        #expect(!FileManager.default.fileExists(atPath: incident.path + "/ran"))
        #expect(!FileManager.default.fileExists(atPath: incident.path + "/commands"))
        #expect(
            CommandRunnerError.executionDisabled(source: "--no-exec").description
                == "running commands is disabled (--no-exec); copy it with y instead")
    }
}
