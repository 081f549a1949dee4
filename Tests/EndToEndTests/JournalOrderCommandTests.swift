import Foundation
import TestSupport
import Testing

/// Every command folds a journal in the one order the guide uses: by seq, the first line of a repeated seq counting.
@Suite("commands read a journal in seq order, as the guide does", .temporaryFiles, .tags(.slow))
struct JournalOrderCommandTests {
    /// An incident whose journal a foreign writer left out of order: seq 3 before seq 2, and a second seq 2.
    func disorderedIncident() throws -> (home: String, id: String, path: String) {
        let home = try makeHome()
        let started = try respond(["start", "disk-full", "--detach", "--id", "d"], home: home)
        #expect(started.status == 0, "\(started.stderr)")
        for text in ["first", "second", "third"] {
            #expect(try respond(["log", "d", "note", text], home: home).status == 0)
        }
        let path = home + "/incidents/d/timeline.jsonl"
        let lines = try fileLines(path).filter { !$0.isEmpty }
        try #require(lines.count == 4)
        let repeated = lines[2].replacingOccurrences(of: "second", with: "a repeat of seq 3")
        let text = [lines[0], lines[1], lines[3], lines[2], repeated].joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (home, "d", path)
    }

    @Test("timeline lists the events by seq, keeps the first line of a repeated seq and says how many repeated")
    func timelineOrder() throws {
        let incident = try disorderedIncident()
        let result = try respond(["timeline", incident.id], home: incident.home)
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stdout.split(separator: "\n").filter { $0.contains("Note:") }
        #expect(notes.count == 3)
        #expect(notes.map { $0.hasPrefix("#2 ") || $0.hasPrefix("#3 ") || $0.hasPrefix("#4 ") } == [true, true, true])
        #expect(notes[0].contains("first") && notes[1].contains("second") && notes[2].contains("third"))
        #expect(!result.stdout.contains("a repeat of seq 3"))
        #expect(result.stderr.contains("1 line(s) repeat a seq already read"))
    }

    @Test("the JSON export holds the events by seq, each seq once")
    func exportOrder() throws {
        let incident = try disorderedIncident()
        let result = try respond(
            ["export", incident.id, "--format", "json", "-o", incident.home + "/x.json"],
            home: incident.home)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: incident.home + "/x.json"))
        let export = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(export["events"] as? [[String: Any]])
        let seqs = events.compactMap { $0["seq"] as? Int }
        #expect(seqs == [1, 2, 3, 4])
    }
}
