import Foundation
import GuideUI
import IncidentModel
import Localization
import RunbookKit
import TerminalText
import TestSupport
import Testing

/// The main screens in Traditional Chinese, with times in Asia/Taipei: double-width words must fit where the
/// English ones do, at 80×24 and 40×12 (`expectGolden` also checks every row is exactly as wide as the frame).
@Suite("screens in Traditional Chinese, compared with golden text")
struct TraditionalChineseGoldenTests {
    static let sizes = [(80, 24), (40, 12)]
    static let words = Localizer(.traditionalChinese)
    static let taipei = ZoneClock(zone: TimeZone(identifier: "Asia/Taipei")!)

    static func progressed(width: Int, height: Int) -> AppModel {
        FrameGoldenTests.progressed(width: width, height: height, words: words, clock: taipei)
    }

    @Test("catalog", arguments: sizes)
    func catalog(width: Int, height: Int) {
        let model = Fixtures.model(width: width, height: height, words: Self.words, clock: Self.taipei)
        expectGolden(view(model), "zh-catalog-\(width)x\(height)")
    }

    @Test("start form", arguments: sizes)
    func startForm(width: Int, height: Int) {
        let model = Fixtures.model(width: width, height: height, words: Self.words, clock: Self.taipei)
        expectGolden(view(run(model, keys(.enter)).0), "zh-start-form-\(width)x\(height)")
    }

    @Test("walkthrough", arguments: sizes)
    func walkthrough(width: Int, height: Int) {
        expectGolden(view(Self.progressed(width: width, height: height)), "zh-walkthrough-\(width)x\(height)")
    }

    @Test("help overlay on the walkthrough", arguments: sizes)
    func help(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("?"))).0
        expectGolden(view(model), "zh-help-\(width)x\(height)")
    }

    @Test("severity picker", arguments: sizes)
    func picker(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("P"))).0
        expectGolden(view(model), "zh-severity-picker-\(width)x\(height)")
    }

    @Test("timeline, its times in the named zone", arguments: sizes)
    func timeline(width: Int, height: Int) {
        let model = run(Self.progressed(width: width, height: height), keys(.character("t"))).0
        let frame = view(model)
        expectGolden(frame, "zh-timeline-\(width)x\(height)")
        if width >= 64 { #expect(frame.textLines[0].contains("Asia/Taipei (UTC+8)")) }
    }

    @Test("review, its times in the named zone", arguments: sizes)
    func review(width: Int, height: Int) {
        let model = ReviewFixture.model(width: width, height: height, words: Self.words, clock: Self.taipei)
        let frame = view(model)
        expectGolden(frame, "zh-review-\(width)x\(height)")
        if width >= 64 { #expect(frame.textLines.contains { $0.contains("時間 UTC+8") }) }
        expectGolden(view(run(model, keys(.character("?"))).0), "zh-review-help-\(width)x\(height)")
    }

    @Test("--plain in Traditional Chinese keeps UTC timestamps")
    func plain() {
        let text = ReviewPlainText.render(
            incidentID: ReviewFixture.id, events: ReviewFixture.events, runbook: Fixtures.library.runbook,
            now: ReviewFixture.now, includeSystem: false, localizer: Self.words)
        expectGolden(text, file: "zh-review-plain.txt")
    }
}
