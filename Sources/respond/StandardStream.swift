import Glibc
import RunbookKit

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
