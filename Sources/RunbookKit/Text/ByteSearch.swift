import CProcessSpawn
import FoundationEssentials
import Glibc

/// Finding bytes in UTF-8 text with `memchr`, which scans at memory speed: a runbook is thousands of bytes, a
/// library thousands of runbooks, and a keystroke in the catalog's filter searches all of them.
enum ByteSearch {
    /// The offset of the first `byte` in `bytes` at or after `start`, or nil.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start >= 0, start < bytes.count,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset from `start` at which `byte` is followed by room for `length` bytes and `matches` holds:
    /// `memchr` finds each candidate, `matches` checks the rest there.
    static func firstOffset(
        of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int,
        where matches: (Int) -> Bool
    ) -> Int? {
        let lastStart = bytes.count - length
        guard lastStart >= 0 else { return nil }
        let candidates = UnsafeBufferPointer(rebasing: bytes[..<(lastStart + 1)])
        var start = start
        while let offset = firstOffset(of: byte, in: candidates, from: start) {
            if matches(offset) { return offset }
            start = offset + 1
        }
        return nil
    }

    /// Whether `haystack` holds `needle`, byte for byte. glibc's `memmem` skips over text that cannot hold the
    /// needle, where looking for its first byte with `memchr` stops at every common letter: a later key of the
    /// catalog's filter searches every runbook's text.
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { text in
            needle.withUnsafeBytes { wanted in
                respond_memmem(text.baseAddress, text.count, wanted.baseAddress, wanted.count) != nil
            }
        }
    }
}
