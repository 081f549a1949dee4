import Foundation
import IncidentModel
import IncidentStore
import RunbookKit
import TestSupport
import Testing

@Suite("Journal appends and reads", .temporaryFiles)
struct JournalTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    func note(_ text: String, by actor: String = "amy") -> NewEvent {
        NewEvent(actor: actor, kind: .note(text: text, pinned: false, commander: false))
    }

    func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    @Test("appended events get consecutive seqs, the recording time and come back equal when read")
    func appendAndRead() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        let first = try journal.append([note("one"), note("two")], now: now)
        let second = try journal.append(
            [NewEvent(actor: "bo", kind: .milestone(.impactStarted), occurredAt: utc("2026-11-27T00:05:00Z"))],
            now: now.addingTimeInterval(60)
        )
        #expect(first.map(\.seq) == [1, 2])
        #expect(second.map(\.seq) == [3])
        #expect(second[0].occurredAt == utc("2026-11-27T00:05:00Z"))
        #expect(first[0].recordedAt == now && first[0].occurredAt == now)
        let contents = try Journal.read(journal.path)
        #expect(contents.events == first + second)
        #expect(contents.problems.isEmpty)
        #expect(try lines(of: journal.path).count == 4)
    }

    @Test("a new journal file is created with mode 0600 whatever the umask")
    func fileMode() throws {
        let path = try freshDirectory() + "/timeline.jsonl"
        // A umask that takes bits away, so the mode is only right if it is set explicitly; never one that adds
        // bits for others, which would make the files other tests write meanwhile writable by everyone.
        let previous = umask(0o277)
        defer { umask(previous) }
        _ = try Journal(path: path).append([note("x")], now: now)
        #expect(mode(of: path) == 0o600)
    }

    @Test("a torn last line is reported and set aside, every complete event still loads")
    func tornTail() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        try appendRaw(#"{"v":1,"seq":3,"id":"6F1C1E"#, to: journal.path)
        let contents = try Journal.read(journal.path)
        #expect(contents.events.map(\.seq) == [1, 2])
        #expect(contents.problems.map(\.line) == [3])
        #expect(contents.problems.first?.kind == .tornTail)
    }

    @Test("an append after a torn line puts the fragment on its own line and numbers after the last whole event")
    func appendAfterTornTail() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        try appendRaw(#"{"v":1,"seq":3,"id":"6F1C1E"#, to: journal.path)
        let appended = try journal.append([note("three")], now: now)
        #expect(appended.map(\.seq) == [3])
        let contents = try Journal.read(journal.path)
        #expect(contents.events.map(\.seq) == [1, 2, 3])
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.line == 3)
        if case .corrupt = contents.problems.first?.kind {} else { Issue.record("expected a corrupt line") }
        #expect(try lines(of: journal.path).last == "")
    }

    @Test("a corrupt line in the middle is reported with its line number and the rest loads")
    func corruptMiddle() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        try appendRaw("this is not json\n", to: journal.path)
        _ = try journal.append([note("two")], now: now)
        let contents = try Journal.read(journal.path)
        #expect(contents.events.map(\.seq) == [1, 2])
        #expect(
            contents.problems == [JournalProblem(path: journal.path, line: 2, kind: .corrupt(reason: .notJSON))]
        )
        #expect(contents.problems[0].description.contains("timeline.jsonl:2: corrupt line set aside"))
    }

    @Test("an event of an unknown kind is a corrupt line that names the kind")
    func unknownKindLine() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        try appendRaw(
            #"{"v":1,"seq":2,"id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","occurredAt":"2026-11-27T00:20:05.123Z","actor":"a","kind":"coffee-break"}"#
                + "\n", to: journal.path)
        let contents = try Journal.read(journal.path)
        #expect(contents.events.count == 1)
        #expect(contents.problems.first?.description.contains("coffee-break") == true)
    }

    @Test("a line from a newer schema refuses the whole journal, for readers and for writers")
    func newerSchemaRefused() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        try appendRaw(#"{"v":2,"seq":2,"kind":"hologram"}"# + "\n", to: journal.path)
        let error = #expect(throws: JournalError.self) { try Journal.read(journal.path) }
        #expect(error == .newerSchema(path: journal.path, line: 2, version: 2))
        #expect(
            error?.description.hasSuffix("written by a newer respond (schema 2); upgrade respond to read it") == true)
        let sizeBefore = try lines(of: journal.path).count
        #expect(throws: JournalError.newerSchema(path: journal.path, line: 2, version: 2)) {
            try journal.append([note("two")], now: now)
        }
        #expect(try lines(of: journal.path).count == sizeBefore)
    }

    @Test("an append after a duplicated last line numbers after the highest seq in the file, not after the copy")
    func appendAfterDuplicatedLastLine() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two"), note("three")], now: now)
        let first = try #require(try lines(of: journal.path).first)
        try appendRaw(first + "\n", to: journal.path)
        #expect(try journal.append([note("four")], now: now).map(\.seq) == [4])
        let seqs = try Journal.read(journal.path).events.map(\.seq)
        #expect(seqs == [1, 2, 3, 1, 4])
    }

    @Test("an append after more than a thousand unreadable lines at the end still numbers after the highest seq")
    func appendAfterLongUnreadableTail() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        try appendRaw(String(repeating: "not an event\n", count: 1_001) + "\n\n", to: journal.path)
        #expect(try journal.append([note("three")], now: now).map(\.seq) == [3])
    }

    @Test(
        "a torn last line that is a whole event without its newline counts: the append after it does not reuse its seq")
    func appendAfterWholeEventWithoutNewline() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        let foreign = String(
            decoding: try EventCodec.line(for: Event(seq: 7, recordedAt: now, actor: "bot", kind: .incidentClosed)),
            as: UTF8.self)
        try appendRaw(foreign, to: journal.path)
        #expect(try journal.append([note("three")], now: now).map(\.seq) == [8])
        let contents = try Journal.read(journal.path)
        #expect(contents.events.map(\.seq) == [1, 2, 7, 8])
        #expect(contents.problems.isEmpty)
    }

    @Test(
        "a line moved back to the end does not lower the next seq, behind any run of unreadable lines and a torn line")
    func appendAfterReorderedLine() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append((1...5).map { note("\($0)") }, now: now)
        let second = try lines(of: journal.path)[1]
        try appendRaw(
            second + "\n" + String(repeating: "{\"v\":1}\n", count: 1_500) + #"{"v":1,"seq":3"#, to: journal.path)
        #expect(try journal.append([note("six")], now: now).map(\.seq) == [6])
    }

    @Test("a seq too high to number after is refused with what to do, and nothing is written")
    func seqTooHigh() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        let foreign = String(
            decoding: try EventCodec.line(for: Event(seq: Int.max, recordedAt: now, actor: "bot", kind: .reopened)),
            as: UTF8.self)
        try appendRaw(foreign + "\n", to: journal.path)
        let before = try lines(of: journal.path)
        let error = #expect(throws: JournalError.self) { try journal.append([note("two")], now: now) }
        #expect(error == .seqExhausted(path: journal.path, seq: Int.max))
        #expect(error?.description.contains("remove it and retry; nothing was written") == true)
        #expect(try lines(of: journal.path) == before)
    }

    @Test("a corrupt line's reason shows the control characters of the fields it quotes as escapes")
    func corruptReasonEscaped() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        try appendRaw(
            #"{"v":1,"seq":2,"id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","occurredAt":"2026-11-27T00:20:05.123Z","actor":"a","kind":"\u001b]0;pwned\u0007\u009b2J\u202e"}"#
                + "\n", to: journal.path)
        let problem = try #require(try Journal.read(journal.path).problems.first)
        #expect(
            problem.message
                == #"corrupt line set aside: unknown event kind "\u{1B}]0;pwned\u{7}\u{9B}2J\u{202E}" for schema 1"#)
        #expect(!problem.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("a missing journal is a not-found error")
    func missing() throws {
        let path = try freshDirectory() + "/nothing.jsonl"
        #expect(throws: JournalError.notFound(path: path)) { try Journal.read(path) }
    }

    @Test("a device given as the journal is refused before anything is written to it")
    func deviceRefused() {
        let error = #expect(throws: JournalError.self) {
            try Journal(path: "/dev/full").append([note("one")], now: now)
        }
        #expect(error == .unsafePath(path: "/dev/full", problem: .notARegularFile(found: "a device")))
    }

    @Test("an append waits for another writer's lock and gives up with a locked error")
    func lockedByAnother() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl", lockTimeout: 0.2)
        _ = try journal.append([note("one")], now: now)
        let holder = open(journal.path, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        let error = #expect(throws: JournalError.self) { try journal.append([note("two")], now: now) }
        if case .locked(let path, _) = error {
            #expect(path == journal.path)
        } else {
            Issue.record("not locked: \(String(describing: error))")
        }
        flock(holder, LOCK_UN)
        #expect(try journal.append([note("two")], now: now).map(\.seq) == [2])
    }

    @Test("secrets in notes and commands are redacted before they are written")
    func redactsBeforeWriting() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append(
            [
                note("pasted ghp_abcdefghijklmnopqrstuvwxyz0123456789 by mistake"),
                NewEvent(actor: "amy", kind: .commandCopied(command: "psql postgres://app:hunter2@db/shop", step: nil)),
            ], now: now)
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
        #expect(text.contains("postgres://app:[REDACTED]@db/shop"))
    }
}

