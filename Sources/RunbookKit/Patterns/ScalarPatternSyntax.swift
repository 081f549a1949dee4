/// The parsed form of a pattern: the part of ICU's regular expression syntax the redaction rules and the
/// destructive-command patterns use.
indirect enum ScalarPatternNode: Sendable {
    /// One scalar of the set.
    case scalar(ScalarClass)
    /// Two or more literal scalars under the case-insensitive option, held case-folded: ICU compares them with the
    /// text's full case folding, so `ß` in the text matches `ss` and `ﬂ` matches `fl`.
    case foldedString([UInt32])
    /// The nodes one after the other.
    case sequence([ScalarPatternNode])
    /// The first alternative that leads to a match.
    case alternation([ScalarPatternNode])
    /// A capture group, numbered from 1 in the order its parenthesis opens.
    case capture(Int, ScalarPatternNode)
    /// The node repeated `min` to `max` times, as many as possible or, when lazy, as few.
    case repetition(ScalarPatternNode, min: Int, max: Int, lazy: Bool)
    /// `\b`: a boundary between a word scalar and another.
    case wordBoundary
    /// `$` as ICU reads it with `anchorsMatchLines`: at the end of the text or before a line terminator (but not
    /// between the CR and LF of a CRLF).
    case lineEnd
    /// `(?<!x)` of a single scalar set: the scalar before is not in it (or there is none).
    case notPrecededBy(ScalarClass)
    /// `(?!x)` of a single scalar set: the scalar after is not in it (or there is none).
    case notFollowedBy(ScalarClass)
    /// `(?=…)`, or `(?!…)` when negative, of any pattern: whether it matches here, taking nothing.
    case lookahead(ScalarPatternNode, negative: Bool)
}

/// What makes a pattern unreadable: the patterns are constants, so this is a programming error the tests catch.
package struct ScalarPatternSyntaxError: Error, CustomStringConvertible {
    /// The pattern.
    package let pattern: String
    /// The offset, in scalars, where reading stopped.
    package let offset: Int

    package var description: String { "pattern \(pattern) cannot be read at scalar \(offset)" }
}

/// Reads a pattern into nodes: `(?i)` at the start; groups `(…)`, `(?:…)`; `|`; `?`, `*`, `+`, `{m}`, `{m,n}`,
/// each possibly lazy; classes `[…]` with ranges, negation and `\s`/`\S`/`\w`/`\W`; `\b`, `\s`, `\S`, `\w`, `\W`,
/// `.`, `$`, escaped punctuation, `\r`, `\n`, `\t`; look-ahead `(?=…)` and `(?!…)` of any pattern, and negative
/// look-behind of a single scalar set. A repeated group that could match nothing is refused: the machine relies on
/// each round of a loop taking a scalar.
struct ScalarPatternParser {
    private let pattern: String
    private let scalars: [UInt32]
    private var offset = 0
    private(set) var caseInsensitive = false
    private(set) var captureCount = 0

    init(_ pattern: String) {
        self.pattern = pattern
        scalars = pattern.unicodeScalars.map(\.value)
    }

