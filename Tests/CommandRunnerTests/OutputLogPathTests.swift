import Foundation
import TestSupport
import Testing

@testable import CommandRunner

/// Where a command's output file may be created: only in the incident's own `commands/` directory, never through
/// a link planted in its place.
@Suite("The output file is never written through a link", .temporaryFiles)
struct OutputLogPathTests {
    @Test("a commands/ that is a link is refused: the command does not run and nothing is written where it points")
    func linkedCommandsDirectory() throws {
        let incident = try IncidentDirectory()
        let outside = try freshDirectory()
        try FileManager.default.createSymbolicLink(atPath: incident.path + "/commands", withDestinationPath: outside)
        #expect {
            _ = try CommandExecution.start(
                incident.request("touch ran"), policy: .allowed, redact: keepText)
        } throws: { error in
            guard case CommandRunnerError.cannotCreateOutputFile(let path, let reason) = error else { return false }
            return path == incident.path + "/commands" && reason.contains("is a symbolic link")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: incident.path + "/ran"))
    }

    @Test("an incident directory that is a link is refused before anything is created in it")
    func linkedIncidentDirectory() throws {
        let base = try freshDirectory()
        let outside = try freshDirectory()
        try FileManager.default.createSymbolicLink(atPath: base + "/incident", withDestinationPath: outside)
        let request = CommandRequest(
            commandLine: "true", isScript: false, incidentDirectory: base + "/incident", workingDirectory: base,
            timeout: .seconds(60))
        #expect(throws: CommandRunnerError.self) {
            _ = try CommandExecution.start(request, policy: .allowed, redact: keepText)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
