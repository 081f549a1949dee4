import Foundation
import TerminalText
import Testing

@Suite("truncating and wrapping to terminal columns")
struct LayoutTests {
    @Test("text that fits is returned unchanged")
    func fits() {
        #expect(truncate("資料庫", toWidth: 6) == "資料庫")
    }

    @Test("longer text ends in an ellipsis within the width")
    func ellipsis() {
        #expect(truncate("High CPU Usage", toWidth: 8) == "High CP…")
    }

    @Test("a wide character that would straddle the edge is replaced by a space, never split")
    func wideAtEdge() {
        let cut = truncate("資料庫連線", toWidth: 6)
        #expect(cut == "資料 …")
        #expect(displayWidth(of: cut) == 6)
    }

    @Test("truncation keeps combining marks with their letter")
    func combiningKept() {
        #expect(truncate("e\u{301}e\u{301}e\u{301}e\u{301}", toWidth: 3) == "e\u{301}e\u{301}…")
    }

    @Test(
        "the units a frame draws are those of the truncated text",
        arguments: [
            ("資料庫連線", 6), ("資料庫", 6), ("High CPU Usage", 8), ("e\u{301}e\u{301}e\u{301}e\u{301}", 3), ("abc", 0),
        ])
    func truncatedUnitsMatch(text: String, width: Int) {
        #expect(truncatedUnits(of: text, toWidth: width) == displayUnits(of: truncate(text, toWidth: width)))
    }

    @Test("fit pads to exactly the width")
    func fitPads() {
        #expect(fit("中", toWidth: 5) == "中   ")
        #expect(displayWidth(of: fit("繁體中文字", toWidth: 7)) == 7)
    }

    @Test("prose wraps at spaces")
    func wrapsAtSpaces() {
        #expect(
            wrap("check the pods in the shop namespace", width: 14) == ["check the pods", "in the shop", "namespace"])
    }

    @Test("Chinese wraps between any two characters")
    func wrapsChinese() {
        let lines = wrap("確認所有服務都已恢復正常運作", width: 10)
        #expect(lines == ["確認所有服", "務都已恢復", "正常運作"])
    }

    @Test("mixed Chinese and English breaks between a Chinese character and a word")
    func wrapsMixed() {
        let lines = wrap("檢查database連線數量", width: 12)
        #expect(lines.allSatisfy { displayWidth(of: $0) <= 12 })
        #expect(lines.joined() == "檢查database連線數量")
        #expect(lines == ["檢查database", "連線數量"])
    }

    @Test("closing punctuation never starts a line: it goes down with the character before it")
    func kinsoku() {
        #expect(wrap("記錄名稱與namespace。", width: 18) == ["記錄名稱與", "namespace。"])
        #expect(wrap("恢復正常。", width: 8) == ["恢復正", "常。"])
    }

    @Test("a token longer than the line is cut with a continuation marker on every cut")
    func longToken() {
        let lines = wrap("see https://grafana.example.com/d/abc now", width: 12)
        #expect(lines == ["see", "https://gra↩", "fana.exampl↩", "e.com/d/abc", "now"])
    }

    @Test("no wrapped line is wider than the width", arguments: [5, 7, 10, 13, 20])
    func neverWider(width: Int) {
        let text = "🔥 Pod 持續重啟 CrashLoopBackOff: kubectl describe pod checkout-7d9f -n shop 繁體中文 e\u{301}"
        for line in wrap(text, width: width) {
            #expect(displayWidth(of: line) <= width, "\(line)")
        }
    }

    @Test("code breaks only where the width ends, and marks every break")
    func code() {
        let lines = wrapCode("kubectl top pods -n shop --sort-by=cpu", width: 16)
        #expect(lines == ["kubectl top pod↩", "s -n shop --sor↩", "t-by=cpu"])
        #expect(lines.allSatisfy { displayWidth(of: $0) <= 16 })
    }

    @Test(
        "an ASCII line of code is cut the same way as one with a wide character in it, whatever its length",
        arguments: [2, 3, 7, 16, 40])
    func codeCutsAgree(width: Int) {
        for length in 0...120 {
            let ascii = String((0..<length).map { Character(UnicodeScalar(0x61 + $0 % 26)!) })
            let pieces = wrapCode(ascii, width: width)
            #expect(pieces.map { $0.replacingOccurrences(of: "↩", with: "") }.joined() == ascii)
            #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("↩") && displayWidth(of: $0) == width })
            #expect(pieces.last.map { displayWidth(of: $0) <= width } ?? false)
            // The same text ending in a two-column character takes the general path; it cuts in the same places.
            let general = wrapCode(ascii + "表", width: width)
            #expect(Array(general.prefix(max(0, pieces.count - 1))) == Array(pieces.dropLast()))
        }
    }

    @Test("code keeps its lines and indentation")
    func codeLines() {
        #expect(wrapCode("if true; then\n  echo 你好\nfi", width: 20) == ["if true; then", "  echo 你好", "fi"])
    }

    @Test("a wide character in code moves to the next piece rather than straddling the edge")
    func codeWide() {
        let lines = wrapCode("echo 資料庫連線", width: 8)
        #expect(lines.allSatisfy { displayWidth(of: $0) <= 8 })
        #expect(lines.map { $0.replacingOccurrences(of: "↩", with: "") }.joined() == "echo 資料庫連線")
    }

    @Test("styled runs keep their attributes across a wrap")
    func runs() {
        let lines = wrapRuns([Run("restart the ", 0), Run("checkout", 1), Run(" service now", 0)], width: 20)
        #expect(lines == [[Run("restart the ", 0), Run("checkout", 1)], [Run("service now", 0)]])
    }
}
