import TerminalText
import Testing

@Suite("display width, as ncursesw draws")
struct DisplayWidthTests {
    @Test("ASCII takes one column per character")
    func ascii() {
        #expect(displayWidth(of: "kubectl get pods") == 16)
    }

    @Test(
        "a string's width is the sum of its units' widths, and each character's, whatever it holds",
        arguments: [
            "kubectl get pods", "CPU 使用率 > 80%", "e\u{301}x", "👨\u{200D}👩\u{200D}👧 ok", "a\tb\r\n\u{7F}c",
            "\u{2764}\u{FE0F} 確認，", "\u{301}lead", "",
        ])
    func widthAgreesWithUnits(text: String) {
        let fromUnits = displayUnits(of: text).reduce(0) { $0 + $1.width }
        #expect(displayWidth(of: text) == fromUnits)
        #expect(text.reduce(0) { $0 + displayWidth(of: $1) } == fromUnits)
    }

    @Test(
        "the units up to a width are the first units: all when they fit, else up to the first past the width",
        arguments: [
            "kubectl get pods", "CPU 使用率 > 80%", "e\u{301}x", "👨\u{200D}👩\u{200D}👧 ok", "a\tb\r\n\u{7F}c",
            "\u{2764}\u{FE0F} 確認，", "\u{301}lead", "", "重啟 payment-worker 後 lag 開始下降，約 5 分鐘恢復正常",
        ])
    func unitsUpToWidth(text: String) {
        let all = displayUnits(of: text)
        for limit in 0...(displayWidth(of: text) + 2) {
            let first = displayUnits(of: text, upToWidth: limit)
            #expect(Array(all.prefix(first.count)) == first, "limit \(limit)")
            let width = first.reduce(0) { $0 + $1.width }
            if first.count < all.count {
                #expect(width > limit && width - (first.last?.width ?? 0) <= limit, "limit \(limit)")
            } else {
                #expect(width == all.reduce(0) { $0 + $1.width }, "limit \(limit)")
            }
        }
    }

    @Test("printable ASCII is one unit per character")
    func asciiUnits() {
        #expect(displayUnits(of: "ls -la") == "ls -la".map { DisplayUnit(text: String($0), width: 1) })
    }

    @Test("Traditional Chinese characters and full-width punctuation take two columns")
    func traditionalChinese() {
        #expect(displayWidth(of: "繁體中文") == 8)
        #expect(displayWidth(of: "確認，") == 6)
        #expect(displayWidth(of: "CPU 使用率 > 80%") == 16)
    }

    @Test("combining marks take no column of their own")
    func combiningMarks() {
        let decomposed = "e\u{301}"
        #expect(decomposed.count == 1)
        #expect(displayWidth(of: decomposed) == 1)
        #expect(displayWidth(of: Character("a\u{308}\u{323}")) == 1)
    }

    @Test("an emoji takes two columns, and VS16 makes a text-default symbol two columns")
    func emoji() {
        #expect(displayWidth(of: "🔥") == 2)
        #expect(displayWidth(of: "\u{2764}") == 1)
        #expect(displayWidth(of: "\u{2764}\u{FE0F}") == 2)
    }

    @Test("a ZWJ sequence counts each person, as ncursesw draws each spacing scalar in its own cell")
    func zwjSequence() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        #expect(displayWidth(of: family) == 6)
        let units = displayUnits(of: family)
        #expect(units.map(\.width) == [2, 2, 2])
        #expect(units.map(\.text).joined() == family)
    }

    @Test("a grapheme's combining marks stay in the unit of the scalar they ride on")
    func unitsKeepMarks() {
        #expect(
            displayUnits(of: "ae\u{301}") == [
                DisplayUnit(text: "a", width: 1), DisplayUnit(text: "e\u{301}", width: 1),
            ])
    }

    @Test("non-printable scalars draw nothing")
    func nonPrintable() {
        #expect(displayWidth(of: "a\u{7}b") == 2)
        #expect(scalarWidth("\u{7}") == -1)
    }

    @Test("the width does not depend on the process's locale: wide characters are two columns in the C locale too")
    func localeIndependent() {
        #expect(scalarWidth("中") == 2)
    }
}
