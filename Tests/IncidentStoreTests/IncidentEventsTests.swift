import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

/// An incident's events walked from its files rather than held: the same events, in the same order, with the same
/// warnings, as reading the files whole and ordering them with `JournalOrder` gives.
@Suite("An incident's events read from its files each time they are walked", .temporaryFiles)
struct IncidentEventsTests {
    let start = utc("2026-11-27T00:20:05.123Z")

    /// A fresh incident directory, private as the store keeps one.
    func incidentDirectory() throws -> String {
        let directory = try freshDirectory() + "/inc"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        chmod(directory, 0o700)
        return directory
    }

    /// Writes `lines` (journal lines, or anything else a file may hold) to `name` in `directory`, private.
    func write(_ lines: [String], named name: String, in directory: String, newlineAtEnd: Bool = true) throws {
        let text = lines.joined(separator: "\n") + (newlineAtEnd && !lines.isEmpty ? "\n" : "")
        let path = directory + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        chmod(path, 0o600)
    }

    func line(_ event: Event) throws -> String {
        String(decoding: try EventCodec.line(for: event), as: UTF8.self)
    }

    func note(_ seq: Int, at seconds: Double, by actor: String = "amy") -> Event {
        Event(
            seq: seq, recordedAt: start.addingTimeInterval(seconds), actor: actor,
            kind: .note(text: "note \(seq) at \(seconds)", pinned: false, commander: false))
    }

    /// What every other command reads: the files whole, in `JournalOrder`.
    func heldReading(_ journal: String) throws -> (events: [Event], problems: [JournalProblem], dropped: Int) {
        let contents = try IncidentContents.read(journal)
        let ordered = JournalOrder.ordered(contents.events)
        return (ordered, contents.problems, contents.events.count - ordered.count)
    }

    /// The events as the first pass folds them, as a walk passes them, and what was read.
    func streamedReading(_ journal: String) throws -> (folded: [Event], walked: [Event], events: IncidentEvents) {
        let (events, folded) = try IncidentEvents.read(journal, into: [Event]()) { $0.append($1) }
        var walked: [Event] = []
        try events.walk { walked.append($0) }
        return (folded, walked, events)
    }

    func expectSameAsHeld(_ journal: String, held expectHeld: Bool) throws {
        let held = try heldReading(journal)
        let streamed = try streamedReading(journal)
        #expect(streamed.folded == held.events)
        #expect(streamed.walked == held.events)
        #expect(streamed.events.problems == held.problems)
        #expect(streamed.events.dropped == held.dropped)
        #expect(streamed.events.count == held.events.count)
        #expect(streamed.events.holdsEvents == expectHeld)
    }

