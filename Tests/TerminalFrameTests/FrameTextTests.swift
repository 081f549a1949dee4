import TerminalFrame
import Testing

/// Writing text on a frame: it is sanitized, cut to fit, and never leaves half of a wide character behind.
@Suite("writing text on a frame")
struct FrameTextTests {
    @Test("a wide character takes its cell and a continuation cell of the same style")
    func wideCharacter() {
        var frame = Frame(width: 4, height: 1)
        let written = frame.put("確a", column: 0, row: 0, style: Style(bold: true))
        #expect(written == 3)
        #expect(frame[0, 0] == Cell(symbol: "確", style: Style(bold: true)))
        #expect(frame[1, 0].isContinuation)
        #expect(frame[1, 0].style == Style(bold: true))
        #expect(frame.textLines == ["確a "])
    }

    @Test("overwriting either half of a wide character turns its other half into a space")
    func overwritingHalves() {
        var left = Frame(width: 3, height: 1)
        left.put("確", column: 0, row: 0)
        left.put("x", column: 0, row: 0)
        #expect(left.textLines == ["x  "])
        #expect(!left[1, 0].isContinuation)

        var right = Frame(width: 3, height: 1)
        right.put("確", column: 0, row: 0)
        right.put("y", column: 1, row: 0)
        #expect(right.textLines == [" y "])
    }

    @Test("text longer than its limit ends in an ellipsis, and nothing is written outside the frame")
    func limits() {
        var frame = Frame(width: 6, height: 1)
        frame.put("abcdefgh", column: 1, row: 0, limit: 4)
        #expect(frame.textLines == [" abc… "])
        frame.put("zz", column: 5, row: 3)
        frame[9, 0] = Cell(symbol: "q")
        #expect(frame.textLines == [" abc… "])
        #expect(frame[9, 0] == .blank)
    }

    @Test("control characters are drawn in a visible form")
    func sanitized() {
        var frame = Frame(width: 6, height: 1)
        frame.put("a\u{1B}b", column: 0, row: 0)
        #expect(frame.textLines == ["a␛b   "])
    }

    @Test("fill paints spaces of a style between two columns")
    func fill() {
        var frame = Frame(width: 5, height: 2)
        frame.put("hello", column: 0, row: 1)
        frame.fill(row: 1, from: 1, to: 3, style: Style(reverse: true))
        #expect(frame.textLines == ["     ", "h  lo"])
        #expect(frame[1, 1].style.reverse && frame[2, 1].style.reverse && !frame[3, 1].style.reverse)
    }
}
