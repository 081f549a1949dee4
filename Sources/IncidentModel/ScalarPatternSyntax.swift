/// The parsed form of a redaction pattern: the part of ICU's regular expression syntax the rules use.
indirect enum ScalarPatternNode: Sendable {
    /// One scalar of the set.
    case scalar(ScalarClass)
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
    /// `(?<!x)` of a single scalar set: the scalar before is not in it (or there is none).
    case notPrecededBy(ScalarClass)
    /// `(?!x)` of a single scalar set: the scalar after is not in it (or there is none).
    case notFollowedBy(ScalarClass)
}

/// What makes a pattern unreadable: the rules are constants, so this is a programming error the tests catch.
struct ScalarPatternSyntaxError: Error, CustomStringConvertible {
    /// The pattern.
    let pattern: String
    /// The offset, in scalars, where reading stopped.
    let offset: Int

    var description: String { "pattern \(pattern) cannot be read at scalar \(offset)" }
}

/// Reads a pattern into nodes: `(?i)` at the start; groups `(…)`, `(?:…)`; `|`; `?`, `*`, `+`, `{m}`, `{m,n}`,
/// each possibly lazy; classes `[…]` with ranges, negation and `\s`/`\S`; `\b`, `\s`, `\S`, `.`, escaped
/// punctuation, `\r`, `\n`, `\t`; and negative look-behind and look-ahead of a single scalar set.
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
        while let scalar = next, scalar != 0x7C, scalar != 0x29 {
            nodes.append(try quantified(try atom()))
        }
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
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

    private mutating func atom() throws(ScalarPatternSyntaxError) -> ScalarPatternNode {
        if take("(?:") { return try group(capture: false) }
        if take("(?<!") { return .notPrecededBy(try lookaround()) }
        if take("(?!") { return .notFollowedBy(try lookaround()) }
        if take("(") { return try group(capture: true) }
        if take("[") { return .scalar(try characterClass()) }
        if take(".") { return .scalar(.anyButLineTerminator) }
        if take(#"\b"#) { return .wordBoundary }
        // The classes hold ASCII literals only; no rule needs another.
        guard let scalar = next, scalar < 128, !"?*+{}".unicodeScalars.contains(where: { $0.value == scalar }) else {
            throw failure()
        }
        offset += 1
        return .scalar(scalar == 0x5C ? try escape(inClass: false) : literal(scalar))
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

    /// The single scalar set a look-around holds.
    private mutating func lookaround() throws(ScalarPatternSyntaxError) -> ScalarClass {
        guard case .scalar(let set) = try atom(), take(")") else { throw failure() }
        return set
    }

    private func literal(_ scalar: UInt32) -> ScalarClass {
        var set = ScalarClass(scalar)
        if caseInsensitive { set.closeOverCase() }
        return set
    }

    /// The set an escape (after its backslash) stands for.
    private mutating func escape(inClass: Bool) throws(ScalarPatternSyntaxError) -> ScalarClass {
        guard let scalar = next else { throw failure() }
        offset += 1
        switch scalar {
        case 0x73: return .whitespaces
        case 0x53: return .nonWhitespaces
        case 0x6E: return ScalarClass(0x0A)
        case 0x72: return ScalarClass(0x0D)
        case 0x74: return ScalarClass(0x09)
        case _
        where scalar < 128 && !(0x30...0x39).contains(scalar) && !(0x41...0x5A).contains(scalar)
            && !(0x61...0x7A).contains(scalar):
            return literal(scalar)
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
                set.formUnion(try escape(inClass: true))
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
