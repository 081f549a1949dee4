import Foundation
import TestSupport
import Testing

/// The catalog's review marks through the real binary in tmux, over feedback recorded with the CLI: the mark
/// appears once the journals are read, `r` and `y` mark the feedback reviewed, the mark goes, and
/// `respond feedback` agrees.
@Suite("The catalog marks runbooks with feedback to review", .serialized, .temporaryFiles, .tags(.slow))
struct CatalogMarksSessionTests {
    private let home: SessionHome

    init() throws {
        home = try SessionHome()
    }

    /// Runs `respond ARGUMENTS` to completion as `actor`, expecting it to succeed; returns its output.
    @discardableResult
    private func respond(_ arguments: [String], as actor: String) throws -> String {
        let result = try home.run(arguments, as: actor)
        #expect(result.status == 0, "respond \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// The catalog line of the runbook titled `title`.
    private func line(_ title: String, in screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains(title) }.map(String.init) ?? ""
    }

    @Test("two feedback notes are marked, acknowledged with r and y, and respond feedback lists none after")
    func acknowledgeFromTheCatalog() throws {
        try respond(["start", "disk-full", "--detach", "--id", "a"], as: "alice")
        try respond(["log", "a", "feedback", "du needs -x", "--step", "2"], as: "bob")
        try respond(["log", "a", "feedback", "say which mount"], as: "alice")
        #expect(try respond(["feedback"], as: "carol").contains("a#2  disk-full"))

        let session = try home.session("", as: "carol")
        try session.waitUntil("Disk Full's row shows its two feedback notes") {
            self.line("Disk Full", in: $0).contains("2 feedback")
        }
        // Queue Backlog comes first in the fixture's index; Disk Full is the next runbook.
        try session.sendKeys("j")
        try session.waitFor("2 feedback notes not reviewed: run `respond feedback` or press r")
        try session.sendKeys("r")
        try session.waitFor("2 feedback notes about disk-full")
        try session.sendKeys("y")
        let screen = try session.waitFor("marked 2 feedback notes about disk-full reviewed")
        #expect(!line("Disk Full", in: screen).contains("feedback"))
        #expect(!screen.contains("feedback notes not reviewed"))

        #expect(try respond(["feedback"], as: "carol") == "no unreviewed runbook feedback\n")
        let reviewed = try String(contentsOfFile: home.files.home + "/feedback-reviewed.jsonl", encoding: .utf8)
        #expect(reviewed.split(separator: "\n").count == 2)
        #expect(reviewed.contains("\"by\":\"carol\""))
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test("a note recorded while the confirmation is open is never marked unseen: nothing is marked, the count is new")
    func feedbackArrivingDuringTheConfirmation() throws {
        try respond(["start", "disk-full", "--detach", "--id", "a"], as: "alice")
        try respond(["log", "a", "feedback", "du needs -x"], as: "bob")

        let session = try home.session("", as: "carol")
        try session.waitUntil("Disk Full's row shows its feedback note") {
            self.line("Disk Full", in: $0).contains("1 feedback")
        }
        try session.sendKeys("j")
        try session.sendKeys("r")
        try session.waitFor("1 feedback note about disk-full")
        try respond(["log", "a", "feedback", "say which mount"], as: "alice")
        try session.sendKeys("y")
        try session.waitUntil("the refusal is said and Disk Full's row counts both notes") {
            $0.contains("not marked reviewed: changed meanwhile; press r again")
                && self.line("Disk Full", in: $0).contains("2 feedback")
        }
        #expect(try respond(["feedback"], as: "carol").contains("say which mount"))
        #expect(!FileManager.default.fileExists(atPath: home.files.home + "/feedback-reviewed.jsonl"))
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test(
        "a note recorded and another marked while the confirmation is open keep the count, but nothing is marked unseen"
    )
    func sameCountOtherNotes() throws {
        try respond(["start", "disk-full", "--detach", "--id", "a"], as: "alice")
        try respond(["log", "a", "feedback", "du needs -x"], as: "bob")
        try respond(["log", "a", "feedback", "say which mount"], as: "alice")

        let session = try home.session("", as: "carol")
        try session.waitUntil("Disk Full's row shows its two notes") {
            self.line("Disk Full", in: $0).contains("2 feedback")
        }
        try session.sendKeys("j")
        try session.sendKeys("r")
        try session.waitFor("2 feedback notes about disk-full")
        try respond(["log", "a", "feedback", "name the volume"], as: "bob")
        try respond(["feedback", "ack", "a#2"], as: "dave")
        try session.sendKeys("y")
        try session.waitFor("not marked reviewed: changed meanwhile; press r again")
        let listed = try respond(["feedback"], as: "carol")
        #expect(listed.contains("a#3") && listed.contains("a#4") && !listed.contains("a#2"), "\(listed)")
        let reviewed = try String(contentsOfFile: home.files.home + "/feedback-reviewed.jsonl", encoding: .utf8)
        #expect(reviewed.split(separator: "\n").count == 1 && reviewed.contains("\"by\":\"dave\""))
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }

    @Test(
        "the marks follow notes recorded and marked from another terminal, and a damaged review file is said on screen")
    func marksFollowOtherTerminals() throws {
        try respond(["start", "disk-full", "--detach", "--id", "a"], as: "alice")
        try respond(["log", "a", "feedback", "du needs -x"], as: "bob")
        let marks = home.files.home + "/feedback-reviewed.jsonl"
        #expect(FileManager.default.createFile(atPath: marks, contents: Data("not a record\n".utf8)))
        #expect(chmod(marks, 0o600) == 0)

        let session = try home.session("", as: "carol")
        try session.waitUntil("the damaged line is said and Disk Full's row shows its note") {
            $0.contains("1 damaged line in") && self.line("Disk Full", in: $0).contains("1 feedback")
        }
        try respond(["log", "a", "feedback", "say which mount"], as: "alice")
        try session.waitUntil("Disk Full's row counts the note recorded from another terminal, without a key") {
            self.line("Disk Full", in: $0).contains("2 feedback")
        }
        try respond(["feedback", "ack", "--runbook", "disk-full"], as: "dave")
        try session.waitUntil("Disk Full's row loses its mark once another terminal marked the notes reviewed") {
            !self.line("Disk Full", in: $0).contains("feedback") && self.line("Disk Full", in: $0).contains("Disk Full")
        }
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }
}
