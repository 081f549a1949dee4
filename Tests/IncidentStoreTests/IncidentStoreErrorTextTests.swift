import Foundation
import IncidentModel
import IncidentStore
import Localization
import Testing

@Suite("The incident store's errors in each language")
struct IncidentStoreErrorTextTests {
    private let errors: [IncidentStoreError] = [
        .journal(.notFound(path: "/h/incidents/x/timeline.jsonl")), .invalidID("../x"),
        .alreadyExists(id: "x", directory: "/h/incidents/x"), .directory(path: "/h/incidents", code: EACCES),
        .notFound(reference: "nope", candidates: []), .notFound(reference: "nope", candidates: ["a", "b"]),
        .ambiguous(reference: "2026", candidates: ["2026-a", "2026-b"]),
        .notAJournal(path: "/tmp/notes.txt"), .unreadable(id: "x", reason: "no journal"),
    ]

    @Test("in English, every error reads exactly as its description")
    func englishIsTheDescription() {
        for error in errors { #expect(error.description(in: Localizer(.english)) == error.description) }
    }

    @Test("in zh-TW, every error is Chinese and an unknown incident names the recent ones")
    func chinese() {
        let chinese = Localizer(.traditionalChinese)
        for error in errors { #expect(error.description(in: chinese) != error.description) }
        #expect(
            IncidentStoreError.notFound(reference: "nope", candidates: ["a", "b"]).description(in: chinese)
                == "沒有符合「nope」的事故；最近的事故：a, b")
    }
}
