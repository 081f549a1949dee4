import Glibc

/// Reading a descriptor's bytes with `read(2)`, retried when a signal interrupts it.
package enum FileDescriptorReading {
    /// The bytes of `fd` up to `limit` (fewer when it ends first, or a read fails).
    package static func read(_ fd: Int32, upTo limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

/// Writing bytes to a descriptor with `write(2)`, looping on partial writes and retried when a signal interrupts it.
package enum FileDescriptorWriting {
    /// Writes every byte of `bytes` to `fd`; the `errno` of the failure that stopped it, nil when all were written.
    /// A write that takes nothing and reports no error would loop for ever: it counts as a full disk (`ENOSPC`).
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(fd, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if count == 0 { return ENOSPC }
            written += count
        }
        return nil
    }
}
