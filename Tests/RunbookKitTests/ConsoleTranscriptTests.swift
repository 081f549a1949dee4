import TestSupport
import Testing

@testable import RunbookKit

/// Whether a shell block opens with a `$ ` prompt is decided over bytes; it must answer as the first non-blank
/// line of the block split into `Character` lines does.
@Suite("Console transcripts")
struct ConsoleTranscriptTests {
    /// The answer by characters: the first line that is not all whitespace starts with `$ `.
    private func opensWithPromptByCharacters(_ code: String) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.first { !$0.allSatisfy(\.isWhitespace) }.map { $0.hasPrefix("$ ") } == true
    }

    /// A CR LF is one character, so a line feed after a carriage return does not end a line.
    @Test(
        "a block opens with a prompt when its first line with text starts with $ and a space",
        arguments: [
            ("$ uptime\n", true),
            ("\n  \t\n$ uptime\n", true),
            ("\u{3000}\n$ ls\n", true),
            ("\u{A0}\u{2003}\r\n$ ls\n", false),
            ("$ \u{301}ls\n", false),
            ("\u{301}\n$ ls\n", false),
            ("  $ uptime\n", false),
            ("\r\n$ ls\n", false),
            (" \r\n$ ls", false),
            ("kubectl get pods\n$ ls\n", false),
            ("# a comment\n$ ls\n", false),
            ("$uptime\n", false),
            ("$", false),
            ("", false),
            ("\n\n", false),
        ])
    func examples(code: String, opens: Bool) {
        #expect(ConsoleTranscript.opensWithPrompt(code) == opens)
        #expect(opensWithPromptByCharacters(code) == opens)
    }

    @Test("the bytes and the characters agree on random blocks of whitespace, prompts, marks and line ends")
    func randomBlocks() {
        var random = SeededRandom(seed: 0x5EED_0013)
        let pieces = [
            "$", " ", "$ ", "\n", "\r", "\r\n", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}",
            "\u{301}", "\u{200D}", "a", "ls", "#", "停", "👍🏽", "\u{1100}\u{1161}",
        ]
        for _ in 0..<20_000 {
            let code = (0..<random.int(0..<8)).map { _ in random.pick(pieces) }.joined()
            #expect(
                ConsoleTranscript.opensWithPrompt(code) == opensWithPromptByCharacters(code),
                "\(Array(code.unicodeScalars))")
        }
    }
}
