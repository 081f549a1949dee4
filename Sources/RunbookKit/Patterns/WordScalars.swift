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
