/// What a shell syntax check found.
public enum ShellSyntaxResult: Hashable, Sendable {
    /// The script parses.
    case valid
    /// The script does not parse; `line` is the script line the shell blamed, when it said.
    case invalid(message: String, line: Int?)
    /// The check could not run (no shell, a timeout); the linter reports it as a warning, not an error.
    case unavailable(String)
}

/// Checks a shell script's syntax without running it. Injected into the linter so that lint stays pure and
/// tests can say what the shell would answer.
public protocol ShellSyntaxChecker: Sendable {
    /// Checks `script`.
    func check(_ script: String) -> ShellSyntaxResult

    /// Checks each of `scripts` on its own, in order; a checker that starts a process can check them all with one.
    func check(_ scripts: [String]) -> [ShellSyntaxResult]
}

extension ShellSyntaxChecker {
    /// Checks the scripts one by one.
    public func check(_ scripts: [String]) -> [ShellSyntaxResult] {
        scripts.map { check($0) }
    }
}
