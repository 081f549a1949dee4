/// Runs a compiled pattern at one position of a text, backtracking with an explicit stack.
struct ScalarPatternMachine {
    /// What to do when a path fails: resume elsewhere, or undo a change made on the way.
    private enum Entry {
        case resume(pc: Int, position: Int)
        case restoreSlot(Int, Int)
        case restoreCounter(Int, Int)
        /// A greedy run of `count` scalars from `start` that may give one back.
        case greedyRun(next: Int, start: Int, count: Int, min: Int)
        /// A lazy run (instruction `pc`) of `count` scalars from `start` that may take one more.
        case lazyRun(pc: Int, start: Int, count: Int)
        /// A look-ahead begun at `position`, whose body has not matched yet: reached by backtracking, the body
        /// failed, so a negative look-ahead holds and goes on at `next`, and a positive one fails.
        case lookahead(negative: Bool, next: Int, position: Int)
    }

    private let instructions: [ScalarPatternInstruction]
    private let literals: [UInt32]
    private let text: UnsafeBufferPointer<UInt32>
    private var slots: [Int]
    private var counters: [Int]
    private var stack: [Entry] = []

    init(program: ScalarPatternProgram, text: UnsafeBufferPointer<UInt32>, slots: Int) {
        instructions = program.instructions
        literals = program.literals
        self.text = text
        self.slots = Array(repeating: -1, count: slots)
        self.counters = Array(repeating: 0, count: program.counterCount)
    }

