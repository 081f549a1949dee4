/// A regular expression of the few constructs the destructive-command patterns are written in, matched over
/// Unicode scalars as ICU (behind Foundation's `NSRegularExpression`) matches them with `anchorsMatchLines`:
/// literals, classes (`[...]`, `\s`, `\w`, `\S`, `\W`), groups `(?:...)`, alternation, `*`, `+`, `?` greedy or
/// lazy, lookahead `(?=...)` `(?!...)`, a lookbehind of one scalar `(?<!...)` `(?<=...)`, `\b`, `$` and a leading
/// `(?i)`. Pure.
///
/// Matching backtracks as ICU does, so the first match is the same text. A repetition of one scalar is a loop,
/// never a recursion; a repetition of a longer group recurses once per repeat, at most `maximumDepth` deep (a
/// command line with more than that many options between `rm` and its `-r` is not recognised), so that a hostile
/// line cannot overflow the stack.
struct ScalarRegex: Sendable {
    /// Why a pattern was not understood.
    struct SyntaxError: Error, Equatable {
        var pattern: String
        var offset: Int
    }

    /// The deepest a match may recurse through repetitions of a group.
    static let maximumDepth = 100

    private let root: Node

    /// The expression `pattern`; throws on a construct it does not know.
    init(_ pattern: String) throws(SyntaxError) {
        var parser = Parser(pattern: Array(pattern.unicodeScalars), source: pattern)
        root = try parser.parse()
    }

    /// The first match in `text`: its range of scalar offsets, or nil.
    func firstMatch(in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let matcher = Matcher(text: scalars)
        for start in 0...scalars.count {
            var end: Int?
            if matcher.match(
                root, start, depth: 0,
                { position in
                    end = position
                    return true
                })
            {
                return start..<(end ?? start)
            }
        }
        return nil
    }

    /// The first match in `text`, as indices of its scalars.
    func firstMatch(in text: String) -> Range<String.Index>? {
        let view = text.unicodeScalars
        return firstMatch(in: Array(view)).map { range in
            let start = view.index(view.startIndex, offsetBy: range.lowerBound)
            return start..<view.index(start, offsetBy: range.count)
        }
    }
}

extension ScalarRegex {
    /// A set of scalars.
    fileprivate enum ScalarSet: Sendable {
        case scalar(Unicode.Scalar)
        case range(ClosedRange<UInt32>)
        case whitespace
        case word
        indirect case not(ScalarSet)
        case any([ScalarSet])

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .scalar(let member): scalar == member
            case .range(let range): range.contains(scalar.value)
            case .whitespace: scalar.properties.isWhitespace
            case .word: ScalarRegex.isWord(scalar)
            case .not(let set): !set.contains(scalar)
            case .any(let sets): sets.contains { $0.contains(scalar) }
            }
        }
    }

    fileprivate indirect enum Node: Sendable {
        case literal([Unicode.Scalar], caseInsensitive: Bool)
        case set(ScalarSet)
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?, lazy: Bool)
        case lookahead(Node, negative: Bool)
        case lookbehind(ScalarSet, negative: Bool)
        case wordBoundary
        case lineEnd

        /// The scalar test of a node that always consumes exactly one scalar, with the assertions before it.
        var step: (assertions: [Node], set: ScalarSet)? {
            switch self {
            case .set(let set): return ([], set)
            case .literal(let scalars, false) where scalars.count == 1: return ([], .scalar(scalars[0]))
            case .sequence(let nodes):
                guard let last = nodes.last, case .set(let set) = last else { return nil }
                let assertions = nodes.dropLast()
                guard assertions.allSatisfy(\.isAssertion) else { return nil }
                return (Array(assertions), set)
            default: return nil
            }
        }

        var isAssertion: Bool {
            switch self {
            case .lookahead, .lookbehind, .wordBoundary, .lineEnd: true
            default: false
            }
        }
    }

    /// ICU's word characters: alphabetic, marks, decimal digits, connector punctuation and the joiners.
    fileprivate static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A)
                || value == 0x5F
        }
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// Whether ICU passes over the scalar when it looks for the characters either side of a word boundary.
    fileprivate static func isIgnoredAtBoundary(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format)
    }

    /// Whether the scalar ends a line for `$`.
    fileprivate static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The scalars a scalar folds to when case is ignored, as far as they can be ASCII: ASCII capitals, the Kelvin
    /// sign, the long s, sharp s and the Latin ligatures; any other scalar is itself.
    fileprivate static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar.value {
        case 0x41...0x5A: [Unicode.Scalar(UInt8(scalar.value + 32))]
        case 0x212A: ["k"]
        case 0x017F: ["s"]
        case 0x00DF, 0x1E9E: ["s", "s"]
        case 0xFB00: ["f", "f"]
        case 0xFB01: ["f", "i"]
        case 0xFB02: ["f", "l"]
        case 0xFB03: ["f", "f", "i"]
        case 0xFB04: ["f", "f", "l"]
        case 0xFB05, 0xFB06: ["s", "t"]
        default: [scalar]
        }
    }
}

