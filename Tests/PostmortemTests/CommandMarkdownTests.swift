import Foundation
import TestSupport
import Testing

@testable import Postmortem

@Suite("A command's lines are counted over its bytes as its characters count them")
struct CommandMarkdownTests {
    @Test("Whether a command has several lines, and how many, agree with the character reading on random commands")
    func linesAgreeWithCharacters() {
        let pieces = ["ls -la", "\n", "\n", "\r\n", "\r", " ", "`", "é", "e\u{301}", "\n\u{301}", "日誌", "\\"]
        var random = SeededRandom(seed: 13)
        for _ in 0..<5_000 {
            let command = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            var trimmed = Substring(command)
            while trimmed.last == "\n" { trimmed.removeLast() }
            #expect(
                CommandMarkdown.isMultiline(command) == trimmed.unicodeScalars.contains("\n"), "\(Array(command.utf8))")
            #expect(
                CommandMarkdown.lineCount(command)
                    == trimmed.split(separator: "\n", omittingEmptySubsequences: false).count,
                "\(Array(command.utf8))")
        }
    }

    @Test("The blocks kept for a section are the blocks made afresh, indented")
    func keptBlocks() {
        var blocks = CommandBlocks(indent: "  ")
        for command in ["a\nb", "x\n\ny\n", "a\nb"] {
            #expect(blocks.block(command) == CommandMarkdown.block(command).map { $0.isEmpty ? "" : "  " + $0 })
        }
    }
}
