import Foundation
import IncidentModel
import RunbookKit

/// `generate-home HOME N EVENTS RUNBOOKDIR`: writes N incidents of EVENTS events each into HOME's incidents
/// directory (each journal in one write, as `generate-journal` writes one), every tenth a drill, and the runbook
/// they refer to into RUNBOOKDIR: the input of `respond report` over a busy home.
enum GenerateHomeCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 4 else {
            throw BenchError.usage("respond-bench generate-home HOME N EVENTS RUNBOOKDIR")
        }
        let (home, count, events, runbooks) = (
            arguments[0], try positive(arguments[1]), try positive(arguments[2]), arguments[3]
        )
        try FileManager.default.createDirectory(atPath: runbooks, withIntermediateDirectories: true)
        let runbookPath = runbooks + "/" + RunbookGenerator.journalRunbookEntry.id + ".md"
        try Data(RunbookGenerator.journalRunbookText(steps: 5).utf8).write(to: URL(fileURLWithPath: runbookPath))
        let runbook = try journalRunbook()
        for directory in [home, home + "/incidents"] {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        for index in 0..<count {
            let directory = home + "/incidents/inc-\(index)"
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            var factory = EventFactory(runbook: runbook, seed: UInt64(index + 1))
            var bytes = Data()
            for var event in factory.events(count: events) {
                if index % 10 == 9, case .incidentOpened(let title, let severity, let id, _, let roles) = event.kind {
                    event.kind = .incidentOpened(
                        title: title, severity: severity, runbook: id, drill: true, roles: roles)
                }
                bytes += try EventCodec.line(for: event)
                bytes.append(0x0A)
            }
            let path = directory + "/timeline.jsonl"
            try bytes.write(to: URL(fileURLWithPath: path))
            guard chmod(path, 0o600) == 0 else { throw BenchError.failed("cannot chmod \(path)") }
        }
    }
}