/// Tries nodes at positions of a text, depth first in ICU's order.
private struct Matcher {
    let text: [Unicode.Scalar]

    func match(_ node: ScalarRegex.Node, _ position: Int, depth: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .literal(let scalars, let caseInsensitive):
            guard let end = literalEnd(scalars, caseInsensitive, at: position) else { return false }
            return next(end)
        case .set(let set):
            guard position < text.count, set.contains(text[position]) else { return false }
            return next(position + 1)
        case .sequence(let nodes):
            return sequence(nodes[...], position, depth: depth, next)
        case .alternation(let choices):
            return choices.contains { match($0, position, depth: depth, next) }
        case .repetition(let body, let min, let max, let lazy):
            if let step = body.step {
                return repeatStep(step, min: min, max: max, lazy: lazy, position, next)
            }
            return repeatGroup(body, min: min, max: max, lazy: lazy, count: 0, position, depth: depth, next)
        case .lookahead(let body, let negative):
            let found = match(body, position, depth: depth) { _ in true }
            return found != negative && next(position)
        case .lookbehind(let set, let negative):
            let found = position > 0 && set.contains(text[position - 1])
            return found != negative && next(position)
        case .wordBoundary:
            return isWordBoundary(position) && next(position)
        case .lineEnd:
            return isLineEnd(position) && next(position)
        }
    }

    private func sequence(
        _ nodes: ArraySlice<ScalarRegex.Node>, _ position: Int, depth: Int, _ next: (Int) -> Bool
    ) -> Bool {
        guard let first = nodes.first else { return next(position) }
        return match(first, position, depth: depth) { sequence(nodes.dropFirst(), $0, depth: depth, next) }
    }

    /// A repetition of one scalar: how far it can run is found first, then the lengths are tried in order.
    private func repeatStep(
        _ step: (assertions: [ScalarRegex.Node], set: ScalarRegex.ScalarSet), min: Int, max: Int?, lazy: Bool,
        _ position: Int, _ next: (Int) -> Bool
    ) -> Bool {
        var run = 0
        while max.map({ run < $0 }) ?? true, position + run < text.count,
            step.set.contains(text[position + run]),
            step.assertions.allSatisfy({ match($0, position + run, depth: 0) { _ in true } })
        {
            run += 1
        }
        guard run >= min else { return false }
        if lazy {
            for count in min...run where next(position + count) { return true }
        } else {
            for count in (min...run).reversed() where next(position + count) { return true }
        }
        return false
    }

    private func repeatGroup(
        _ body: ScalarRegex.Node, min: Int, max: Int?, lazy: Bool, count: Int, _ position: Int, depth: Int,
        _ next: (Int) -> Bool
    ) -> Bool {
        guard depth < ScalarRegex.maximumDepth else { return false }
        let mayStop = count >= min
        let mayGo = max.map { count < $0 } ?? true
        func again() -> Bool {
            mayGo
                && match(body, position, depth: depth + 1) { end in
                    // An iteration that consumed nothing ends the repetition, as in ICU.
                    end != position
                        && repeatGroup(
                            body, min: min, max: max, lazy: lazy, count: count + 1, end, depth: depth + 1, next)
                }
        }
        if lazy { return (mayStop && next(position)) || again() }
        return again() || (mayStop && next(position))
    }

    private func literalEnd(_ scalars: [Unicode.Scalar], _ caseInsensitive: Bool, at position: Int) -> Int? {
        guard caseInsensitive else {
            guard position + scalars.count <= text.count else { return nil }
            for (offset, scalar) in scalars.enumerated() where text[position + offset] != scalar { return nil }
            return position + scalars.count
        }
        var matched = 0
        var end = position
        while matched < scalars.count {
            guard end < text.count else { return nil }
            let folded = ScalarRegex.folded(text[end])
            guard matched + folded.count <= scalars.count,
                zip(folded, scalars[matched...]).allSatisfy({ $0 == $1 })
            else { return nil }
            matched += folded.count
            end += 1
        }
        return end
    }

    private func isWordBoundary(_ position: Int) -> Bool {
        var isWord = false
        if position < text.count {
            if ScalarRegex.isIgnoredAtBoundary(text[position]) { return false }
            isWord = ScalarRegex.isWord(text[position])
        }
        var before = position
        var wasWord = false
        while before > 0 {
            before -= 1
            if !ScalarRegex.isIgnoredAtBoundary(text[before]) {
                wasWord = ScalarRegex.isWord(text[before])
                break
            }
        }
        return isWord != wasWord
    }

    private func isLineEnd(_ position: Int) -> Bool {
        guard position < text.count else { return true }
        guard ScalarRegex.isLineTerminator(text[position]) else { return false }
        // Between the CR and LF of a CRLF is no line end.
        return !(text[position] == "\n" && position > 0 && text[position - 1] == "\r")
    }
}

