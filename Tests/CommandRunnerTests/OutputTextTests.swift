import Foundation
import Testing

@testable import CommandRunner

/// The excerpt, control stripping, UTF-8 chunking and the OSC 52 clipboard sequence.
@Suite("Output text")
struct OutputTextTests {
    @Test("an excerpt keeps the first and last lines with the count of those left out")
    func headAndTail() {
        var builder = OutputExcerptBuilder(
            limits: ExcerptLimits(headLines: 2, tailLines: 3, lineLength: 80, maximumBytes: 4096))
        builder.append((1...10).map(String.init).joined(separator: "\n") + "\n")
        #expect(builder.excerpt(redact: { $0 }) == "1\n2\n… 5 lines omitted …\n8\n9\n10")
    }

    @Test("short output is kept whole, an unterminated last line included")
    func shortOutput() {
        var builder = OutputExcerptBuilder()
        builder.append("a\nb")
        #expect(builder.excerpt(redact: { $0 }) == "a\nb")
    }

    @Test("the excerpt never exceeds its byte bound and long lines are cut")
    func bounded() {
        var builder = OutputExcerptBuilder()
        for index in 0..<100 { builder.append("\(index) " + String(repeating: "錯", count: 500) + "\n") }
        let excerpt = builder.excerpt(redact: { $0 })
        #expect(excerpt.utf8.count <= 4096)
        #expect(excerpt.hasPrefix("0 錯"))
        #expect(excerpt.hasSuffix("…"))
        #expect(excerpt.contains("lines omitted"))
        #expect(excerpt.split(separator: "\n").allSatisfy { $0.count <= 240 || $0.contains("omitted") })
    }

    @Test("escape sequences, controls and bidirectional overrides are shown escaped in the excerpt; tabs align")
    func controls() {
        var builder = OutputExcerptBuilder()
        builder.append("\u{1B}[31mred\u{1B}[0m\tdone\u{07}\r\n\u{1B}]0;title\u{07}ok\u{1B}P1$r\u{1B}\\\u{9B}2Jend\n")
        builder.append("rm -rf /tmp/\u{202E}gol.txt\n")
        #expect(
            builder.excerpt(redact: { $0 })
                == "␛[31mred␛[0m    done␇\n␛]0;title␇ok␛P1$r␛\\\\u{9B}2Jend\nrm -rf /tmp/\\u{202E}gol.txt")
    }

    @Test("a character cut between two chunks is decoded whole")
    func chunkedUTF8() {
        var decoder = UTF8ChunkDecoder()
        let bytes = Array("診斷 ok".utf8)
        var text = ""
        for byte in bytes { text += decoder.decode([byte]) }
        text += decoder.finish()
        #expect(text == "診斷 ok")
        var broken = UTF8ChunkDecoder()
        #expect(broken.decode([0x61, 0xE8]) == "a")
        #expect(broken.finish() == "\u{FFFD}")
    }

    @Test("OSC 52 carries the base64 of the sanitized text, plain: never wrapped for tmux's passthrough")
    func osc52() throws {
        #expect(try OSC52.sequence(for: "echo hi") == "\u{1B}]52;c;ZWNobyBoaQ==\u{07}")
        let escaped = Data("a␛]52;c;x␇b".utf8).base64EncodedString()
        #expect(try OSC52.sequence(for: "a\u{1B}]52;c;x\u{07}b") == "\u{1B}]52;c;\(escaped)\u{07}")
        #expect(try OSC52.clipboardText(for: "a\u{1B}b\nc") == "a␛b\nc")
        let large = String(repeating: "x", count: OSC52.maximumBytes + 1)
        #expect(throws: OSC52.Failure.tooLong(bytes: OSC52.maximumBytes + 1, limit: OSC52.maximumBytes)) {
            try OSC52.sequence(for: large)
        }
    }
}
