import Foundation
import TestSupport
import Testing

/// What another process records reaches the responder's screen: the real guide in tmux, and `respond log` run
/// beside it as the incident commander over the same incident home.
@Suite("What others record reaches the responder", .serialized, .temporaryFiles, .tags(.slow))
struct OthersNoticeSessionTests {
    /// How long the test waits for an event another process appended: the guide follows the journal every second;
    /// the margin keeps a loaded machine from failing the test.
    static let liveDeadline = 5.0

    private let home: SessionHome
    private var files: TmuxIncidentFiles { home.files }

    init() throws {
        home = try SessionHome()
    }

    @Test(
        "a pinned IC note appended by another process appears on the responder's screen and stays until acknowledged; the acknowledgement is in the journal"
    )
    func pinnedCommanderNote() throws {
        let responder = try home.session("start queue-backlog", as: "alice")
        try responder.waitFor("Diagnosis 0/3")

        let role = try home.run(["log", "last", "role", "commander", "amy", "--as", "amy"], as: "alice")
        #expect(role.status == 0, "\(role.stderr)")
        try responder.waitFor("IC amy", timeout: Self.liveDeadline)
        let note = try home.run(["log", "last", "note", "30 分鐘後更新狀態頁", "--pin", "--as", "amy"], as: "alice")
        #expect(note.status == 0, "\(note.stderr)")
        let screen = try responder.waitUntil("the note is on the responder's screen", timeout: Self.liveDeadline) {
            $0.contains("📌 IC amy") && $0.contains("30 分鐘後更新狀態頁") && $0.contains("a read")
        }
        #expect(screen.contains("IC amy: 📌 30 分鐘後更新狀態頁"), "the bottom line tells it too:\n\(screen)")

        try responder.sendKeys("a")
        try responder.waitUntil("the acknowledgement is saved and the note leaves the screen") {
            !$0.contains("a read") && $0.contains("acknowledged")
        }
        let journal = try files.journal()
        let pinned = try #require(journal.first { $0["kind"] as? String == "note" })
        let acknowledgement = try #require(journal.first { $0["kind"] as? String == "note-acknowledged" })
        #expect(acknowledgement["eventSeq"] as? Int == pinned["seq"] as? Int)
        #expect(acknowledgement["actor"] as? String == "alice")
        responder.kill()
    }

    @Test(
        "a hostile commander note from respond log --commander --pin shows its escape bytes and bidi control as visible text at 40 columns, cut to fit, with the key that acknowledges it"
    )
    func hostileCommanderNote() throws {
        let responder = try home.session("start queue-backlog", as: "alice", width: 40, height: 12)
        try responder.waitFor("Diagnosis 0/3")
        let hostile =
            "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}txt.exe 先別重啟 db-1\r"
            + String(repeating: "正在備份並確認複寫延遲，", count: 30)
        let note = try home.run(["log", "last", "note", hostile, "--commander", "--pin"], as: "amy")
        #expect(note.status == 0, "\(note.stderr)")
        let screen = try responder.waitUntil("the note is told on the bottom line", timeout: Self.liveDeadline) {
            $0.contains("IC amy: 📌 ␛]0;pwned␇␛[2J\\u{202E}txt.ex…")
        }
        let lines = screen.components(separatedBy: "\n")
        #expect(
            lines.contains { $0.hasPrefix(" 📌 IC amy: ␛]0;pwned␇") && $0.hasSuffix("… a read") },
            "it waits above the step, cut before the key:\n\(screen)")
        #expect(screen.contains("Diagnosis 0/3"), "nothing cleared the screen:\n\(screen)")
        responder.kill()
    }
}
