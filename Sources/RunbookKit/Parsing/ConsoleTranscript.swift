/// Splits a terminal transcript (a ```` ```console ```` block, or a shell block whose first line has a `$ `
/// prompt) into the commands to run, without their prompts, and the output shown after them, which is never run.
/// Pure.
enum ConsoleTranscript {
    /// The languages that mark a block as a transcript with prompts.
    static let transcriptLanguages: Set<String> = ["console", "shell-session", "shellsession", "terminal", "session"]
    /// The language given to a transcript's output lines: shown, copied, never run.
    static let outputLanguage = "output"

    /// The block as written, or, for a transcript, its commands and then its output as a block of its own.
    static func split(_ block: CodeBlock) -> [CodeBlock] {
        let language = ASCIICase.lowercased(block.language)
        let isTranscript = transcriptLanguages.contains(language)
        guard isTranscript || Linter.shellLanguages.contains(language) || language.isEmpty else { return [block] }
        // A shell block is a transcript only when it opens with a `$ ` prompt; `# ` there is a comment.
        guard isTranscript || opensWithPrompt(block.code) else { return [block] }
        let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false)
        var commands: [Substring] = []
        var output: [Substring] = []
        var continues = false
        var sawPrompt = false
        for line in lines {
            if continues {
                commands.append(line)
            } else if let command = prompted(line, rootPrompt: isTranscript) {
                commands.append(command)
                sawPrompt = true
            } else if !sawPrompt && isTranscript {
                commands.append(line)
            } else if !line.allSatisfy(\.isWhitespace) || !output.isEmpty {
                output.append(line)
                continue
            }
            continues = commands.last.map { $0.hasSuffix("\\") } ?? false
        }
        while let last = output.last, last.allSatisfy(\.isWhitespace) { output.removeLast() }
        // A block without a language that opens with a `$ ` prompt is shell by its prompt.
        let commandLanguage = block.language.isEmpty ? "shell" : block.language
        let commandInfo = block.info.isEmpty ? "shell" : block.info
        var parts = [
            CodeBlock(language: commandLanguage, code: joined(commands), location: block.location, info: commandInfo)
        ]
        if !output.isEmpty {
            parts.append(CodeBlock(language: outputLanguage, code: joined(output), location: block.location))
        }
        return parts
    }

    /// Whether the first line of `code` that is not blank starts with a `$ ` prompt, lines and blanks as
    /// `Character`s make them (a `\n` ends a line unless it follows a `\r`). Every shell block of a runbook asks,
    /// and nearly all answer no, so the lines are found over the contiguous UTF-8 bytes and a line is looked at as
    /// characters only when bytes cannot decide: when it holds no ASCII character but whitespace and some non-ASCII
    /// one, or when a non-ASCII byte after `$ ` might join the space into one character.
    static func opensWithPrompt(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                var previous: UInt8 = 0
                var sawText = false
                var sawOther = false
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { break }
                    if byte >= 0x80 {
                        sawOther = true
                    } else if byte != 0x20, !(0x09...0x0D).contains(byte) {
                        sawText = true
                    }
                    previous = byte
                    end += 1
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if sawText { return startsWithPrompt(line) }
                if sawOther {
                    let text = String(decoding: line, as: UTF8.self)
                    if !text.allSatisfy(\.isWhitespace) { return text.hasPrefix("$ ") }
                }
                guard end < bytes.count else { break }
                start = end + 1
            }
            return false
        }
    }

    /// Whether a line's characters start with `$ `: decided on its bytes, unless a non-ASCII byte follows the space
    /// (a combining mark there makes the space part of another character).
    private static func startsWithPrompt(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 2, line[0] == UInt8(ascii: "$"), line[1] == UInt8(ascii: " ") else { return false }
        guard line.count > 2, line[2] >= 0x80 else { return true }
        return String(decoding: line, as: UTF8.self).hasPrefix("$ ")
    }

    /// The command after a `$ ` (or, in a console block, `# `) prompt; nil for a line without one.
    private static func prompted(_ line: Substring, rootPrompt: Bool) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        for prompt in rootPrompt ? ["$ ", "# ", "% "] : ["$ "] where trimmed.hasPrefix(prompt) {
            return trimmed.dropFirst(prompt.count)
        }
        if trimmed == "$" { return "" }
        return nil
    }

    private static func joined(_ lines: [Substring]) -> String {
        var lines = lines
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
