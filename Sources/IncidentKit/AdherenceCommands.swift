import Foundation
import RunbookKit

/// Decides whether a command that was run is one of a runbook's commands.
///
/// A run is listed when any of these holds:
/// - its text is a runbook code block filled with the run's own placeholder values, exactly as the runner fills
///   it (`CommandTemplate.filled(with:)`);
/// - its text equals a code block, or one line of one, with the placeholders that `CommandTemplate` finds taken
///   as wildcards that match any non-empty text.
///
/// Text is compared line by line after backslash continuations are joined, blank and `#` comment lines dropped,
/// and runs of whitespace collapsed.
public struct RunbookCommandMatcher: Sendable {
    private let templates: [CommandTemplate]
    private let exact: Set<String>
    private let patterns: [NSRegularExpression]

    /// A matcher for the commands in the code blocks of `runbooks`.
    public init(runbooks: [Runbook]) {
        // A step's blocks are also its section's blocks: each block is made into a template once.
        var seen: Set<CodeBlock> = []
        let blocks = runbooks.flatMap { runbook in
            runbook.sections.flatMap { $0.blocks.flatMap(\.codeBlocks) } + runbook.steps.flatMap(\.codeBlocks)
        }.filter { seen.insert($0).inserted }
        templates = blocks.map(CommandTemplate.init)
        var exact: Set<String> = []
        var patterns: [NSRegularExpression] = []
        for template in templates {
            let lines = Self.logicalLines(template.text)
            for candidate in Set([lines.joined(separator: "\n")] + lines).map(Self.normalise) where !candidate.isEmpty {
                exact.insert(candidate)
                if let pattern = Self.pattern(candidate, tokens: template.placeholders.map(\.token)) {
                    patterns.append(pattern)
                }
            }
        }
        self.exact = exact
        self.patterns = patterns
    }

    /// Whether `run` is one of the runbooks' commands, placeholders filled in.
    public func contains(_ run: CommandRun) -> Bool {
        let text = Self.comparable(run.command)
        if !run.placeholders.isEmpty,
           templates.contains(where: { Self.comparable($0.filled(with: run.placeholders)) == text }) {
            return true
        }
        return contains(run.command)
    }

    /// Whether `command` is one of the runbooks' commands, placeholders filled in with anything.
    public func contains(_ command: String) -> Bool {
        let text = Self.comparable(command)
        if text.isEmpty || exact.contains(text) { return true }
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    private static func comparable(_ command: String) -> String {
        normalise(logicalLines(command).joined(separator: "\n"))
    }

    /// Collapses whitespace runs to one space and trims the ends.
    private static func normalise(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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

    /// An anchored regular expression for `candidate` with every occurrence of `tokens` as a wildcard, or nil
    /// when none occurs in it.
    private static func pattern(_ candidate: String, tokens: [String]) -> NSRegularExpression? {
        let present = tokens.filter { !$0.isEmpty && candidate.contains($0) }
        guard !present.isEmpty else { return nil }
        let alternatives = present.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern).joined(separator: "|")
        guard let tokenPattern = try? NSRegularExpression(pattern: alternatives) else { return nil }
        var pattern = "^"
        var cursor = candidate.startIndex
        for match in tokenPattern.matches(in: candidate, range: NSRange(candidate.startIndex..., in: candidate)) {
            guard let found = Range(match.range, in: candidate) else { continue }
            pattern += NSRegularExpression.escapedPattern(for: String(candidate[cursor..<found.lowerBound])) + ".+?"
            cursor = found.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(candidate[cursor...])) + "$"
        return try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }
}
