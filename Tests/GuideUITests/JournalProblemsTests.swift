import Foundation
import GuideUI
import Testing

/// Lines the journal set aside while loading are never silent: the responder sees where they are.
@Suite("journal problems found while loading")
struct JournalProblemsTests {
    static let problems = [
        "line 2: corrupt line set aside: not valid JSON",
        "line 9: incomplete last line (a write was cut short); set aside, every complete event loaded",
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
}
