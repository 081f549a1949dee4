/// A set of Unicode scalars, as one position of a pattern matches it: ASCII members in a bitmap, and the rest by
/// the few properties the patterns name (white space, word scalars, a line terminator, the two non-ASCII scalars
/// that case-fold to an ASCII letter). Plain bits, so that the matcher copies it without reference counting.
struct ScalarClass: Sendable {
    /// Members below 0x40 and from 0x40 to 0x7F, one bit each, negation already applied.
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Which non-ASCII scalars the set holds before negation (`NonASCII` bits).
    private var nonASCII: UInt8 = 0
    /// Whether the non-ASCII part is complemented (`[^…]`, `.`).
    private var negated = false

    /// The groups of non-ASCII scalars a set can name.
    private enum NonASCII {
        /// U+212A KELVIN SIGN, which folds to `k`.
        static let kelvin: UInt8 = 1
        /// U+017F LATIN SMALL LETTER LONG S, which folds to `s`.
        static let longS: UInt8 = 2
        /// U+0085, U+2028 and U+2029, the line terminators beyond ASCII.
        static let lineTerminators: UInt8 = 4
        /// Every scalar with the White_Space property.
        static let whitespace: UInt8 = 8
        /// Every scalar without it.
        static let nonWhitespace: UInt8 = 16
        /// Every word scalar, as `WordScalars.isWord` defines them.
        static let word: UInt8 = 32
        /// Every scalar that is not one.
        static let nonWord: UInt8 = 64
    }

    /// The empty set.
    init() {}

    /// The set of one ASCII scalar.
    init(_ scalar: UInt32) {
        insert(scalar)
    }

    /// `\s`: the scalars with Unicode's White_Space property, as ICU's `\s`.
    static var whitespaces: ScalarClass {
        var set = ScalarClass()
        for scalar: UInt32 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20] { set.insert(scalar) }
        set.nonASCII = NonASCII.whitespace
        return set
    }

    /// `\S`.
    static var nonWhitespaces: ScalarClass {
        var set = ScalarClass()
        for scalar: UInt32 in 0..<128 where !(0x09...0x0D).contains(scalar) && scalar != 0x20 { set.insert(scalar) }
        set.nonASCII = NonASCII.nonWhitespace
        return set
    }

    /// `\w`: ICU's word scalars, the same as `\b` looks for.
    static var words: ScalarClass {
        var set = ScalarClass()
        for scalar: UInt32 in 0..<128 where WordScalars.isWord(scalar) { set.insert(scalar) }
        set.nonASCII = NonASCII.word
        return set
    }

    /// `\W`.
    static var nonWords: ScalarClass {
        var set = ScalarClass()
        for scalar: UInt32 in 0..<128 where !WordScalars.isWord(scalar) { set.insert(scalar) }
        set.nonASCII = NonASCII.nonWord
        return set
    }

    /// `.` without the dot-all option: anything but a line terminator (U+000A–U+000D, U+0085, U+2028, U+2029).
    static var anyButLineTerminator: ScalarClass {
        var set = ScalarClass()
        set.insert(from: 0x0A, to: 0x0D)
        set.nonASCII = NonASCII.lineTerminators
        set.negate()
        return set
    }

    /// Adds one ASCII scalar.
    mutating func insert(_ scalar: UInt32) {
        if scalar < 64 {
            low |= 1 << UInt64(scalar)
        } else if scalar < 128 {
            high |= 1 << UInt64(scalar - 64)
        }
    }

    /// Adds the ASCII scalars from `lower` to `upper`.
    mutating func insert(from lower: UInt32, to upper: UInt32) {
        guard lower <= upper else { return }
        for scalar in lower...upper { insert(scalar) }
    }

    /// Adds every member of `other`, which must not be negated.
    mutating func formUnion(_ other: ScalarClass) {
        low |= other.low
        high |= other.high
        nonASCII |= other.nonASCII
    }

    /// Adds the other case of every letter, as ICU closes a set over case for the case-insensitive option: the
    /// Kelvin sign folds to `k` and the long s to `s`, so they join the set with their letter.
    mutating func closeOverCase() {
        for letter: UInt32 in 0x41...0x5A where contains(letter) || contains(letter + 0x20) {
            insert(letter)
            insert(letter + 0x20)
        }
        if contains(0x6B) { nonASCII |= NonASCII.kelvin }
        if contains(0x73) { nonASCII |= NonASCII.longS }
    }

    /// Complements the set.
    mutating func negate() {
        low = ~low
        high = ~high
        negated.toggle()
    }

    /// Whether `scalar` is a member.
    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return low & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return high & (1 << UInt64(scalar - 64)) != 0 }
        return containsNonASCII(scalar)
    }

    // Kept out of line: inlined, its Unicode property look-ups would make every function that tests a set fetch
    // their type metadata on entry, and the matcher's loops test sets on nearly every step.
    @inline(never)
    private func containsNonASCII(_ scalar: UInt32) -> Bool {
        var member: Bool
        switch scalar {
        case 0x212A: member = nonASCII & NonASCII.kelvin != 0
        case 0x17F: member = nonASCII & NonASCII.longS != 0
        case 0x85, 0x2028, 0x2029: member = nonASCII & NonASCII.lineTerminators != 0
        default: member = false
        }
        if !member && nonASCII & (NonASCII.whitespace | NonASCII.nonWhitespace) != 0 {
            let isWhitespace = Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
            member = nonASCII & (isWhitespace ? NonASCII.whitespace : NonASCII.nonWhitespace) != 0
        }
        if !member && nonASCII & (NonASCII.word | NonASCII.nonWord) != 0 {
            member = nonASCII & (WordScalars.isWord(scalar) ? NonASCII.word : NonASCII.nonWord) != 0
        }
        return member != negated
    }

    /// Whether some non-ASCII scalar may be a member.
    var mayHoldNonASCII: Bool { negated || nonASCII != 0 }
}
