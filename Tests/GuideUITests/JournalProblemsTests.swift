import Foundation
import GuideUI
import IncidentModel
import IncidentStore
import Localization
import TestSupport
import Testing

/// Lines the journal set aside while loading are never silent: the responder sees where they are.
@Suite("journal problems found while loading", .temporaryFiles)
struct JournalProblemsTests {
    static let problems = [
        JournalProblem(path: "timeline.jsonl", line: 2, kind: .corrupt(reason: .notJSON)),
        JournalProblem(path: "timeline.jsonl", line: 9, kind: .tornTail),
    ]

    @Test("the first problem is shown as an error on the bottom line, with a count of the others")
    func shownAfterLoading() {
        let loaded = Fixtures.walkthrough(width: 120)
        let (model, effects) = update(loaded, .journalProblems(Self.problems))
        #expect(effects.isEmpty)
        #expect(model.notice?.isError == true)
        let bottom = view(model).textLines.last ?? ""
        #expect(bottom.contains("journal line 2: corrupt line set aside: not valid JSON"))
        #expect(bottom.contains("+1 more; respond timeline lists them"))
    }

    @Test("the commander's review shows them too")
    func shownInReview() {
        let review = ReviewFixture.model(width: 200)
        let (model, _) = update(review, .journalProblems([Self.problems[0]]))
        #expect(view(model).textLines.joined().contains("journal line 2: corrupt line set aside"))
    }

    @Test("a journal that can no longer be followed says why on the bottom line")
    func notFollowed() {
        let (model, _) = update(
            Fixtures.walkthrough(width: 120), .journalNotFollowed(.truncated(path: "timeline.jsonl")))
        let bottom = view(model).textLines.last ?? ""
        #expect(bottom.contains("journal cannot be followed: timeline.jsonl became shorter while it was followed"))
    }

    @Test("a corrupt middle line of a journal on disk is shown once the journal is loaded as the runtime loads it")
    func corruptLineOnDisk() throws {
        let path = try freshDirectory() + "/" + Journal.fileName
        let journal = Journal(path: path)
        _ = try journal.append(
            [
                NewEvent(
                    actor: "alice",
                    kind: .incidentOpened(
                        title: "結帳服務 CPU 飆高", severity: .p1, runbook: "high-cpu-usage", drill: false, roles: [:])),
                NewEvent(actor: "alice", kind: .note(text: "重啟 checkout-7d9f", pinned: false, commander: false)),
            ], now: Fixtures.opened)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("{\"seq\": 2, \"kind\": ", at: 1)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)

        let contents = try Journal.read(path)
        #expect(contents.events.count == 2)
        let problem = try #require(contents.problems.first)
        #expect(problem.line == 2)
        var model = Fixtures.model(width: 120)
        for message in [
            Message.incidentLoaded(id: "2026-11-27-checkout-cpu", events: contents.events),
            .journalProblems(contents.problems),
        ] {
            model = update(model, message).0
        }
        let bottom = view(model).textLines.last ?? ""
        #expect(bottom.contains("journal line 2: corrupt line set aside"))
        #expect(model.screen == .walkthrough)
    }

    @Test("in Traditional Chinese the set-aside lines and a journal that cannot be followed are said in Chinese")
    func traditionalChinese() {
        let chinese = Fixtures.walkthrough(width: 120, words: Localizer(.traditionalChinese))
        let outOfOrder = JournalProblem(path: "timeline.jsonl", line: 4, kind: .outOfOrder(seq: 3, previous: 5))
        let (problems, _) = update(chinese, .journalProblems([outOfOrder]))
        #expect(
            view(problems).textLines.last?.contains("journal 第 4 行：seq 3 沒有接在 seq 5 之後；依檔案順序保留") == true,
            "\(view(problems).textLines.last ?? "")")
        let (torn, _) = update(chinese, .journalProblems([Self.problems[1]]))
        #expect(view(torn).textLines.last?.contains("journal 第 9 行：最後一行不完整") == true)
        let (unfollowed, _) = update(chinese, .journalNotFollowed(.truncated(path: "timeline.jsonl")))
        #expect(
            view(unfollowed).textLines.last?.contains("無法追蹤 journal：timeline.jsonl 在追蹤期間變短了") == true,
            "\(view(unfollowed).textLines.last ?? "")")
    }
}
