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
    }

    private let program: [ScalarPatternInstruction]
    private let text: UnsafeBufferPointer<UInt32>
    private var slots: [Int]
    private var counters: [Int]
    private var stack: [Entry] = []

    init(program: [ScalarPatternInstruction], text: UnsafeBufferPointer<UInt32>, slots: Int, counters: Int) {
        self.program = program
        self.text = text
        self.slots = Array(repeating: -1, count: slots)
        self.counters = Array(repeating: 0, count: counters)
    }

    /// The match that begins at `start`, if there is one.
    mutating func run(from start: Int) -> ScalarPattern.Match? {
        for index in slots.indices { slots[index] = -1 }
        stack.removeAll(keepingCapacity: true)
        var pc = 0
        var position = start
        while true {
            var failed = false
            switch program[pc] {
            case .scalar(let set):
                if position < text.count, set.contains(text[position]) {
                    position += 1
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
            case .notPrecededBy(let set):
                if position > 0, set.contains(text[position - 1]) { failed = true } else { pc += 1 }
            case .notFollowedBy(let set):
                if position < text.count, set.contains(text[position]) { failed = true } else { pc += 1 }
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

    /// The largest count from `count` down to `min` after which what follows can begin (`min` when none): the
    /// counts between cannot lead to a match, so a greedy run skips them.
    private static func givingBack(
        _ count: Int, from start: Int, down min: Int, to follow: FirstScalars, in text: UnsafeBufferPointer<UInt32>
    ) -> Int {
        var count = count
        while count > min, start + count >= text.count || !follow.contains(text[start + count]) { count -= 1 }
        return count
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
                if case .run(_, _, _, _, let follow?) = program[next - 1] {
                    fewer = Self.givingBack(fewer, from: start, down: min, to: follow, in: text)
                }
                if fewer > min { stack.append(.greedyRun(next: next, start: start, count: fewer, min: min)) }
                return (next, start + fewer)
            case .lazyRun(let pc, let start, let count):
                guard case .run(let set, _, let max, _, _) = program[pc], start + count < text.count,
                    set.contains(text[start + count])
                else { continue }
                let more = count + 1
                if more < max { stack.append(.lazyRun(pc: pc, start: start, count: more)) }
                return (pc + 1, start + more)
            }
        }
        return nil
    }
}

/// ICU's word scalars and word boundaries (`\b` without the UWORD option).
enum WordScalars {
    /// Whether `\b` holds at `position`: the scalar there and the one before (skipping combining and format
    /// scalars) differ in being word scalars; never just before a combining or format scalar.
    static func isBoundary(at position: Int, in text: UnsafeBufferPointer<UInt32>) -> Bool {
        var atWord = false
        if position < text.count {
            let scalar = text[position]
            if scalar >= 128, isIgnored(scalar) { return false }
            atWord = isWord(scalar)
        }
        var before = position - 1
        var afterWord = false
        while before >= 0 {
            let scalar = text[before]
            if scalar < 128 || !isIgnored(scalar) {
                afterWord = isWord(scalar)
                break
            }
            before -= 1
        }
        return atWord != afterWord
    }

    /// `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
    static func isWord(_ scalar: UInt32) -> Bool {
        if scalar < 128 {
            return (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
                || scalar == 0x5F
        }
        if scalar == 0x200C || scalar == 0x200D { return true }
        guard let properties = Unicode.Scalar(scalar)?.properties else { return false }
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// Grapheme_Extend or a format scalar: ICU's `\b` looks through them.
    private static func isIgnored(_ scalar: UInt32) -> Bool {
        guard let properties = Unicode.Scalar(scalar)?.properties else { return false }
        return properties.isGraphemeExtend || properties.generalCategory == .format
    }
}
