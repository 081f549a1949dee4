import RunbookKit

/// A shell checker that answers from a table, so lint tests say exactly what the shell would report.
struct ScriptedShellChecker: ShellSyntaxChecker {
    var invalid: [String: ShellSyntaxResult] = [:]

    func check(_ script: String) -> ShellSyntaxResult {
        for (fragment, result) in invalid where script.contains(fragment) {
            return result
        }
        return .valid
    }
}