    /// The pattern's nodes.
    mutating func parse() throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        if take("(?i)") { caseInsensitive = true }
        let node = try alternation()
        guard offset == scalars.count else { throw failure() }
        return node
    }

    private func failure() -> ScalarPatternSyntaxError {
        ScalarPatternSyntaxError(pattern: pattern, offset: offset)
    }

    private var next: UInt32? { offset < scalars.count ? scalars[offset] : nil }

    private mutating func take(_ text: String) -> Bool {
        let wanted = text.unicodeScalars.map(\.value)
        guard scalars.count - offset >= wanted.count, Array(scalars[offset..<offset + wanted.count]) == wanted
        else { return false }
        offset += wanted.count
        return true
    }

    private mutating func alternation() throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        var alternatives = [try sequence()]
        while take("|") { alternatives.append(try sequence()) }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func sequence() throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        var nodes: [ScalarPatternNode] = []
        // Under the case-insensitive option, literal scalars in a row are one string, as ICU compiles them: a string
        // is compared with full case folding, a single scalar with simple folding.
        var literals: [UInt32] = []
        func endLiterals() {
            if literals.count == 1 {
                nodes.append(.scalar(literal(literals[0])))
            } else if literals.count > 1 {
                nodes.append(.foldedString(literals.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }))
            }
            literals.removeAll()
        }
        while let scalar = next, scalar != 0x7C, scalar != 0x29 {
            let (node, literalScalar) = try atom()
            if caseInsensitive, let literalScalar, !isQuantifierNext {
                literals.append(literalScalar)
                continue
            }
            endLiterals()
            nodes.append(try quantified(node))
        }
        endLiterals()
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    private var isQuantifierNext: Bool {
        guard let scalar = next else { return false }
        return scalar == 0x3F || scalar == 0x2A || scalar == 0x2B || scalar == 0x7B
    }

    private mutating func quantified(_ node: ScalarPatternNode) throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        let bounds: (Int, Int)
        if take("?") {
            bounds = (0, 1)
        } else if take("*") {
            bounds = (0, Int.max)
        } else if take("+") {
            bounds = (1, Int.max)
        } else if take("{") {
            let min = try number()
            let max = take(",") ? try number() : min
            guard take("}"), min <= max else { throw failure() }
            bounds = (min, max)
        } else {
            return node
        }
        if bounds.1 > 1, FirstScalars(node).nullable { throw failure() }
        let lazy = take("?")
        return .repetition(node, min: bounds.0, max: bounds.1, lazy: lazy)
    }

    private mutating func number() throws(ScalarPatternSyntaxError) -> Int {
        var value = 0
        let start = offset
        while let scalar = next, (0x30...0x39).contains(scalar), value < 1_000_000 {
            value = value * 10 + Int(scalar - 0x30)
            offset += 1
        }
        guard offset > start else { throw failure() }
        return value
    }

    /// The next atom, and the scalar it stands for when it is a literal (plain or escaped).
    private mutating func atom() throws(ScalarPatternSyntaxError) -> (ScalarPatternNode, UInt32?) {
        if take("(?:") { return (try group(capture: false), nil) }
        if take("(?<!") { return (.notPrecededBy(try singleSet()), nil) }
        if take("(?!") { return (try lookahead(negative: true), nil) }
        if take("(?=") { return (try lookahead(negative: false), nil) }
        if take("(") { return (try group(capture: true), nil) }
        if take("[") { return (.scalar(try characterClass()), nil) }
        if take(".") { return (.scalar(.anyButLineTerminator), nil) }
        if take("$") { return (.lineEnd, nil) }
        if take(#"\b"#) { return (.wordBoundary, nil) }
        // The classes hold ASCII literals only; no pattern needs another.
        guard let scalar = next, scalar < 128, !"?*+{}^".unicodeScalars.contains(where: { $0.value == scalar }) else {
            throw failure()
        }
        offset += 1
        guard scalar == 0x5C else { return (.scalar(literal(scalar)), scalar) }
        let escaped = try escape()
        return (.scalar(escaped.set), escaped.literal)
    }

    private mutating func group(capture: Bool) throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        var index = 0
        if capture {
            captureCount += 1
            index = captureCount
        }
        let inner = try alternation()
        guard take(")") else { throw failure() }
        return capture ? .capture(index, inner) : inner
    }

    /// A look-ahead after its `(?=` or `(?!`: one scalar set is tested in place, anything longer runs as a
    /// sub-pattern.
    private mutating func lookahead(negative: Bool) throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        let inner = try alternation()
        guard take(")") else { throw failure() }
        if negative, case .scalar(let set) = inner { return .notFollowedBy(set) }
        return .lookahead(inner, negative: negative)
    }

    /// The single scalar set a look-behind holds.
    private mutating func singleSet() throws(ScalarPatternSyntaxError) -> ScalarClass {
        guard case (.scalar(let set), _) = try atom(), take(")") else { throw failure() }
        return set
    }

    private func literal(_ scalar: UInt32) -> ScalarClass {
        var set = ScalarClass(scalar)
        if caseInsensitive { set.closeOverCase() }
        return set
    }

    /// The set an escape (after its backslash) stands for, and its scalar when it is a literal.
    private mutating func escape() throws(ScalarPatternSyntaxError) -> (set: ScalarClass, literal: UInt32?) {
        guard let scalar = next else { throw failure() }
        offset += 1
        switch scalar {
        case 0x73: return (.whitespaces, nil)
        case 0x53: return (.nonWhitespaces, nil)
        case 0x77: return (.words, nil)
        case 0x57: return (.nonWords, nil)
        case 0x6E: return (ScalarClass(0x0A), 0x0A)
        case 0x72: return (ScalarClass(0x0D), 0x0D)
        case 0x74: return (ScalarClass(0x09), 0x09)
        case _
        where scalar < 128 && !(0x30...0x39).contains(scalar) && !(0x41...0x5A).contains(scalar)
            && !(0x61...0x7A).contains(scalar):
            return (literal(scalar), scalar)
        default:
            throw failure()
        }
    }

    /// A class after its `[`, up to and with its `]`.
    private mutating func characterClass() throws(ScalarPatternSyntaxError) -> ScalarClass {
        var set = ScalarClass()
        let negated = take("^")
        while let scalar = next, scalar != 0x5D {
            offset += 1
            if scalar == 0x5C {
                set.formUnion(try escape().set)
            } else if next == 0x2D, offset + 1 < scalars.count, scalars[offset + 1] != 0x5D {
                offset += 1
                guard let upper = next, upper != 0x5C, upper < 128 else { throw failure() }
                offset += 1
                set.insert(from: scalar, to: upper)
            } else {
                guard scalar < 128 else { throw failure() }
                set.insert(scalar)
            }
        }
        guard take("]") else { throw failure() }
        if caseInsensitive { set.closeOverCase() }
        if negated { set.negate() }
        return set
    }
}
