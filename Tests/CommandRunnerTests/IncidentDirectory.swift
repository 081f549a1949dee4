import Foundation
import TestSupport

@testable import CommandRunner

/// A fresh incident directory of the running test, removed when it ends (its suite is marked `.temporaryFiles`).
struct IncidentDirectory {
    let path: String

    init() throws {
        path = try freshDirectory()
    }

    func request(
        _ commandLine: String, script: Bool = false, timeout: Duration = .seconds(60),
        outputCap: Int = CommandRequest.defaultOutputCap
    ) -> CommandRequest {
        CommandRequest(
            commandLine: commandLine, isScript: script, incidentDirectory: path, workingDirectory: path,
            timeout: timeout, outputCap: outputCap)
    }
}
