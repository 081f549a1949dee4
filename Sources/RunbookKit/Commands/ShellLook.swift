/// Whether the text of a code block whose fence names no language reads as shell commands. Pure.
///
/// Foreign libraries fence commands, configuration, log lines and expected output alike without a language. Such
/// a block is always shown and can be copied, but it is offered to run only when it looks like shell: its first
/// line that is not blank starts a script (`#!`), or its first command line (after `#` comments and a `$ `
/// prompt) starts with a command runbooks use (`kubectl`, `curl`, …), a path to a program (`./`, `~/`) or a
/// `NAME=value` assignment.
public enum ShellLook {
    /// Whether `code`, from a block without a language, looks like shell commands.
    public static func looksLikeShell(_ code: String) -> Bool {
        var sawLine = false
        for rawLine in code.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard !line.isEmpty else { continue }
            if !sawLine, line.hasPrefix("#!") { return true }
            sawLine = true
            if line.hasPrefix("#") { continue }
            let command = line.hasPrefix("$ ") ? line.dropFirst(2).drop { $0 == " " } : line
            return startsLikeCommand(command)
        }
        return false
    }

    /// Whether a command line's first word is a known command, a path to a program or an assignment.
    private static func startsLikeCommand(_ line: Substring) -> Bool {
        let word = line.prefix { $0 != " " && $0 != "\t" }
        if StepDerivation.commandWords.contains(String(word)) { return true }
        if word.hasPrefix("./") || word.hasPrefix("~/") { return true }
        guard let equals = word.firstIndex(of: "="), equals > word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(word.first?.isNumber ?? true)
    }
}
