import TerminalText
import Testing

/// `wrappedLineCount` stands in for `wrap(_:width:).count` wherever only the number of rows is needed, so it
/// must agree with it on every text: these compare the two.
@Suite("counting wrapped lines without making them")
struct WrappedLineCountTests {
    /// Pieces that exercise every rule of wrapping: words of every length, spaces in runs and at the ends, wide
    /// characters with closing punctuation after them (and after a space), combining marks, emoji with VS16 and
    /// ZWJ, controls and line breaks.
    static let pieces = [
        "a", "kubectl", "order-service-error-spike", "diagnosis-123,", " ", "  ", "資料庫", "連線", "。", "，",
        "」", "…", "e\u{301}", "\u{301}", "中\u{301}", "❤\u{FE0F}", "👨\u{200D}👩\u{200D}👧", "\t", "\u{1B}",
        "\n", "\r\n", "x\u{FE0F}", "—", "“", "”", "https://grafana.example.com/d/overview?var-namespace=production",
    ]

    /// A deterministic text of `count` pieces.
    static func text(seed: UInt64, count: Int) -> String {
        var state = seed
        var text = ""
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        return text
    }

    @Test("the count equals the number of lines wrap makes, at every width, for mixed text", arguments: 0..<40)
    func agreesWithWrap(seed: Int) {
        let text = Self.text(seed: UInt64(seed), count: 5 + seed * 3)
        for width in [1, 2, 3, 4, 5, 7, 10, 13, 20, 33, 76, 120] {
            #expect(
                wrappedLineCount(text, width: width) == wrap(text, width: width).count,
                "width \(width): \(text.debugDescription)")
        }
    }

    @Test("the edge cases: empty text, only spaces, only breaks, a width of zero")
    func edges() {
        for text in [
            "", " ", "   ", "\n", "\n\n", " \n ", "。", "中。。", "a。b", "e\u{301}", "中。abcdef", "資料。。xyz 連線，pool",
            "kubectl。。。", "  lead", "trail  ", "e\u{301}\u{301}xyz",
        ] {
            for width in [1, 2, 3, 5] {
                #expect(
                    wrappedLineCount(text, width: width) == wrap(text, width: width).count,
                    "\(text.debugDescription) at \(width)")
            }
        }
        #expect(wrappedLineCount("kubectl get pods", width: 0) == 0)
        #expect(wrap("kubectl get pods", width: 0).isEmpty)
    }

    @Test("a long list of step keys takes the rows wrap gives it")
    func longList() {
        let text =
            "out of order: order-service 步驟 diagnosis-400 “確認 HPA 與容量” before "
            + (1..<400).map { "diagnosis-\($0)" }.joined(separator: ", ")
        #expect(wrappedLineCount(text, width: 74) == wrap(text, width: 74).count)
        #expect(wrap(text, width: 74).count > 50)
    }
}