    @Test("files of several machines with interleaved times are merged as they are read, in JournalOrder's order")
    func interleavedWriters() throws {
        let directory = try incidentDirectory()
        let own = [note(1, at: 0), note(2, at: 5), note(3, at: 5), note(4, at: 9)]
        let beta = [note(1, at: 1), note(2, at: 5), note(3, at: 12)]
        let alpha = [note(1, at: 5), note(2, at: 6), note(3, at: 7), note(4, at: 30)]
        try write(own.map(line), named: "timeline.jsonl", in: directory)
        try write(beta.map(line), named: "timeline@beta.jsonl", in: directory)
        try write(alpha.map(line), named: "timeline@alpha.jsonl", in: directory)
        let journal = directory + "/timeline.jsonl"
        try expectSameAsHeld(journal, held: false)
        let walked = try streamedReading(journal).walked
        #expect(
            walked.map(\.writer) == [nil, "beta", nil, nil, "alpha", "beta", "alpha", "alpha", nil, "beta", "alpha"])
    }

    @Test("damaged lines, blank lines and a torn last line are set aside and reported as a whole read reports them")
    func damagedLines() throws {
        let directory = try incidentDirectory()
        try write(
            [
                try line(note(1, at: 0)), "{not json", "", try line(note(2, at: 1)), "   ", "{\"v\":1,\"seq\":3",
                try line(note(4, at: 3)),
            ],
            named: "timeline.jsonl", in: directory)
        try write(
            [try line(note(1, at: 2)), "garbage", try line(note(2, at: 4)), "{\"v\":1,\"seq\":3,\"kind\":"],
            named: "timeline@beta.jsonl", in: directory, newlineAtEnd: false)
        try expectSameAsHeld(directory + "/timeline.jsonl", held: false)
        #expect(try streamedReading(directory + "/timeline.jsonl").events.problems.count == 4)
    }

    @Test("a file not in order by itself is read whole and ordered as every command orders it")
    func outOfOrderFiles() throws {
        // A repeated seq, a seq going back, and (with several files) a time going back within one file.
        let cases: [[String: [Event]]] = [
            ["timeline.jsonl": [note(1, at: 0), note(2, at: 1), note(2, at: 2), note(3, at: 3)]],
            ["timeline.jsonl": [note(1, at: 0), note(3, at: 1), note(2, at: 2)]],
            [
                "timeline.jsonl": [note(1, at: 0), note(2, at: 4), note(3, at: 2)],
                "timeline@beta.jsonl": [note(1, at: 3)],
            ],
        ]
        for files in cases {
            let directory = try incidentDirectory()
            for (name, events) in files { try write(events.map(line), named: name, in: directory) }
            try expectSameAsHeld(directory + "/timeline.jsonl", held: true)
        }
    }

    @Test("generated incidents of several machines, damaged lines among them, read as a whole read orders them")
    func generated() throws {
        var random = SeededRandom(seed: 20)
        for _ in 0..<25 {
            let directory = try incidentDirectory()
            for name in ["timeline.jsonl", "timeline@alpha.jsonl", "timeline@beta.jsonl"].prefix(1 + random.int(0..<3))
            {
                var seconds = Double(random.int(0..<5))
                var lines: [String] = []
                for seq in 1...(1 + random.int(0..<40)) {
                    // Times of several machines collide often: the order then goes by writer, then seq.
                    seconds += Double(random.int(0..<3))
                    lines.append(try line(note(seq, at: seconds, by: random.pick(["amy", "bo"]))))
                    if random.chance(1, in: 10) { lines.append(random.pick(["{", "x", "{\"v\":1}", ""])) }
                }
                try write(lines, named: name, in: directory)
            }
            try expectSameAsHeld(directory + "/timeline.jsonl", held: false)
        }
    }

    @Test(
        "a walk stops with an error naming the file when another machine's file became shorter than the first pass read"
    )
    func shortenedBetweenWalks() throws {
        let directory = try incidentDirectory()
        let journal = directory + "/timeline.jsonl"
        try write(try [note(1, at: 0), note(2, at: 1)].map(line), named: "timeline.jsonl", in: directory)
        try write(try [note(1, at: 0.5), note(2, at: 1.5)].map(line), named: "timeline@beta.jsonl", in: directory)
        let (events, _) = try IncidentEvents.read(journal, into: 0) { count, _ in count += 1 }
        #expect(truncate(directory + "/timeline@beta.jsonl", 10) == 0)
        #expect(throws: JournalError.changedWhileRead(path: directory + "/timeline@beta.jsonl")) {
            try events.walk { _ in }
        }
    }

    @Test("a walk stops with an error when a file was rewritten in place to the same length between the reads")
    func rewrittenInPlaceBetweenWalks() throws {
        let directory = try incidentDirectory()
        let journal = directory + "/timeline.jsonl"
        try write(try [note(1, at: 0), note(2, at: 1)].map(line), named: "timeline.jsonl", in: directory)
        let (events, _) = try IncidentEvents.read(journal, into: 0) { count, _ in count += 1 }
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        let after = before.replacingOccurrences(of: "\"pinned\":false", with: "\"pinned\":true ")
        #expect(after != before && after.utf8.count == before.utf8.count)
        // In place, as `cat >` or an editor saving over the file would: the same inode, the same length.
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        try handle.write(contentsOf: Data(after.utf8))
        try handle.close()
        #expect(throws: JournalError.changedWhileRead(path: journal)) { try events.walk { _ in } }
    }

    @Test("what is appended after the first pass is not walked: every walk passes the events the fold saw")
    func appendedBetweenWalks() throws {
        let directory = try incidentDirectory()
        let journal = directory + "/timeline.jsonl"
        try write(try [note(1, at: 0), note(2, at: 1)].map(line), named: "timeline.jsonl", in: directory)
        let (events, folded) = try IncidentEvents.read(journal, into: [Int]()) { $0.append($1.seq) }
        try appendRaw(try line(note(3, at: 2)) + "\n", to: journal)
        var walked: [Int] = []
        try events.walk { walked.append($0.seq) }
        #expect(folded == [1, 2])
        #expect(walked == [1, 2])
    }
}
