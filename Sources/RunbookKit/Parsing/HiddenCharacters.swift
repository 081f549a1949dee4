import TerminalText

/// Finds the characters in a runbook that a terminal acts on or does not show, which could make what a reader
/// sees differ from what the file says or what a command runs.
enum HiddenCharacters {
    /// An error for each line of `text` holding a control character (`TerminalText.isControlCharacter`) other
    /// than a line ending: line feed, carriage return and CR LF end a line, as they do for the markdown parser,
    /// so the line numbers are the parser's.
    static func diagnostics(in text: String, file: String) -> [Diagnostic] {
        // Nearly every runbook has none, and is not read scalar by scalar.
        guard containsControlCharacter(text) else { return [] }
        return lines(of: text).map { line in
            Diagnostic(
                .error, SourceLocation(file: file, line: line.number),
                .tr(
                    "cli.lint.control_characters", count: Set(line.scalars).count,
                    ["characters": characterNames(line.scalars)]))
        }
    }

    /// The characters that make a command show differently from how it runs but that `diagnostics(in:file:)`
    /// does not already report: carriage returns inside the code and invisible format characters, by 1-based
    /// line of the code.
    static func commandProblems(in code: String) -> [(line: Int, scalars: [Unicode.Scalar])] {
        guard !hiddenCharacters(inCommand: code).isEmpty else { return [] }
        var problems: [(line: Int, scalars: [Unicode.Scalar])] = []
        // The parser turns every line ending into a line feed, so a carriage return in the code was put there by
        // something other than a file, and is a character of the command.
        for (index, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let found: [Unicode.Scalar] = line.unicodeScalars.filter {
                isHiddenInCommand($0) && ($0 == "\r" || !isControlCharacter($0))
            }
            if !found.isEmpty { problems.append((index + 1, found)) }
        }
        return problems
    }

    /// The lines of `text` holding a control character other than a line ending, with their 1-based numbers and
    /// those characters; LF, CR and CR LF each end one line.
    private static func lines(of text: String) -> [(number: Int, scalars: [Unicode.Scalar])] {
        var lines: [(number: Int, scalars: [Unicode.Scalar])] = []
        var number = 1
        var current: [Unicode.Scalar] = []
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                if !current.isEmpty { lines.append((number, current)) }
                current = []
                number += 1
            } else if isControlCharacter(scalar) {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append((number, current)) }
        return lines
    }
}
