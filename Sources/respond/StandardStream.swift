import Glibc

/// Text written straight to standard output or standard error, through the same buffered writer as documents,
/// without Foundation's `FileHandle` (whose first use links all of Foundation and ICU's data into the binary). A
/// stream that cannot take the text (a closed pipe) loses it: these are messages, not documents.
enum StandardStream {
    /// Writes `text` to standard error.
    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes `text` to standard output.
    static func writeOutput(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        var stream = BufferedFile(fd: fd)
        stream.write(text)
        stream.flush()
    }

    /// Standard input up to `limit` bytes (fewer when it ends first); a read that fails ends it there.
    static func readInput(upTo limit: Int) -> [UInt8] {
        FileDescriptorReading.read(STDIN_FILENO, upTo: limit)
    }
}

/// Reading a descriptor's bytes with `read(2)`, retried when a signal interrupts it.
enum FileDescriptorReading {
    /// The bytes of `fd` up to `limit` (fewer when it ends first, or a read fails).
    static func read(_ fd: Int32, upTo limit: Int) -> [UInt8] {
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
