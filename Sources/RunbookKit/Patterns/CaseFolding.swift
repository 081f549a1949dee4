/// The full case folding of a scalar, as far as a pattern of ASCII literals can use it.
enum CaseFolding {
    /// The scalars `scalar` folds to when case is ignored: ASCII capitals to small letters, the Kelvin sign to `k`,
    /// the long s to `s`, sharp s to `ss` and the Latin ligatures to their letters. Any other scalar is itself:
    /// the rest either fold to no ASCII at all, which a pattern's ASCII literals never match anyway, or not at all.
    static func fold(_ scalar: UInt32) -> Folded {
        switch scalar {
        case 0x41...0x5A: Folded(foldASCII(scalar))
        case 0x212A: Folded(0x6B)
        case 0x017F: Folded(0x73)
        case 0x00DF, 0x1E9E: Folded(0x73, 0x73)
        case 0xFB00: Folded(0x66, 0x66)
        case 0xFB01: Folded(0x66, 0x69)
        case 0xFB02: Folded(0x66, 0x6C)
        case 0xFB03: Folded(0x66, 0x66, 0x69)
        case 0xFB04: Folded(0x66, 0x66, 0x6C)
        case 0xFB05, 0xFB06: Folded(0x73, 0x74)
        default: Folded(scalar)
        }
    }

    /// The folding of an ASCII scalar: capitals to small letters, anything else itself.
    @inline(__always)
    static func foldASCII(_ scalar: UInt32) -> UInt32 {
        (0x41...0x5A).contains(scalar) ? scalar + 0x20 : scalar
    }

    /// One to three scalars, held without an array so that folding allocates nothing.
    struct Folded {
        /// How many scalars it holds.
        let count: Int
        private let scalars: (UInt32, UInt32, UInt32)

        init(_ first: UInt32, _ second: UInt32? = nil, _ third: UInt32? = nil) {
            count = third != nil ? 3 : second != nil ? 2 : 1
            scalars = (first, second ?? 0, third ?? 0)
        }

        /// The scalar at `index`, from 0.
        subscript(index: Int) -> UInt32 {
            switch index {
            case 0: scalars.0
            case 1: scalars.1
            default: scalars.2
            }
        }
    }
}
