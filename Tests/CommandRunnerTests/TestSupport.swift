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
        CommandRequest(commandLine: commandLine, isScript: script, incidentDirectory: path, workingDirectory: path,
                       timeout: timeout, outputCap: outputCap)
    }
}

/// Leaves text as it is: for tests about something other than redaction.
let keepText: @Sendable (String) -> String = { $0 }

/// Polls `condition` until it holds or `seconds` pass; true when it held.
func eventually(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}

/// Whether a process is gone (or a zombie nobody has reaped yet, which runs no more).
func processIsGone(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    guard let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].split(separator: " ").first
    return state == "Z" || state == "X"
}

/// Text collected from the output callback.
final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ piece: String) {
        lock.lock()
        text += piece
        lock.unlock()
    }

    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}