/// Reads a pattern into nodes.
private struct Parser {
    let pattern: [Unicode.Scalar]
    let source: String
    var index = 0
    var caseInsensitive = false

    mutating func parse() throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        if pattern.starts(with: Array("(?i)".unicodeScalars)) {
            caseInsensitive = true
            index = 4
        }
        let node = try alternation()
        guard index == pattern.count else { throw error() }
        return node
    }

    private func error() -> ScalarRegex.SyntaxError {
        ScalarRegex.SyntaxError(pattern: source, offset: index)
    }

    private var current: Unicode.Scalar? { index < pattern.count ? pattern[index] : nil }

    private mutating func alternation() throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        var choices = [try sequence()]
        while current == "|" {
            index += 1
            choices.append(try sequence())
        }
        return choices.count == 1 ? choices[0] : .alternation(choices)
    }

    private mutating func sequence() throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        var nodes: [ScalarRegex.Node] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atom = try self.atom()
            let node = try quantified(atom)
            // Consecutive single literals become one, so a case-insensitive word folds as a whole.
            if case .literal(let next, let insensitive) = node, case .literal(let previous, insensitive)? = nodes.last {
                nodes[nodes.count - 1] = .literal(previous + next, caseInsensitive: insensitive)
            } else {
                nodes.append(node)
            }
        }
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    private mutating func quantified(_ atom: ScalarRegex.Node) throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        let bounds: (Int, Int?)
        switch current {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        default: return atom
        }
        index += 1
        var lazy = false
        if current == "?" {
            lazy = true
            index += 1
        }
        return .repetition(atom, min: bounds.0, max: bounds.1, lazy: lazy)
    }

    private mutating func atom() throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        guard let scalar = current else { throw error() }
        index += 1
        switch scalar {
        case "(":
            return try group()
        case "[":
            return .set(try set())
        case "\\":
            return try escaped()
        case "$":
            return .lineEnd
        case "^", ".", "{", "}", "*", "+", "?":
            index -= 1
            throw error()
        default:
            return .literal([scalar], caseInsensitive: caseInsensitive)
        }
    }

    private mutating func group() throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        let opening = String(String.UnicodeScalarView(pattern[index..<min(index + 3, pattern.count)]))
        let node: ScalarRegex.Node
        if opening.hasPrefix("?:") {
            index += 2
            node = try alternation()
        } else if opening.hasPrefix("?=") || opening.hasPrefix("?!") {
            index += 2
            node = .lookahead(try alternation(), negative: opening.hasPrefix("?!"))
        } else if opening == "?<!" || opening == "?<=" {
            index += 3
            guard case .set(let set) = try alternation() else { throw error() }
            node = .lookbehind(set, negative: opening == "?<!")
        } else {
            throw error()
        }
        guard current == ")" else { throw error() }
        index += 1
        return node
    }

    private mutating func escaped() throws(ScalarRegex.SyntaxError) -> ScalarRegex.Node {
        guard let scalar = current else { throw error() }
        index += 1
        switch scalar {
        case "b": return .wordBoundary
        default:
            index -= 1
            let set = try escapedSet()
            if case .scalar(let literal) = set { return .literal([literal], caseInsensitive: caseInsensitive) }
            return .set(set)
        }
    }

    /// A class escape (`\s`, `\w` and their negations), a control escape, or an escaped punctuation mark.
    private mutating func escapedSet() throws(ScalarRegex.SyntaxError) -> ScalarRegex.ScalarSet {
        guard let scalar = current else { throw error() }
        index += 1
        switch scalar {
        case "s": return .whitespace
        case "S": return .not(.whitespace)
        case "w": return .word
        case "W": return .not(.word)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        default:
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else {
                index -= 1
                throw error()
            }
            return .scalar(scalar)
        }
    }

    private mutating func set() throws(ScalarRegex.SyntaxError) -> ScalarRegex.ScalarSet {
        var negated = false
        if current == "^" {
            negated = true
            index += 1
        }
        var members: [ScalarRegex.ScalarSet] = []
        while let scalar = current, scalar != "]" || members.isEmpty {
            index += 1
            var member: ScalarRegex.ScalarSet
            if scalar == "\\" {
                member = try escapedSet()
            } else {
                member = .scalar(scalar)
            }
            if case .scalar(let low) = member, current == "-", index + 1 < pattern.count, pattern[index + 1] != "]" {
                index += 1
                guard let high = current, high != "\\", low.value <= high.value else { throw error() }
                index += 1
                member = .range(low.value...high.value)
            }
            members.append(member)
        }
        guard current == "]" else { throw error() }
        index += 1
        let union: ScalarRegex.ScalarSet = members.count == 1 ? members[0] : .any(members)
        return negated ? .not(union) : union
    }
}
