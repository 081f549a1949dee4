import Foundation
import RunbookKit

/// Decides whether a command that was run is one of a runbook's commands.
///
/// A runbook's commands are its code blocks, each taken whole and line by line (backslash continuations joined,
/// blank and `#` comment lines dropped); the command as run is read the same way. Text is compared after collapsing runs of whitespace. Placeholders in the
/// runbook's text — `<name>`, `${NAME}`, `$NAME` and `{{ name }}` — match any non-empty text, because the command
/// as run has them filled in.
public struct RunbookCommandMatcher: Sendable {
    private let exact: Set<String>
    private let patterns: [NSRegularExpression]

    /// A matcher for the commands in the code blocks of `runbooks`.
    public init(runbooks: [Runbook]) {
        let candidates = Set(runbooks.flatMap(Self.candidates))
        exact = candidates
        patterns = candidates.compactMap(Self.pattern)
    }

    /// Whether `command` is one of the runbooks' commands, placeholders filled in.
    public func contains(_ command: String) -> Bool {
        let text = Self.normalise(Self.logicalLines(command).joined(separator: "\n"))
        if text.isEmpty || exact.contains(text) { return true }
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// Collapses whitespace runs to one space and trims the ends.
    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func candidates(_ runbook: Runbook) -> [String] {
        let blocks = runbook.sections.flatMap { $0.blocks.flatMap(\.codeBlocks) } + runbook.steps.flatMap(\.codeBlocks)
        return blocks.flatMap { block -> [String] in
            let lines = logicalLines(block.code)
            return ([lines.joined(separator: "\n")] + lines).map(normalise).filter { !$0.isEmpty }
        }
    }

    private static func logicalLines(_ code: String) -> [String] {
        var lines: [String] = []
        var pending = ""
        for raw in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty && (line.isEmpty || line.hasPrefix("#")) { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
            } else {
                lines.append(pending + line)
                pending = ""
            }
        }
        if !pending.isEmpty { lines.append(pending) }
        return lines
    }

    private static let placeholder = try? NSRegularExpression(
        pattern: #"<[A-Za-z][A-Za-z0-9_.-]*>|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\}"#
    )

    /// An anchored regular expression for `candidate` with its placeholders as wildcards, or nil when it has none.
    private static func pattern(_ candidate: String) -> NSRegularExpression? {
        guard let placeholder else { return nil }
        let range = NSRange(candidate.startIndex..., in: candidate)
        let matches = placeholder.matches(in: candidate, range: range)
        guard !matches.isEmpty else { return nil }
        var pattern = "^"
        var cursor = candidate.startIndex
        for match in matches {
            guard let found = Range(match.range, in: candidate) else { continue }
            pattern += NSRegularExpression.escapedPattern(for: String(candidate[cursor..<found.lowerBound])) + ".+?"
            cursor = found.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(candidate[cursor...])) + "$"
        return try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }
}