    /// The match that begins at `start`, if there is one.
    mutating func run(from start: Int) -> ScalarPattern.Match? {
        for index in slots.indices { slots[index] = -1 }
        stack.removeAll(keepingCapacity: true)
        var pc = 0
        var position = start
        while true {
            var failed = false
            switch instructions[pc] {
            case .scalar(let set):
                if position < text.count, set.contains(text[position]) {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .folded(let offset, let count):
                // Most places a string is tried at begin with an ASCII scalar other than its first: ruled out here,
                // without the call.
                if position < text.count, text[position] < 0x80,
                    CaseFolding.foldASCII(text[position]) != literals[offset]
                {
                    failed = true
                } else if let end = foldedEnd(offset..<offset + count, at: position) {
                    position = end
                    pc += 1
                } else {
                    failed = true
                }
            case .run(let set, let min, let max, let lazy, let follow):
                let limit = lazy ? min : max
                var count = 0
                while count < limit, position + count < text.count, set.contains(text[position + count]) {
                    count += 1
                }
                if !lazy, let follow { count = Self.givingBack(count, from: position, down: min, to: follow, in: text) }
                // A lazy run takes no fewer than it must, nor stops where what follows cannot begin.
                if lazy, count == min, let follow {
                    count = Self.takingMore(count, from: position, set: set, max: max, to: follow, in: text) ?? min - 1
                }
                if count < min {
                    failed = true
                } else {
                    if lazy, count < max {
                        stack.append(.lazyRun(pc: pc, start: position, count: count))
                    } else if !lazy, count > min {
                        stack.append(.greedyRun(next: pc + 1, start: position, count: count, min: min))
                    }
                    position += count
                    pc += 1
                }
            case .split(let prefer, let other):
                stack.append(.resume(pc: other, position: position))
                pc = prefer
            case .jump(let target):
                pc = target
            case .save(let slot):
                stack.append(.restoreSlot(slot, slots[slot]))
                slots[slot] = position
                pc += 1
            case .resetCounter(let counter):
                stack.append(.restoreCounter(counter, counters[counter]))
                counters[counter] = 0
                pc += 1
            case .loop(let counter, let body, let min, let max, let lazy):
                let count = counters[counter] + 1
                stack.append(.restoreCounter(counter, counters[counter]))
                counters[counter] = count
                if count < min {
                    pc = body
                } else if count >= max {
                    pc += 1
                } else if lazy {
                    stack.append(.resume(pc: body, position: position))
                    pc += 1
                } else {
                    stack.append(.resume(pc: pc + 1, position: position))
                    pc = body
                }
            case .wordBoundary:
                if WordScalars.isBoundary(at: position, in: text) { pc += 1 } else { failed = true }
            case .lineEnd:
                if isLineEnd(position) { pc += 1 } else { failed = true }
            case .notPrecededBy(let set):
                if position > 0, set.contains(text[position - 1]) { failed = true } else { pc += 1 }
            case .notFollowedBy(let set):
                if position < text.count, set.contains(text[position]) { failed = true } else { pc += 1 }
            case .lookahead(let negative, let next):
                stack.append(.lookahead(negative: negative, next: next, position: position))
                pc += 1
            case .lookaheadEnd(let negative):
                if negative {
                    // The body matched, so the assertion fails: undo the body and fail past its beginning.
                    unwindLookahead()
                    failed = true
                } else {
                    (pc, position) = closeLookahead()
                }
            case .match:
                let groups = stride(from: 2, to: slots.count, by: 2).map { slot -> Range<Int>? in
                    slots[slot] >= 0 && slots[slot + 1] >= slots[slot] ? slots[slot]..<slots[slot + 1] : nil
                }
                return ScalarPattern.Match(range: start..<position, groups: groups)
            }
            if failed {
                guard let resumed = backtrack() else { return nil }
                (pc, position) = resumed
            }
        }
    }

    /// Where the case-folded string `literals[string]` ends when it begins at `position`, comparing the text's full
    /// case folding with it as ICU does: a scalar that folds to several (`ß` to `ss`) must fold within the string.
    private func foldedEnd(_ string: Range<Int>, at position: Int) -> Int? {
        var matched = string.lowerBound
        var end = position
        while matched < string.upperBound {
            guard end < text.count else { return nil }
            let scalar = text[end]
            end += 1
            // Most text is ASCII, which folds to itself but for the capitals.
            if scalar < 0x80 {
                guard CaseFolding.foldASCII(scalar) == literals[matched] else { return nil }
                matched += 1
                continue
            }
            let folded = CaseFolding.fold(scalar)
            guard string.upperBound - matched >= folded.count else { return nil }
            for index in 0..<folded.count where folded[index] != literals[matched + index] { return nil }
            matched += folded.count
        }
        return end
    }

    /// `$` with `anchorsMatchLines`: at the end, or before a line terminator that is not the LF of a CRLF.
    private func isLineEnd(_ position: Int) -> Bool {
        guard position < text.count else { return true }
        switch text[position] {
        case 0x0A: return position == 0 || text[position - 1] != 0x0D
        case 0x0B...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// A positive look-ahead's body matched: its places to resume are dropped (a look-ahead matches once), the
    /// undoing of what it changed is kept, and matching goes on after it from where it began.
    private mutating func closeLookahead() -> (pc: Int, position: Int) {
        // The innermost open look-ahead is this one: an inner one left the stack when it ended.
        guard let index = stack.lastIndex(where: { if case .lookahead = $0 { true } else { false } }),
            case .lookahead(_, let next, let position) = stack[index]
        else { preconditionFailure("a look-ahead ends only after it began") }
        var kept = index
        for entry in stack[(index + 1)...] {
            switch entry {
            case .restoreSlot, .restoreCounter:
                stack[kept] = entry
                kept += 1
            case .resume, .greedyRun, .lazyRun, .lookahead:
                continue
            }
        }
        stack.removeSubrange(kept...)
        return (next, position)
    }

    /// A negative look-ahead's body matched: everything it did is undone, its own entry with it.
    private mutating func unwindLookahead() {
        while let entry = stack.popLast() {
            switch entry {
            case .restoreSlot(let slot, let value):
                slots[slot] = value
            case .restoreCounter(let counter, let value):
                counters[counter] = value
            case .lookahead:
                return
            case .resume, .greedyRun, .lazyRun:
                break
            }
        }
    }

    /// The largest count from `count` down to `min` after which what follows can begin (`min` when none): the
    /// counts between cannot lead to a match, so a greedy run skips them.
    private static func givingBack(
        _ count: Int, from start: Int, down min: Int, to follow: FirstScalars, in text: UnsafeBufferPointer<UInt32>
    ) -> Int {
        var count = count
        while count > min, start + count >= text.count || !follow.contains(text[start + count]) { count -= 1 }
        return count
    }

    /// The smallest count from `count` up to `max` after which what follows can begin, taking only members of
    /// `set`; nil when there is none.
    private static func takingMore(
        _ count: Int, from start: Int, set: ScalarClass, max: Int, to follow: FirstScalars,
        in text: UnsafeBufferPointer<UInt32>
    ) -> Int? {
        var count = count
        while true {
            let at = start + count
            if at < text.count, follow.contains(text[at]) { return count }
            guard count < max, at < text.count, set.contains(text[at]) else { return nil }
            count += 1
        }
    }

    /// Undoes changes down to the latest place to resume, and resumes there; nil when there is none.
    private mutating func backtrack() -> (pc: Int, position: Int)? {
        while let entry = stack.popLast() {
            switch entry {
            case .resume(let pc, let position):
                return (pc, position)
            case .restoreSlot(let slot, let value):
                slots[slot] = value
            case .restoreCounter(let counter, let value):
                counters[counter] = value
            case .greedyRun(let next, let start, let count, let min):
                var fewer = count - 1
                if case .run(_, _, _, _, let follow?) = instructions[next - 1] {
                    fewer = Self.givingBack(fewer, from: start, down: min, to: follow, in: text)
                }
                if fewer > min { stack.append(.greedyRun(next: next, start: start, count: fewer, min: min)) }
                return (next, start + fewer)
            case .lazyRun(let pc, let start, let count):
                guard case .run(let set, _, let max, _, let follow) = instructions[pc], start + count < text.count,
                    set.contains(text[start + count])
                else { continue }
                var more = count + 1
                if let follow {
                    guard let next = Self.takingMore(more, from: start, set: set, max: max, to: follow, in: text) else {
                        continue
                    }
                    more = next
                }
                if more < max { stack.append(.lazyRun(pc: pc, start: start, count: more)) }
                return (pc + 1, start + more)
            case .lookahead(let negative, let next, let position):
                if negative { return (next, position) }
            }
        }
        return nil
    }
}
