import Foundation
import TestSupport

@testable import RunbookKit

/// The reference the batched checker is held to: `bash -n` run on one script alone, a process for each, with the
/// script as its standard input (as lint hands it over), and its first complaint read as lint prints it.
struct AloneBashChecker: ShellSyntaxChecker {
    /// The directory the scripts are written into for bash to read.
    let path: String

    init(directory: TemporaryDirectory) {
        path = directory.path
    }

    func check(_ script: String) -> ShellSyntaxResult {
        let name = "alone-" + UUID().uuidString
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
            let bash = try runProcess("/bin/bash", ["-n"], stdinPath: path + "/" + name)
            try? FileManager.default.removeItem(atPath: path + "/" + name)
            if bash.status == 0 { return .valid }
            // bash's first complaint about standard input reads `BASH: line N: MESSAGE`, BASH as it was started.
            let first = String(bash.stderr.split(separator: "\n").first ?? "")
            guard let match = first.wholeMatch(of: /[^:]*: line (\d+): (.*)/) else {
                return .invalid(message: first, line: nil)
            }
            return .invalid(message: String(match.2), line: Int(match.1))
        } catch {
            return .unavailable("\(error)")
        }
    }
}
