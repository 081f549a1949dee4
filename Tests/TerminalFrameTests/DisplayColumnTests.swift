import TerminalFrame
import TestSupport
import Testing

/// The test helper that finds text on a frame row counts terminal columns, not characters, so a search on a
/// line with Traditional Chinese lands on the cell the text is drawn in.
@Suite("finding text's column on a frame row")
struct DisplayColumnTests {
    @Test("after Chinese text the column counts two per character and indexes the cell the text starts in")
    func afterWideCharacters() throws {
        var frame = Frame(width: 40, height: 1)
        frame.put("確認狀態 status 已更新", column: 2, row: 0)
        let line = frame.textLines[0]
        let column = try #require(displayColumn(of: "status", in: line))
        #expect(column == 11)
        #expect(frame[column, 0].symbol == "s")
        let after = try #require(displayColumn(of: "已更新", in: line))
        #expect(after == 18)
        #expect(frame[after, 0].symbol == "已")
        #expect(frame[after + 1, 0].isContinuation)
    }

    @Test("text the line does not contain has no column")
    func absent() {
        #expect(displayColumn(of: "missing", in: "確認狀態") == nil)
    }
}
