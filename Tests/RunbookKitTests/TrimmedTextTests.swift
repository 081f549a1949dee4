import Testing

@testable import RunbookKit

@Suite("Trimming text read from runbooks")
struct TrimmedTextTests {
    @Test(
        "spaces, tabs, line ends and the ideographic space go from both ends; the text between stays",
        arguments: [
            (" \t資料庫\n", "資料庫"),
            ("\u{3000}資料庫\u{3000}", "資料庫"),
            ("\r\nOwner: SRE \r\n", "Owner: SRE"),
            ("資料 庫", "資料 庫"),
            ("   ", ""),
            ("", ""),
        ])
    func trimsWhitespace(text: String, expected: String) {
        #expect(text.trimmed == expected)
    }

    @Test(
        "CJK text whose bytes look like the ideographic space's is left whole",
        arguments: [
            "耀",  // E8 80 80: ends in the ideographic space's last byte
            "㐀",  // E3 90 80: starts with its first byte
            "〇 耀",
        ])
    func keepsLookAlikeBytes(text: String) {
        #expect(text.trimmed == text)
    }

    @Test("a space followed by a combining mark is part of a character and is kept, as a character-wise trim would")
    func keepsCombinedSpace() {
        let text = " \u{301}x"
        #expect(text.trimmed == text)
    }
}
