import IncidentModel

/// Reads a file's complete lines a chunk at a time into one buffer, so that memory follows the longest line, not
/// the file: the start of a line that a read cut off moves to the front of the buffer for the next read, and the
/// buffer doubles when one line outgrows it. Shared by `Journal.read` and `JournalTail.read`.
enum ChunkedLines {
    /// What was left after the last newline.
    struct Rest {
        /// The offset in the file just past the last newline.
        var offset: Int
        /// The bytes after it, a line without its newline; empty when the file ends with a newline.
        var bytes: ArraySlice<UInt8>
    }

    /// Reads `fd` from `offset` to `size`, `chunk` bytes at a time, and hands `consume` the bytes held each time
    /// a read brings a newline (a line longer than a read is handed over once its newline has arrived, not with
    /// every read); `consume` returns how many of them it used, up to and including the last newline.
    static func read(
        _ fd: Int32, from offset: Int, to size: Int, chunk: Int, path: String,
        _ consume: (ArraySlice<UInt8>) throws(JournalError) -> Int
    ) throws(JournalError) -> Rest {
        var buffer = [UInt8](repeating: 0, count: min(chunk, max(size - offset, 1)))
        var held = 0
        var offset = offset
        var consumed = offset
        while offset < size {
            if held == buffer.count { buffer += repeatElement(0, count: buffer.count) }
            let got = try FileIO.read(
                fd, into: &buffer, at: held, count: min(buffer.count - held, size - offset), offset: offset, path: path)
            guard got > 0 else { break }
            offset += got
            let end = held + got
            guard buffer[held..<end].contains(0x0A) else {
                held = end
                continue
            }
            let used = try consume(buffer[0..<end])
            buffer.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                base.update(from: base + used, count: end - used)
            }
            held = end - used
            consumed += used
        }
        return Rest(offset: consumed, bytes: buffer[0..<held])
    }
}
