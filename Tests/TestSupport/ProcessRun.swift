import Foundation

/// What a finished program printed and how it exited.
public struct ProcessResult: Sendable {
    /// Its exit status, or 128 plus the signal that killed it.
    public let status: Int32
    /// What it wrote on standard output.
    public let stdout: String
    /// What it wrote on standard error.
    public let stderr: String
}

/// A program running with its output collected in files, so that several can run at once and be waited for in
/// turn. Files rather than pipes: a daemon the program leaves behind (a tmux server) inherits the descriptors
/// and would hold a pipe open, and a file never fills up and stalls the child.
public final class RunningProcess {
    private let child: ChildProcess
    private let directory: String

    /// Starts `path` with `arguments` and exactly `environment`, standard input from `stdinPath` (or /dev/null),
    /// in `directory` when given.
    public init(
        _ path: String, _ arguments: [String], environment: [String: String], stdinPath: String? = nil,
        directory: String? = nil
    ) throws {
        self.directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("respond-run-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        do {
            child = try ChildProcess(
                path, arguments, environment: environment, stdinPath: stdinPath ?? "/dev/null",
                stdout: .file(self.directory + "/stdout"), stderr: .file(self.directory + "/stderr"),
                directory: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: self.directory)
            throw error
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Waits for the program to end and returns what it printed.
    public func finish() throws -> ProcessResult {
        let status = try child.waitForExit()
        return ProcessResult(
            status: status,
            stdout: (try? String(contentsOfFile: directory + "/stdout", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: directory + "/stderr", encoding: .utf8)) ?? "")
    }
}

/// Runs `path` with `arguments` and exactly `environment` (standard input from `stdinPath` or /dev/null, in
/// `directory` when given) and waits for it.
public func runProcess(
    _ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    stdinPath: String? = nil, directory: String? = nil
) throws -> ProcessResult {
    try RunningProcess(path, arguments, environment: environment, stdinPath: stdinPath, directory: directory).finish()
}

/// The package's root folder, found from this file's path (tests read fixtures and the built binary from it).
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The runbook libraries more than one test target reads, found from the package root.
public enum PackagePaths {
    /// The runbook library shipped with the package.
    public static let shippedRunbooks = packageRoot.appendingPathComponent("runbooks").path
    /// Another team's library, with lint errors of its own.
    public static let paymentsRunbooks =
        packageRoot
        .appendingPathComponent("Tests/RunbookKitTests/Fixtures/payments-team").path
    /// A library in the alert-runbook convention, kept as nested folders without an index table, with YAML and
    /// TOML front matter, Traditional and Simplified Chinese runbooks, a draft and a moved stub.
    public static let alertLibrary =
        packageRoot
        .appendingPathComponent("Tests/RunbookKitTests/Fixtures/alert-library").path
    /// A library whose one runbook hides a command behind an escape sequence: `ESC ] 0 ;` opens a terminal title
    /// that swallows the next line, `touch PWNED`, up to the BEL on the line after.
    public static let hiddenCommandRunbooks =
        packageRoot
        .appendingPathComponent("Tests/RunbookKitTests/Fixtures/hidden-command").path
}
