import FoundationEssentials
import Glibc

/// Turns a file's bytes into text a parser can trust, reporting what had to be done to them.
enum SourceText {
    /// The decoded text, or nil when the bytes are not a text file or hold nothing; with the diagnostics.
    ///
    /// Invalid UTF-8 is replaced with U+FFFD and reported once with the first offending line, so that one bad
    /// byte does not cost the responder the rest of the runbook. NUL bytes mean a binary file: nothing is parsed.
    static func decode(_ data: Data, file: String) -> (text: String?, diagnostics: [Diagnostic]) {
        // Contiguous bytes: Data's own collection methods go through its index type byte by byte.
        data.withUnsafeBytes { raw in decode(raw.bindMemory(to: UInt8.self), file: file) }
    }

    private static func decode(_ all: UnsafeBufferPointer<UInt8>, file: String) -> (
        text: String?, diagnostics: [Diagnostic]
    ) {
        if let nul = ByteSearch.firstOffset(of: 0, in: all) {
            let line = all[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return (
                nil,
                [
                    Diagnostic(
                        .error, SourceLocation(file: file, line: line),
                        .tr("cli.lint.not_text", ["line": String(line)]))
                ]
            )
        }
        var bytes = all[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        var diagnostics: [Diagnostic] = []
        let text: String
        if let valid = String(validating: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self) {
            text = valid
        } else {
            let badLines = invalidLines(bytes)
            if let first = badLines.first {
                let line = String(first)
                diagnostics.append(
                    Diagnostic(
                        .warning, SourceLocation(file: file, line: first),
                        badLines.count > 1
                            ? .tr("cli.lint.invalid_utf8_lines", ["line": line, "more": String(badLines.count - 1)])
                            : .tr("cli.lint.invalid_utf8", ["line": line])))
            }
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        }
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(
                Diagnostic(
                    .error, SourceLocation(file: file, line: 1),
                    .tr("cli.lint.empty_file")))
            return (nil, diagnostics)
        }
        return (text, diagnostics)
    }

    /// The 1-based numbers of the lines that are not valid UTF-8.
    private static func invalidLines(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [Int] {
        var lines: [Int] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: UnsafeBufferPointer(rebasing: line), as: UTF8.self) == nil {
            lines.append(index + 1)
        }
        return lines
    }
}
