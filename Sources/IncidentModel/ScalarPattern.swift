/// A regular expression of the redaction rules, matched over Unicode scalars the way `NSRegularExpression` (ICU)
/// matches it: leftmost match first, alternatives and repetitions tried by backtracking in ICU's order, `\b`, `\s`
/// and the case-insensitive option as ICU defines them. It reads only the syntax the rules use
/// (`ScalarPatternParser`), so the redactor needs no part of Foundation that brings ICU into the binary.
///
/// Matching runs a small backtracking machine with its own stack, never the call stack: a repetition of one
/// scalar set keeps one entry whatever its count, so a bound of 4,096 costs no depth.
struct ScalarPattern: Sendable {
    /// One match: its range and the range of each capture group (nil for a group that took no part), in scalar
    /// offsets.
    struct Match: Equatable, Sendable {
        /// The whole match.
        let range: Range<Int>
        /// Group 1 first.
        let groups: [Range<Int>?]
    }

    private let program: [ScalarPatternInstruction]
    private let captureCount: Int
    private let counterCount: Int
    /// The scalars a match can begin with, or nil when it may begin with anything (or be empty).
    private let first: FirstScalars?
    /// Whether the pattern begins with `\b`, and the set a look-behind at its beginning rules out: tested before
    /// the machine starts, so most places are passed over at the cost of a comparison.
    private let startsAtBoundary: Bool
    private let notAfter: ScalarClass?

    /// The pattern compiled; it throws when it uses syntax beyond what `ScalarPatternParser` reads.
    init(_ pattern: String) throws(ScalarPatternSyntaxError) {
        var parser = ScalarPatternParser(pattern)
        let node = try parser.parse()
        var compiler = ScalarPatternCompiler()
        compiler.emit(node)
        program = compiler.program + [.match]
        captureCount = parser.captureCount
        counterCount = compiler.counterCount
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
    func matches(in text: [UInt32]) -> [Match] {
        text.withUnsafeBufferPointer { text in
            var found: [Match] = []
            var machine = ScalarPatternMachine(
                program: program, text: text, slots: 2 * captureCount + 2, counters: counterCount)
            var start = 0
            while start <= text.count {
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

/// One step of a compiled pattern.
enum ScalarPatternInstruction: Sendable {
    case scalar(ScalarClass)
    /// A repetition of one scalar set; `follow` holds the scalars what comes after it can begin with (nil when
    /// anything can follow), so a greedy run gives back only as far as places where the rest can begin.
    case run(ScalarClass, min: Int, max: Int, lazy: Bool, follow: FirstScalars?)
    case split(prefer: Int, other: Int)
    case jump(Int)
    case save(Int)
    case resetCounter(Int)
    case loop(counter: Int, body: Int, min: Int, max: Int, lazy: Bool)
    case wordBoundary
    case notPrecededBy(ScalarClass)
    case notFollowedBy(ScalarClass)
    case match
}

/// Turns nodes into instructions.
struct ScalarPatternCompiler {
    private(set) var program: [ScalarPatternInstruction] = []
    private(set) var counterCount = 0

    /// Appends the instructions of `node`, which is followed by something that begins with `follow` (nil when
    /// unknown or possibly nothing).
    mutating func emit(_ node: ScalarPatternNode, follow: FirstScalars? = nil) {
        switch node {
        case .scalar(let set):
            program.append(.scalar(set))
        case .sequence(let nodes):
            for (index, node) in nodes.enumerated() {
                var rest = FirstScalars(.sequence(Array(nodes[(index + 1)...])))
                let next: FirstScalars?
                if !rest.nullable {
                    next = rest
                } else if let follow {
                    rest.formUnion(follow)
                    next = rest
                } else {
                    next = nil
                }
                emit(node, follow: next)
            }
        case .alternation(let alternatives):
            var jumps: [Int] = []
            for (index, alternative) in alternatives.enumerated() {
                let isLast = index == alternatives.count - 1
                let split = program.count
                if !isLast { program.append(.jump(0)) }
                emit(alternative, follow: follow)
                if !isLast {
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(prefer: split + 1, other: program.count)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .capture(let index, let inner):
            program.append(.save(2 * index))
            emit(inner, follow: follow)
            program.append(.save(2 * index + 1))
        case .repetition(.scalar(let set), let min, let max, let lazy):
            program.append(.run(set, min: min, max: max, lazy: lazy, follow: follow))
        case .repetition(let inner, 0, 1, let lazy):
            let split = program.count
            program.append(.jump(0))
            emit(inner)
            program[split] =
                lazy ? .split(prefer: program.count, other: split + 1) : .split(prefer: split + 1, other: program.count)
        case .repetition(let inner, let min, let max, let lazy):
            // The bodies of the rules' repeated groups always take at least one scalar, so a loop cannot spin.
            let counter = counterCount
            counterCount += 1
            program.append(.resetCounter(counter))
            let split = program.count
            if min == 0 { program.append(.jump(0)) }
            let body = program.count
            emit(inner)
            program.append(.loop(counter: counter, body: body, min: min, max: max, lazy: lazy))
            if min == 0 {
                program[split] =
                    lazy ? .split(prefer: program.count, other: body) : .split(prefer: body, other: program.count)
            }
        case .wordBoundary:
            program.append(.wordBoundary)
        case .notPrecededBy(let set):
            program.append(.notPrecededBy(set))
        case .notFollowedBy(let set):
            program.append(.notFollowedBy(set))
        }
    }
}

/// The ASCII scalars a match may begin with, and whether a non-ASCII one may begin it.
struct FirstScalars: Sendable {
    private var ascii: (UInt64, UInt64) = (0, 0)
    private var nonASCII = false
    /// Whether the node can match without taking a scalar.
    private(set) var nullable = true

    init(_ node: ScalarPatternNode) {
        switch node {
        case .scalar(let set):
            for scalar: UInt32 in 0..<128 where set.contains(scalar) { insert(scalar) }
            nonASCII = set.mayHoldNonASCII
            nullable = false
        case .sequence(let nodes):
            for node in nodes {
                let next = FirstScalars(node)
                formUnion(next)
                if !next.nullable {
                    nullable = false
                    break
                }
            }
        case .alternation(let alternatives):
            nullable = false
            for alternative in alternatives {
                let next = FirstScalars(alternative)
                formUnion(next)
                nullable = nullable || next.nullable
            }
        case .capture(_, let inner):
            self = FirstScalars(inner)
        case .repetition(let inner, let min, _, _):
            self = FirstScalars(inner)
            nullable = nullable || min == 0
        case .wordBoundary, .notPrecededBy, .notFollowedBy:
            break
        }
    }

    private mutating func insert(_ scalar: UInt32) {
        if scalar < 64 { ascii.0 |= 1 << UInt64(scalar) } else { ascii.1 |= 1 << UInt64(scalar - 64) }
    }

    mutating func formUnion(_ other: FirstScalars) {
        ascii.0 |= other.ascii.0
        ascii.1 |= other.ascii.1
        nonASCII = nonASCII || other.nonASCII
    }

    /// Whether a match may begin with `scalar`.
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return ascii.0 & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return ascii.1 & (1 << UInt64(scalar - 64)) != 0 }
        return nonASCII
    }
}
