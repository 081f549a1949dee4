import Foundation
import Localization
import TerminalFrame
import TerminalText
import Testing

@testable import GuideUI

/// Chinese characters take two columns: each line the guide translates must fit wherever its English fits, at
/// 80×24 and 40×12, so that nothing a responder needs is cut in one language and shown in the other.
@Suite("Traditional Chinese fits where English fits")
struct TraditionalChineseFitTests {
    static let english = Localizer(.english)
    static let chinese = Localizer(.traditionalChinese)
    static let widths = [80, 40]

    /// A Chinese text fits as the English does: within `room` when the English is, else no wider than the English.
    static func expectFits(
        _ chinese: String, as english: String, room: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (wide, narrow) = (displayWidth(of: chinese), displayWidth(of: english))
        let limit = narrow <= room ? room : narrow
        #expect(
            wide <= limit, "“\(chinese)” is \(wide) columns where “\(english)” fits in \(limit)",
            sourceLocation: sourceLocation)
    }

    @Test("each hint line", arguments: widths)
    func hintLines(width: Int) {
        for line in LocalizedKeyTests.hintLines {
            Self.expectFits(line.line(Self.chinese), as: line.line(Self.english), room: width)
        }
        Self.expectFits(
            Self.chinese.tr("ui.hint.catalog_filter"), as: Self.english.tr("ui.hint.catalog_filter"), room: width)
    }

    @Test("each row of every help overlay, beside the widest key", arguments: widths)
    func helpOverlay(width: Int) {
        let box = min(60, width - 2)
        for screen in LocalizedKeyTests.screens {
            let english = keyHelp(for: screen, in: Self.english)
            let chinese = keyHelp(for: screen, in: Self.chinese)
            let keyWidth = english.map { displayWidth(of: $0.keys) }.max() ?? 0
            for (en, zh) in zip(english, chinese) {
                Self.expectFits(zh.action, as: en.action, room: box - keyWidth - 5)
            }
        }
    }

    @Test("each dialog's title and keys inside its box", arguments: widths)
    func dialogs(width: Int) {
        let keys = [
            "ui.help.title", "ui.help.close", "ui.prompt.keys", "ui.picker.keys", "ui.resolve.title", "ui.resolve.keys",
            "ui.prompt.pinned_note", "ui.prompt.note", "ui.prompt.skip_reason", "ui.prompt.feedback",
            "ui.prompt.escalate_other", "ui.picker.status", "ui.picker.severity", "ui.picker.escalate",
            "ui.picker.switch_runbook", "ui.picker.go_to_item", "ui.start_form.title", "ui.start_form.keys",
            "ui.start_form.drill_yes", "ui.placeholder.keys", "ui.quit_running.title", "ui.quit_running.text",
            "ui.quit_running.keys", "ui.confirm.title", "ui.confirm.keys", "ui.confirm.keys_yes",
            "ui.confirm.keys_read_on", "ui.confirm.keys_read_on_n", "ui.unsaved_quit.retry", "ui.unsaved_quit.stay",
            "ui.severity.p0", "ui.severity.p1", "ui.severity.p2", "ui.severity.p3",
        ]
        let box = min(60, width - 2)
        for key in keys {
            Self.expectFits(Self.chinese.tr(key), as: Self.english.tr(key), room: box - 4)
        }
    }

    @Test(
        "every screen in Traditional Chinese at every size from 40×12 up fits its rows, no wide character halved",
        arguments: [(40, 12), (41, 13), (57, 15), (63, 20), (64, 20), (79, 23), (80, 24), (100, 30), (132, 50)])
    func everySize(width: Int, height: Int) {
        let taipei = ZoneClock(zone: TimeZone(identifier: "Asia/Taipei")!)
        var model = Fixtures.walkthrough(width: width, height: height, words: Self.chinese, clock: taipei)
        let screens: [[Message]] = [
            [], keys(.character("?")), keys(.character("t")), keys(.escape, .character("S")),
            keys(.escape, .character("P")), keys(.escape, .character("s")), keys(.escape, .character("e")),
            keys(.escape, .character("q"), .character("?")), keys(.escape, .enter), keys(.escape, .character("o")),
        ]
        var frames: [(String, Frame)] = []
        for messages in screens {
            model = run(model, messages).0
            frames.append(("\(model.screen) \(String(describing: model.overlay))", view(model)))
        }
        let review = ReviewFixture.model(width: width, height: height, words: Self.chinese, clock: taipei)
        for messages in [[], keys(.tab), keys(.character("?")), keys(.character("a")) + typing("請更新客戶公告")] {
            frames.append(("review", view(run(review, messages).0)))
        }
        for (name, frame) in frames {
            for row in 0..<frame.height {
                #expect(displayWidth(of: frame.textLines[row]) == width, "\(name), row \(row)")
                for column in 0..<frame.width where frame[column, row].isContinuation {
                    #expect(
                        column > 0 && displayWidth(of: frame[column - 1, row].symbol) == 2,
                        "orphan continuation at \(column),\(row) on \(name)")
                }
            }
        }
    }

    @Test("the start form's field names fit their label column")
    func startFormLabels() {
        for key in [
            "ui.start_form.runbook", "ui.start_form.field_title", "ui.start_form.severity", "ui.start_form.drill",
        ] {
            #expect(displayWidth(of: Self.chinese.tr(key)) < 11, "\(key)")
        }
    }
}
