import Foundation
import GuideUI
import RunbookKit
import TerminalFrame
import Testing

/// The catalog's review marks: asked for after the first frame, drawn in the rows once they arrive, explained for
/// the selected runbook, and `r` marking a runbook's feedback reviewed through the runtime.
@Suite("the catalog's review marks and the key that marks feedback reviewed")
struct CatalogMarksReducerTests {
    /// High CPU Usage past its quarterly review (due 2026-09-30) with 3 notes waiting; Cache Issues with 1 note.
    static let marks: [String: RunbookReviewMark] = [
        "high-cpu-usage": RunbookReviewMark(
            review: ReviewStatus(
                Footer(lastUpdated: "2026-06-30", reviewCycle: "Quarterly"),
                today: CalendarDay(year: 2026, month: 11, day: 27)),
            unreviewedFeedback: 3),
        "cache-issues": RunbookReviewMark(
            review: ReviewStatus(nil, today: CalendarDay(year: 2026, month: 11, day: 27)), unreviewedFeedback: 1),
    ]

    static let tick = Message.tick(now: Fixtures.opened.addingTimeInterval(1))

    /// The catalog with the marks delivered.
    static func marked(width: Int = 80, height: Int = 24) -> AppModel {
        run(Fixtures.model(width: width, height: height), [tick, .reviewMarksLoaded(marks)]).0
    }

    @Test("the marks are asked for once, at the first tick on the catalog, never at launch")
    func askedAfterTheFirstFrame() {
        let (launched, atLaunch) = launch(Fixtures.model(), .catalog)
        #expect(!atLaunch.contains(.loadReviewMarks))
        let (_, effects) = run(launched, keys(.down) + [Self.tick, Self.tick])
        #expect(effects == [[], [.loadReviewMarks], []])
    }

    @Test("the marks are not asked for while a walkthrough is shown")
    func notOnTheWalkthrough() {
        let (_, effects) = run(Fixtures.walkthrough(), [Self.tick])
        #expect(!effects.joined().contains(.loadReviewMarks))
    }

    @Test("rows gain their marks, in the words of `respond list`, when the marks arrive")
    func rowsGainMarks() {
        let before = run(Fixtures.model(), [Self.tick]).0
        #expect(!view(before).textLines.contains { $0.contains("review due") })
        let lines = view(Self.marked()).textLines
        let cpu = lines.first { $0.contains("High CPU Usage") } ?? ""
        #expect(cpu.contains("review due, 3 feedback"))
        let cache = lines.first { $0.contains("Cache Issues") } ?? ""
        #expect(cache.contains("1 feedback"))
        #expect(!cache.contains("review due"))
    }

    @Test("the selected runbook's marks are explained under the list and in the help overlay")
    func explained() {
        let model = Self.marked()
        let lines = view(model).textLines
        #expect(lines.contains { $0.contains("review due since 2026-09-30 (Quarterly)") })
        #expect(lines.contains { $0.contains("3 feedback notes not reviewed: run `respond feedback` or press r") })
        let help = view(run(model, keys(.character("?"))).0).textLines
        #expect(help.contains { $0.contains("mark the runbook's feedback reviewed") })
        #expect(help.contains { $0.contains("review due since 2026-09-30") })
        let unmarked = run(model, keys(.character("G"))).0
        #expect(!view(unmarked).textLines.contains { $0.contains("not reviewed") })
    }

    @Test("r asks to confirm, naming how many notes; y has the runtime mark them reviewed")
    func ackAsksThenMarks() {
        let (asked, first) = run(Self.marked(), keys(.character("r")))
        #expect(first == [[]])
        #expect(asked.overlay == .confirmFeedbackReviewed(runbook: "high-cpu-usage", notes: 3))
        #expect(view(asked).textLines.contains { $0.contains("3 feedback notes about high-cpu-usage") })
        let (confirmed, effects) = run(asked, keys(.character("y")))
        #expect(effects == [[.markFeedbackReviewed(runbook: "high-cpu-usage", notes: 3)]])
        #expect(confirmed.overlay == nil)
    }

    @Test("any other key than y cancels, and nothing is asked of the runtime")
    func ackCancelled() {
        let (cancelled, effects) = run(Self.marked(), keys(.character("r"), .escape))
        #expect(effects == [[], []])
        #expect(cancelled.overlay == nil)
        #expect(cancelled.notice?.text == "feedback not marked reviewed")
    }

    @Test("r on a runbook without unreviewed feedback, or before the marks arrive, says so and asks nothing")
    func ackWithoutFeedback() {
        let procedure = run(Self.marked(), keys(.character("G"), .character("r"))).0
        #expect(procedure.overlay == nil)
        #expect(procedure.notice?.text == "backup-restore has no feedback waiting for review")
        let early = run(Fixtures.model(), keys(.character("r"))).0
        #expect(early.overlay == nil)
        #expect(early.notice?.text == "still reading the review marks; try again in a moment")
    }

    @Test("once the runtime has marked them, the feedback mark goes away and the review mark stays")
    func markGone() {
        let model = run(
            Self.marked(),
            keys(.character("r"), .character("y")) + [.feedbackMarkedReviewed(runbook: "high-cpu-usage", count: 3)]
        ).0
        let cpu = view(model).textLines.first { $0.contains("High CPU Usage") } ?? ""
        #expect(cpu.contains("review due"))
        #expect(!cpu.contains("feedback"))
        #expect(model.notice?.text == "marked 3 feedback notes about high-cpu-usage reviewed")
        let cache = run(model, keys(.down, .character("r"), .character("y"))).0
        let answered = update(cache, .feedbackMarkedReviewed(runbook: "cache-issues", count: 1)).0
        #expect(!view(answered).textLines.contains { $0.contains("Cache Issues") && $0.contains("feedback") })
        #expect(answered.reviewMarks.marks["cache-issues"] == nil)
    }

    @Test("a failure to mark shows on screen as an error and keeps the mark")
    func markFailed() {
        let model = update(
            Self.marked(),
            .feedbackMarkFailed(runbook: "high-cpu-usage", reason: "the home /h is read-only: make it writable")
        ).0
        #expect(model.notice?.isError == true)
        #expect(
            model.notice?.text
                == "feedback about high-cpu-usage not marked reviewed: the home /h is read-only: make it writable")
        #expect(model.reviewMarks.marks["high-cpu-usage"]?.unreviewedFeedback == 3)
    }
}
