/// For each runbook of a search, a few bits for every run of three adjacent bytes in its lowercased text, hashed
/// into 8,192 bits, so that a keystroke skips the runbooks that cannot hold what it looks for without reading their
/// text: a text that holds a form holds each of the form's runs of three bytes. A set bit may have been set by
/// another run, so a runbook whose bits are all set is still searched; a clear bit proves the form absent.
struct TrigramSignatures: Sendable {
    /// The bits a runbook gets, as 64-bit words: a long runbook's two thousand runs set about two fifths of them.
    private static let words = 128
    /// log2 of the bits a runbook gets.
    private static let bitsLog2: UInt64 = 13

    /// The bits of every runbook, `words` after `words`, in search order.
    private var bits: [UInt64]

    /// The signatures of runbooks given as their fields' lowercased UTF-8 bytes, in search order; runs are taken
    /// within a field, never across two, as the search looks for a form within one field.
    init(_ documents: [[[UInt8]]]) {
        var bits = [UInt64](repeating: 0, count: documents.count * Self.words)
        bits.withUnsafeMutableBufferPointer { bits in
            for (document, fields) in documents.enumerated() {
                let signature = UnsafeMutableBufferPointer(
                    rebasing: bits[(document * Self.words)...].prefix(Self.words))
                for text in fields where text.count > 2 {
                    text.withUnsafeBufferPointer { bytes in
                        var run = UInt32(bytes[0]) << 8 | UInt32(bytes[1])
                        for byte in bytes[2...] {
                            run = (run << 8 | UInt32(byte)) & 0xFF_FFFF
                            let (first, second) = Self.bits(of: run)
                            signature[first >> 6] |= 1 << UInt64(first & 63)
                            signature[second >> 6] |= 1 << UInt64(second & 63)
                        }
                    }
                }
            }
        }
        self.bits = bits
    }

    /// The bits a form's runs set, as (word, mask) pairs to test; none for a form shorter than three bytes, which
    /// every runbook may hold.
    static func probe(_ form: [UInt8]) -> [(word: Int, mask: UInt64)] {
        var masks: [Int: UInt64] = [:]
        for start in form.indices.dropLast(2) {
            let run = UInt32(form[start]) << 16 | UInt32(form[start + 1]) << 8 | UInt32(form[start + 2])
            let (first, second) = Self.bits(of: run)
            masks[first >> 6, default: 0] |= 1 << UInt64(first & 63)
            masks[second >> 6, default: 0] |= 1 << UInt64(second & 63)
        }
        return masks.map { (word: $0.key, mask: $0.value) }
    }

    /// Whether the runbook at `document` may hold the form `probe` was made of: every one of its bits is set.
    func mayHold(_ probe: [(word: Int, mask: UInt64)], document: Int) -> Bool {
        let base = document * Self.words
        return probe.allSatisfy { bits[base + $0.word] & $0.mask == $0.mask }
    }

    /// The two bits a run of three bytes sets: two slices of its Fibonacci hash, whose top bits are well mixed.
    /// With two bits a run, a run that is rare in the library is seldom taken for one that is in every runbook.
    private static func bits(of run: UInt32) -> (Int, Int) {
        let hash = UInt64(run) &* 0x9E37_79B9_7F4A_7C15
        let mask = UInt64(1) << bitsLog2 - 1
        return (Int(hash >> (64 - bitsLog2)), Int(hash >> (64 - 2 * bitsLog2) & mask))
    }
}
