/// A regular expression matched over Unicode scalars the way `NSRegularExpression` (ICU) matches it: leftmost
/// match first, alternatives and repetitions tried by backtracking in ICU's order, `\b`, `\s`, `\w` and the
/// case-insensitive option as ICU defines them, and `$` as with `anchorsMatchLines`. It reads only the syntax the
/// redaction rules and the destructive-command patterns use (`ScalarPatternParser`), so neither needs the part of
/// Foundation that brings ICU into the binary.
///
/// Matching runs a small backtracking machine with its own stack, never the call stack: a repetition of one
/// scalar set keeps one entry whatever its count, and a repeated group a few entries a round, so a long text
/// costs memory in proportion to its length and no depth: about 40 bytes a round, which makes a group repeated
/// once per scalar over megabytes of text (`sql-delete-without-where` on a multi-megabyte line) cost about ten
/// times the text. ICU gives up there at its backtracking limit and reports no match; this matcher finishes, so a
/// safety warning is never dropped for a long line.
package struct ScalarPattern: Sendable {
    /// One match: its range and the range of each capture group (nil for a group that took no part), in scalar
    /// offsets.
    package struct Match: Equatable, Sendable {
        /// The whole match.
        package let range: Range<Int>
        /// Group 1 first.
        package let groups: [Range<Int>?]

        /// A match of `range` with these groups.
        package init(range: Range<Int>, groups: [Range<Int>?]) {
            self.range = range
            self.groups = groups
        }
    }

    private let program: ScalarPatternProgram
    private let captureCount: Int
    /// The scalars a match can begin with, or nil when it may begin with anything (or be empty).
    private let first: FirstScalars?
    /// Whether the pattern begins with `\b`, and the set a look-behind at its beginning rules out: tested before
    /// the machine starts, so most places are passed over at the cost of a comparison.
    private let startsAtBoundary: Bool
    private let notAfter: ScalarClass?

    /// The pattern compiled; it throws when it uses syntax beyond what `ScalarPatternParser` reads.
    package init(_ pattern: String) throws(ScalarPatternSyntaxError) {
        var parser = ScalarPatternParser(pattern)
        let node = try parser.parse()
        program = ScalarPatternProgram(node)
        captureCount = parser.captureCount
        let start = FirstScalars(node)
        first = start.nullable ? nil : start
        let leading: [ScalarPatternNode]
        if case .sequence(let nodes) = node { leading = nodes } else { leading = [node] }
        var startsAtBoundary = false
        var notAfter: ScalarClass?
        for node in leading {
            if case .wordBoundary = node {
                startsAtBoundary = true
            } else if case .notPrecededBy(let set) = node, notAfter == nil {
                notAfter = set
            } else {
                break
            }
        }
        self.startsAtBoundary = startsAtBoundary
        self.notAfter = notAfter
    }

    /// Every match in `text`, left to right, each search beginning where the last match ended.
    package func matches(in text: [UInt32]) -> [Match] {
        matches(in: text, limit: Int.max)
    }

    /// The leftmost match in `text`, or nil when there is none.
    package func firstMatch(in text: [UInt32]) -> Match? {
        matches(in: text, limit: 1).first
    }

    private func matches(in text: [UInt32], limit: Int) -> [Match] {
        text.withUnsafeBufferPointer { text in
            var found: [Match] = []
            var machine = ScalarPatternMachine(program: program, text: text, slots: 2 * captureCount + 2)
            var start = 0
            while start <= text.count, found.count < limit {
                if let first {
                    while start < text.count, !first.contains(text[start]) { start += 1 }
                    if start == text.count { break }
                }
                let ruledOut =
                    (startsAtBoundary && !WordScalars.isBoundary(at: start, in: text))
                    || (start > 0 && notAfter?.contains(text[start - 1]) == true)
                guard !ruledOut, let match = machine.run(from: start) else {
                    start += 1
                    continue
                }
                found.append(match)
                start = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
            }
            return found
        }
    }
}
