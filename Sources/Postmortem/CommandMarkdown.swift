import FoundationEssentials

/// Writes a command so that it keeps its lines: one line as a code span, several as a fenced code block, never
/// flattened into one line where a leading `# comment` line would swallow the commands after it.
enum CommandMarkdown {
    /// Whether `command` has more than one line, not counting the line breaks it ends with.
    static func isMultiline(_ command: String) -> Bool {
        innerLineFeeds(command).map { $0 > 0 } ?? trimmed(command).unicodeScalars.contains("\n")
    }

    /// How many lines `command` has, not counting the line breaks it ends with.
    static func lineCount(_ command: String) -> Int {
        innerLineFeeds(command).map { $0 + 1 }
            ?? trimmed(command).split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// The line feeds of `command` before those it ends with, counted over its bytes; nil unless it is ASCII without
    /// a carriage return. There every byte is a character, and the answer that of the character search and split
    /// below, without breaking into characters every command of a long incident (the search goes through
    /// Foundation's `range(of:)`).
    private static func innerLineFeeds(_ command: String) -> Int? {
        let bytes = command.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x0A { end = bytes.index(before: end) }
        return bytes[..<end].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// `command` as a fenced code block whose fence no backtick run inside can close.
    static func block(_ command: String) -> [String] {
        MarkdownEscape.codeBlock(String(trimmed(command)))
    }

    /// A list item about `command`: `- `command` — details` for one line; for several, `- below — details` (`below`
    /// says the command follows: `Ran the command below`) with the command as a fenced block inside the item,
    /// indented to stay in it.
    static func listItem(_ command: String, details: String, below: String) -> [String] {
        var blocks = CommandBlocks(indent: "  ")
        return listItem(command, details: details, below: below, blocks: &blocks)
    }

    /// `listItem(_:details:below:)` with the blocks of a list's commands kept in `blocks`, indented by two spaces.
    static func listItem(_ command: String, details: String, below: String, blocks: inout CommandBlocks) -> [String] {
        guard isMultiline(command) else { return ["- \(MarkdownEscape.codeSpan(command)) — \(details)"] }
        return ["- \(below) — \(details)", ""] + blocks.block(command)
    }

    private static func trimmed(_ command: String) -> Substring {
        var text = Substring(command)
        while text.last == "\n" { text.removeLast() }
        return text
    }
}

/// The fenced blocks of the commands of one section, each made once: a long incident runs the same runbook
/// commands again and again, and each block is a pass over its command's characters. At most `capacity` blocks
/// are kept, so a journal of commands that are all different costs the passes, not the memory.
struct CommandBlocks {
    /// What each non-empty line of a block is indented by.
    let indent: String
    private var made: [String: [String]] = [:]
    private static let capacity = 256

    /// Blocks indented by `indent`.
    init(indent: String) {
        self.indent = indent
    }

    /// `CommandMarkdown.block(command)`, each non-empty line indented.
    mutating func block(_ command: String) -> [String] {
        if let lines = made[command] { return lines }
        let lines = CommandMarkdown.block(command).map { $0.isEmpty ? "" : indent + $0 }
        if made.count >= Self.capacity { made.removeAll(keepingCapacity: true) }
        made[command] = lines
        return lines
    }
}
