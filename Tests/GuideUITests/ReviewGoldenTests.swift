import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TestSupport
import Testing

@Suite("review: frames and --plain text compared with golden files")
struct ReviewGoldenTests {
    static let sizes = [(80, 24), (40, 12)]

    @Test("the review of an incident with Traditional Chinese notes", arguments: sizes)
    func review(width: Int, height: Int) {
        expectGolden(view(ReviewFixture.model(width: width, height: height)), "review-\(width)x\(height)")
    }

    @Test("scrolled up with events arrived, a search highlighted and system events shown", arguments: sizes)
    func scrolledWithNew(width: Int, height: Int) {
        var model = run(
            ReviewFixture.model(width: width, height: height),
            keys(.character("s"), .character("g")) + keys(.character("/")) + typing("客戶") + keys(.enter)
        ).0
        let arrived = ReviewFixture.arriving(
            .note(text: "回滾完成，CPU 降到 45%", pinned: false, commander: false), after: model)
        model = update(model, .eventsArrived([arrived])).0
        expectGolden(view(model), "review-new-\(width)x\(height)")
    }

    @Test("the progress and adherence pane", arguments: sizes)
    func progress(width: Int, height: Int) {
        expectGolden(
            view(run(ReviewFixture.model(width: width, height: height), keys(.tab)).0),
            "review-progress-\(width)x\(height)")
    }

    @Test("the progress pane beside the timeline on a wide terminal")
    func split() {
        expectGolden(view(run(ReviewFixture.model(width: 130, height: 24), keys(.tab)).0), "review-split-130x24")
    }

    @Test("an annotation being typed, and the help", arguments: sizes)
    func annotationAndHelp(width: Int, height: Int) {
        let model = ReviewFixture.model(width: width, height: height)
        expectGolden(
            view(run(model, keys(.character("a")) + typing("請更新客戶公告")).0), "review-annotate-\(width)x\(height)")
        expectGolden(view(run(model, keys(.character("?"))).0), "review-help-\(width)x\(height)")
    }

    @Test("a terminal smaller than 40×12 says so, and q still quits")
    func tooSmall() {
        let model = ReviewFixture.model(width: 39, height: 12)
        #expect(view(model).textLines.joined().contains("terminal too small"))
        #expect(update(model, .terminal(.key(.character("q")))).1 == [.quit])
    }

    @Test("--plain: header, metrics, progress, adherence and the filtered timeline as text")
    func plain() {
        let text = ReviewPlainText.render(
            incidentID: ReviewFixture.id, events: ReviewFixture.events, runbook: Fixtures.library.runbook,
            now: ReviewFixture.now, includeSystem: false)
        expectGolden(text, file: "review-plain.txt")
        let all = ReviewPlainText.render(
            incidentID: ReviewFixture.id, events: ReviewFixture.events, runbook: Fixtures.library.runbook,
            now: ReviewFixture.now, includeSystem: true)
        #expect(all.contains("exported markdown"))
        #expect(all.contains("copied: kubectl top pods"))
        #expect(!text.contains("exported markdown"))
    }

    @Test("--plain shows escape sequences and controls in journal text escaped, never raw")
    func plainSanitizes() {
        var events = ReviewFixture.events
        events.append(
            Event(
                seq: 13, recordedAt: ReviewFixture.now, actor: "eve\u{1B}[31m",
                kind: .note(text: "boom\u{1B}]52;c;aGk=\u{07}\u{9B}2J done", pinned: false, commander: false)))
        let text = ReviewPlainText.render(
            incidentID: ReviewFixture.id, events: events, runbook: Fixtures.library.runbook, now: ReviewFixture.now,
            includeSystem: true)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.contains("note: boom␛]52;c;aGk=␇\\u{9B}2J done"))
    }
}
