/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every run and machine,
/// so that a generated library or a fuzz run that fails can be run again exactly.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator that always produces the same sequence for the same seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    public mutating func int(_ range: Range<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// One element of a non-empty list.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0..<items.count)]
    }

    /// True with probability `numerator` in `denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        int(0..<denominator) < numerator
    }
}