@Suite("Journal follower", .temporaryFiles)
struct JournalFollowerTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    func note(_ text: String) -> NewEvent {
        NewEvent(actor: "amy", kind: .note(text: text, pinned: false, commander: false))
    }

    @Test("returns only what was appended since the last poll, and nothing when nothing changed")
    func newLinesOnly() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        var follower = JournalFollower(path: journal.path, after: try Journal.read(journal.path))
        #expect(try follower.poll().events.isEmpty)
        _ = try journal.append([note("two"), note("three")], now: now)
        #expect(try follower.poll().events.map(\.seq) == [2, 3])
        #expect(try follower.poll().events.isEmpty)
    }

    @Test("waits for an incomplete line to be finished before returning it")
    func incompleteLineWaits() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        var follower = JournalFollower(path: journal.path)
        #expect(try follower.poll().events.map(\.seq) == [1])
        let line = try EventCodec.line(for: Event(seq: 2, recordedAt: now, actor: "bo", kind: .incidentClosed))
        let text = String(decoding: line, as: UTF8.self)
        try appendRaw(String(text.prefix(20)), to: journal.path)
        #expect(try follower.poll().events.isEmpty)
        try appendRaw(String(text.dropFirst(20)) + "\n", to: journal.path)
        #expect(try follower.poll().events.map(\.kind) == [.incidentClosed])
    }

    @Test("reports a corrupt line with its line number in the whole file")
    func corruptLineNumber() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        var follower = JournalFollower(path: journal.path, after: try Journal.read(journal.path))
        try appendRaw("garbage\n", to: journal.path)
        let update = try follower.poll()
        #expect(update.events.isEmpty)
        #expect(update.problems.map(\.line) == [3])
    }

    @Test("a journal that shrank is reported as replaced")
    func truncated() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        var follower = JournalFollower(path: journal.path, after: try Journal.read(journal.path))
        #expect(truncate(journal.path, 0) == 0)
        #expect(throws: JournalError.truncated(path: journal.path)) { try follower.poll() }
    }
}
