import Foundation

/// Writes a command so that it keeps its lines: one line as a code span, several as a fenced code block, never
/// flattened into one line where a leading `# comment` line would swallow the commands after it.
enum CommandMarkdown {
    /// Whether `command` has more than one line, not counting the line breaks it ends with.
    static func isMultiline(_ command: String) -> Bool {
        trimmed(command).contains("\n")
    }

    /// How many lines `command` has, not counting the line breaks it ends with.
    static func lineCount(_ command: String) -> Int {
        trimmed(command).split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// `command` as a fenced code block whose fence no backtick run inside can close.
    static func block(_ command: String) -> [String] {
        MarkdownEscape.codeBlock(String(trimmed(command)))
    }

    /// A list item about `command`: `- `command` — details` for one line; for several, `- below — details` (`below`
    /// says the command follows: `Ran the command below`) with the command as a fenced block inside the item,
    /// indented to stay in it.
    static func listItem(_ command: String, details: String, below: String) -> [String] {
        guard isMultiline(command) else { return ["- \(MarkdownEscape.codeSpan(command)) — \(details)"] }
        return ["- \(below) — \(details)", ""] + block(command).map { $0.isEmpty ? "" : "  " + $0 }
    }

    private static func trimmed(_ command: String) -> Substring {
        var text = Substring(command)
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
