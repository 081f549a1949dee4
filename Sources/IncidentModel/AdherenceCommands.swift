import FoundationEssentials
import RunbookKit
import Synchronization

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
///
/// Making the matcher reads only the blocks' text. The blocks become command templates (and their placeholders
/// wildcard patterns) the first time a run is not simply the text of a block or of one of its lines: runs
/// copied from a runbook as written never pay for templates. The matcher can be shared between threads.
public struct RunbookCommandMatcher: Sendable {
    /// Every block, and every logical line of one, in comparable form.
    private let exact: Set<String>
    private let deferred: DeferredTemplates

    /// A matcher for the commands in the code blocks of `runbooks`.
    public init(runbooks: [Runbook]) {
        // A step's blocks are also its section's blocks: each block is read once.
        var seen: Set<CodeBlock> = []
        let blocks = runbooks.flatMap { runbook in
            runbook.sections.flatMap { $0.blocks.flatMap(\.codeBlocks) } + runbook.steps.flatMap(\.codeBlocks)
        }.filter { seen.insert($0).inserted }
        var exact: Set<String> = []
        for block in blocks {
            for candidate in Self.candidates(CommandTemplate.text(of: block.code)) { exact.insert(candidate) }
        }
        self.exact = exact
        deferred = DeferredTemplates(blocks)
    }

    /// Whether `run` is one of the runbooks' commands, placeholders filled in.
    public func contains(_ run: CommandRun) -> Bool {
        let text = Self.comparable(run.command)
        if text.isEmpty || exact.contains(text) { return true }
        let compiled = deferred.compiled
        if !run.placeholders.isEmpty,
            compiled.templates.contains(where: { Self.comparable($0.filled(with: run.placeholders)) == text })
        {
            return true
        }
        return compiled.matches(text)
    }

    /// Whether `command` is one of the runbooks' commands, placeholders filled in with anything.
    public func contains(_ command: String) -> Bool {
        let text = Self.comparable(command)
        if text.isEmpty || exact.contains(text) { return true }
        return deferred.compiled.matches(text)
    }

    /// The forms of a block's text a run may equal: the whole block and each of its logical lines, compared.
    fileprivate static func candidates(_ text: String) -> Set<String> {
        let lines = logicalLines(text).map(normalise).filter { !$0.isEmpty }
        return Set([lines.joined(separator: " ")] + lines).subtracting([""])
    }

    /// The command's logical lines joined and normalised: a line break is whitespace, so this is its normalised
    /// lines joined by one space.
    private static func comparable(_ command: String) -> String {
        logicalLines(command).map(normalise).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Collapses whitespace runs to one space and trims the ends.
    private static func normalise(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        // The whitespace characters of ASCII text are tab, line feed, vertical tab, form feed, carriage return
        // (alone or in CR LF) and space; splitting its bytes spares breaking it into characters.
        return text.utf8.split { (0x09...0x0D).contains($0) || $0 == 0x20 }
            .map { String(Substring($0)) }.joined(separator: " ")
    }

    /// The line without the tabs and space separators (`CharacterSet.whitespaces`) at its ends.
    private static func trimmed(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in
            scalar == " " || scalar == "\t"
                || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    private static func logicalLines(_ code: String) -> [String] {
        var lines: [String] = []
        var pending = ""
        for raw in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(raw)
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
}

/// The blocks as command templates, with a wildcard pattern for each candidate text that has placeholders.
private struct CompiledTemplates: Sendable {
    let templates: [CommandTemplate]
    let patterns: [WildcardPattern]

    init(_ blocks: [CodeBlock]) {
        templates = blocks.map(CommandTemplate.init)
        var patterns: [WildcardPattern] = []
        for template in templates {
            let tokens = template.placeholders.map(\.token)
            for candidate in RunbookCommandMatcher.candidates(template.text) {
                if let pattern = WildcardPattern(candidate, wildcards: tokens) { patterns.append(pattern) }
            }
        }
        self.patterns = patterns
    }

    /// Whether a comparable text matches a candidate with its placeholders as wildcards.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return patterns.contains { $0.matches(scalars) }
    }
}

/// The templates of a matcher's blocks, compiled when first asked; safe to share between threads.
private final class DeferredTemplates: Sendable {
    private enum State {
        case pending([CodeBlock])
        case compiled(CompiledTemplates)
    }

    // The first question changes the state from pending to compiled.
    private let state: Mutex<State>

    init(_ blocks: [CodeBlock]) {
        state = Mutex(.pending(blocks))
    }

    var compiled: CompiledTemplates {
        state.withLock { state in
            switch state {
            case .compiled(let compiled):
                return compiled
            case .pending(let blocks):
                let compiled = CompiledTemplates(blocks)
                state = .compiled(compiled)
                return compiled
            }
        }
    }
}
