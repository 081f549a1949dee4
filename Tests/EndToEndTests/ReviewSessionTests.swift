import Foundation
import TestSupport
import Testing

/// The incident commander follows a responder's session live with `respond review`, both the real program in
/// their own tmux servers over one incident home.
@Suite("The commander reviews a live incident in the terminal", .serialized, .temporaryFiles, .tags(.slow))
struct ReviewSessionTests {
    /// How long the test waits for an event the responder saved to show in the review. The review follows the
    /// journal every second; the margin keeps a loaded CI machine from failing the test, and the one-second
    /// figure itself is measured by `make bench`, where timing belongs.
    static let liveDeadline = 5.0

    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    @Test(
        "the responder's events (a Chinese note among them) reach the review within a second; the commander's annotation reaches the responder's timeline and the export"
    )
    func liveReview() throws {
        let responder = try home.session("start queue-backlog", as: "alice")
        try responder.waitFor("Diagnosis 0/3")
        let review = try home.session("review last", as: "carol")
        try review.waitFor("REVIEW · Queue Backlog")
        try review.waitFor("opened \"Queue Backlog\"")

        try responder.sendKeys("Space")
        try responder.waitUntil("the first step is done and saved") {
            $0.contains("Diagnosis 1/3") && $0.contains("saved") && !$0.contains("saving")
        }
        try review.waitFor("done: 確認 consumer lag", timeout: Self.liveDeadline)

        try responder.sendKeys("n")
        try responder.type("lag 已降到 5000，持續觀察")
        // The prompt is open with the text in it, so the wait below sees it close rather than a screen from before.
        try responder.waitFor("lag 已降到 5000，持續觀察")
        try responder.waitFor("Enter saves")
        try responder.sendKeys("Enter")
        try responder.waitUntil("the note is saved") {
            $0.contains("saved") && !$0.contains("saving") && !$0.contains("Enter saves")
        }
        try review.waitFor("note: lag 已降到 5000，持續觀察", timeout: Self.liveDeadline)

        let logged = try home.run(["log", "last", "status", "mitigated"], as: "alice")
        #expect(logged.status == 0, "\(logged.stderr)")
        try review.waitUntil("the status shows mitigated", timeout: Self.liveDeadline) {
            $0.contains("status → mitigated") && $0.contains("P1 · mitigated")
        }

        try review.sendKeys("a")
        try review.waitFor("IC note:")
        try review.type("請 alice 準備回滾 payment-worker")
        try review.sendKeys("Enter")
        try review.waitFor("[IC] note: 請 alice 準備回滾 payment-worker")
        try review.waitUntil("the annotation is saved") { $0.contains("saved") && !$0.contains("saving") }

        try responder.sendKeys("t")
        let timeline = try responder.waitFor("[IC] note: 請 alice 準備回滾 payment-worker")
        #expect(timeline.contains("carol"))
        try responder.sendKeys("q")
        try responder.waitFor("Diagnosis 1/3")

        let journal = try files.journal()
        let annotation = try #require(journal.first { $0["commander"] as? Bool == true })
        #expect(annotation["actor"] as? String == "carol")
        #expect(annotation["text"] as? String == "請 alice 準備回滾 payment-worker")
        #expect(journal.filter { $0["actor"] as? String == "carol" }.count == 1)

        let id = try #require(try files.incidentIDs().first)
        let exported = try home.run(["export", id], as: "alice")
        #expect(exported.status == 0, "\(exported.stderr)")
        let postmortem = try String(contentsOfFile: files.home + "/incidents/\(id)/postmortem.md", encoding: .utf8)
        #expect(postmortem.contains("請 alice 準備回滾 payment-worker"))
        #expect(postmortem.contains("lag 已降到 5000，持續觀察"))

        try review.sendKeys("q")
        try review.waitFor("EXITED 0", history: true)
        responder.kill()
    }

    @Test("scrolled up, the review keeps its place and counts new events until G; p pins the selected event")
    func keepsPlaceAndPins() throws {
        let opened = try home.run(["start", "queue-backlog", "--detach"], as: "alice")
        #expect(opened.status == 0, "\(opened.stderr)")
        for note in ["第一則", "第二則", "第三則"] {
            #expect(try home.run(["log", "last", "note", note], as: "alice").status == 0)
        }
        let review = try home.session("review last", as: "carol", width: 40, height: 12)
        try review.waitFor("note: 第三則")
        // Up twice from the newest (#4, 第三則) selects #2, 第一則.
        try review.sendKeys("k", "k")
        try review.sendKeys("p")
        try review.waitUntil("the pin is saved") { $0.contains("* ") && $0.contains("saved") && !$0.contains("saving") }
        #expect(try files.journal().contains { $0["kind"] as? String == "pin-changed" && $0["eventSeq"] as? Int == 2 })

        #expect(try home.run(["log", "last", "note", "第四則"], as: "alice").status == 0)
        try review.waitFor("1 new", timeout: Self.liveDeadline)
        try review.sendKeys("G")
        try review.waitUntil("G clears the new-events count") { $0.contains("note: 第四則") && !$0.contains("1 new") }

        let plain = try home.run(["review", "last", "--plain"], as: "carol")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("*#2"))
        #expect(plain.stdout.contains("note: 第四則"))
        #expect(plain.stdout.contains("Timeline (1 system event hidden; --all shows them)"))
        try review.sendKeys("q")
        try review.waitFor("EXITED 0", history: true)
    }
}
