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
            unreviewedNotes: ["a#2", "a#5", "b#3@laptop"]),
        "cache-issues": RunbookReviewMark(
            review: ReviewStatus(nil, today: CalendarDay(year: 2026, month: 11, day: 27)), unreviewedNotes: ["c#4"]),
    ]

    static let tick = Message.tick(now: Fixtures.opened.addingTimeInterval(1))

    /// A tick `seconds` after the first.
    static func tick(after seconds: Double) -> Message {
        .tick(now: Fixtures.opened.addingTimeInterval(1 + seconds))
    }

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

    @Test("r asks to confirm, naming how many notes; y has the runtime mark those very notes reviewed")
    func ackAsksThenMarks() {
        let (asked, first) = run(Self.marked(), keys(.character("r")))
        #expect(first == [[]])
        #expect(
            asked.overlay == .confirmFeedbackReviewed(runbook: "high-cpu-usage", notes: ["a#2", "a#5", "b#3@laptop"]))
        #expect(view(asked).textLines.contains { $0.contains("3 feedback notes about high-cpu-usage") })
        let (confirmed, effects) = run(asked, keys(.character("y")))
        #expect(effects == [[.markFeedbackReviewed(runbook: "high-cpu-usage", notes: ["a#2", "a#5", "b#3@laptop"])]])
        #expect(confirmed.overlay == nil)
        #expect(confirmed.reviewMarks.marking == "high-cpu-usage")
    }

    @Test("r while a marking is under way says it is still running and asks nothing more; its answer frees r")
    func secondAckWhileMarking() {
        let marking = run(Self.marked(), keys(.character("r"), .character("y"))).0
        let (again, effects) = run(marking, keys(.down, .character("r")))
        #expect(effects.last == [])
        #expect(again.overlay == nil)
        #expect(
            again.notice?.text
                == "still marking the feedback about high-cpu-usage reviewed; its answer shows here when it lands")
        let answered = update(again, .feedbackMarkedReviewed(runbook: "high-cpu-usage", count: 3)).0
        #expect(answered.reviewMarks.marking == nil)
        let asked = run(answered, keys(.character("r"))).0
        #expect(asked.overlay == .confirmFeedbackReviewed(runbook: "cache-issues", notes: ["c#4"]))
    }

    @Test("the marks are asked for again every few seconds while the catalog is shown, and not while it is not")
    func askedAgainWhileShown() {
        let interval = ReviewMarksFeed.refreshInterval
        let (shown, effects) = run(
            Self.marked(),
            [Self.tick(after: interval - 0.5), Self.tick(after: interval), Self.tick(after: interval + 1)])
        #expect(effects == [[], [.loadReviewMarks], []])
        let (_, walking) = run(Fixtures.walkthrough(), [Self.tick, Self.tick(after: interval * 3)])
        #expect(!walking.joined().contains(.loadReviewMarks))
        #expect(shown.reviewMarks.loaded)
    }

    @Test("marks read again replace the rows' marks: a note recorded elsewhere appears, one marked elsewhere goes")
    func marksReplaced() {
        var again = Self.marks
        again["cache-issues"] = nil
        again["high-cpu-usage"]?.unreviewedNotes.append("d#7")
        let model = update(Self.marked(), .reviewMarksLoaded(again)).0
        let lines = view(model).textLines
        #expect(lines.first { $0.contains("High CPU Usage") }?.contains("4 feedback") == true)
        #expect(lines.first { $0.contains("Cache Issues") }?.contains("feedback") == false)
    }

    @Test("what the runtime could not read for the marks is said on screen as an error, once while it stays the same")
    func warningsSaid() {
        let warning =
            "2 incidents could not be read and their feedback is not counted; `respond feedback` names them and why"
        let warned = update(Self.marked(), .reviewMarksLoaded(Self.marks, warnings: [warning])).0
        #expect(warned.notice?.text == warning && warned.notice?.isError == true)
        #expect(view(warned).textLines.contains { $0.contains("2 incidents could not be read") })
        let dismissed = run(warned, keys(.down)).0
        #expect(dismissed.notice == nil)
        let same = update(dismissed, .reviewMarksLoaded(Self.marks, warnings: [warning])).0
        #expect(same.notice == nil)
        let fixed = update(same, .reviewMarksLoaded(Self.marks)).0
        #expect(fixed.reviewMarks.warnings.isEmpty)
        let back = update(fixed, .reviewMarksLoaded(Self.marks, warnings: [warning])).0
        #expect(back.notice?.isError == true)
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

    @Test("a failure to mark shows on screen as an error, keeps the mark and has the marks read again")
    func markFailed() {
        let (model, effects) = update(
            run(Self.marked(), keys(.character("r"), .character("y"))).0,
            .feedbackMarkFailed(runbook: "high-cpu-usage", reason: "the home /h is read-only: make it writable")
        )
        #expect(effects == [.loadReviewMarks])
        #expect(model.reviewMarks.marking == nil)
        #expect(model.notice?.isError == true)
        #expect(
            model.notice?.text
                == "feedback about high-cpu-usage not marked reviewed: the home /h is read-only: make it writable")
        #expect(model.reviewMarks.marks["high-cpu-usage"]?.unreviewedFeedback == 3)
    }
}
