/// One step of a compiled pattern.
enum ScalarPatternInstruction: Sendable {
    case scalar(ScalarClass)
    /// A case-folded string of the program's `literals`, from `offset`, `count` scalars long.
    case folded(offset: Int, count: Int)
    /// A repetition of one scalar set; `follow` holds the scalars what comes after it can begin with (nil when
    /// anything can follow), so a greedy run gives back only as far as places where the rest can begin.
    case run(ScalarClass, min: Int, max: Int, lazy: Bool, follow: FirstScalars?)
    case split(prefer: Int, other: Int)
    case jump(Int)
    case save(Int)
    case resetCounter(Int)
    case loop(counter: Int, body: Int, min: Int, max: Int, lazy: Bool)
    case wordBoundary
    case lineEnd
    case notPrecededBy(ScalarClass)
    case notFollowedBy(ScalarClass)
    /// The start of a look-ahead whose body follows; `next` is the instruction after its `lookaheadEnd`.
    case lookahead(negative: Bool, next: Int)
    /// The body of the innermost look-ahead matched.
    case lookaheadEnd(negative: Bool)
    case match
}

/// A compiled pattern: its instructions, the folded strings they name, and how many loop counters they use.
struct ScalarPatternProgram: Sendable {
    private(set) var instructions: [ScalarPatternInstruction] = []
    private(set) var literals: [UInt32] = []
    private(set) var counterCount = 0

    /// The program of `node`.
    init(_ node: ScalarPatternNode) {
        emit(node)
        instructions.append(.match)
    }

    /// Appends the instructions of `node`, which is followed by something that begins with `follow` (nil when
    /// unknown or possibly nothing).
    private mutating func emit(_ node: ScalarPatternNode, follow: FirstScalars? = nil) {
        switch node {
        case .scalar(let set):
            instructions.append(.scalar(set))
        case .foldedString(let string):
            instructions.append(.folded(offset: literals.count, count: string.count))
            literals.append(contentsOf: string)
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
                let split = instructions.count
                if !isLast { instructions.append(.jump(0)) }
                emit(alternative, follow: follow)
                if !isLast {
                    jumps.append(instructions.count)
                    instructions.append(.jump(0))
                    instructions[split] = .split(prefer: split + 1, other: instructions.count)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .capture(let index, let inner):
            instructions.append(.save(2 * index))
            emit(inner, follow: follow)
            instructions.append(.save(2 * index + 1))
        case .repetition(.scalar(let set), let min, let max, let lazy):
            instructions.append(.run(set, min: min, max: max, lazy: lazy, follow: follow))
        case .repetition(let inner, let min, let max, let lazy):
            emitRepetition(inner, min: min, max: max, lazy: lazy)
        case .wordBoundary:
            instructions.append(.wordBoundary)
        case .lineEnd:
            instructions.append(.lineEnd)
        case .notPrecededBy(let set):
            instructions.append(.notPrecededBy(set))
        case .notFollowedBy(let set):
            instructions.append(.notFollowedBy(set))
        case .lookahead(let inner, let negative):
            let start = instructions.count
            instructions.append(.jump(0))
            emit(inner)
            instructions.append(.lookaheadEnd(negative: negative))
            instructions[start] = .lookahead(negative: negative, next: instructions.count)
        }
    }

    /// A repeated group. The parser refuses a group that could match nothing, so no round of a loop is empty.
    /// `?`, `*` and `+` need no counter: each round leaves one place to resume, as in ICU's order.
    private mutating func emitRepetition(_ inner: ScalarPatternNode, min: Int, max: Int, lazy: Bool) {
        switch (min, max) {
        case (_, 0):
            // `{0}` and `{0,0}` match the empty string: the group is never tried.
            return
        case (0, 1):
            let split = instructions.count
            instructions.append(.jump(0))
            emit(inner)
            instructions[split] = choice(body: split + 1, exit: instructions.count, lazy: lazy)
        case (0, Int.max):
            let split = instructions.count
            instructions.append(.jump(0))
            emit(inner)
            instructions.append(.jump(split))
            instructions[split] = choice(body: split + 1, exit: instructions.count, lazy: lazy)
        case (1, Int.max):
            let body = instructions.count
            emit(inner)
            instructions.append(choice(body: body, exit: instructions.count + 1, lazy: lazy))
        default:
            let counter = counterCount
            counterCount += 1
            instructions.append(.resetCounter(counter))
            let split = instructions.count
            if min == 0 { instructions.append(.jump(0)) }
            let body = instructions.count
            emit(inner)
            instructions.append(.loop(counter: counter, body: body, min: min, max: max, lazy: lazy))
            if min == 0 { instructions[split] = choice(body: body, exit: instructions.count, lazy: lazy) }
        }
    }

    /// The split between one more round and leaving, in the order the repetition prefers.
    private func choice(body: Int, exit: Int, lazy: Bool) -> ScalarPatternInstruction {
        lazy ? .split(prefer: exit, other: body) : .split(prefer: body, other: exit)
    }
}
