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
        case .foldedString(let string):
            var set = ScalarClass(string[0])
            set.closeOverCase()
            for scalar: UInt32 in 0..<128 where set.contains(scalar) { insert(scalar) }
            // Beyond the Kelvin sign and the long s, `ß`, `ẞ` and the Latin ligatures fold to strings that begin
            // with `s` or `f`.
            nonASCII = [0x6B, 0x73, 0x66].contains(string[0])
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
        case .wordBoundary, .lineEnd, .notPrecededBy, .notFollowedBy, .lookahead:
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
