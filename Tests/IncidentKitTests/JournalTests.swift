import Foundation
import IncidentKit
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
        let previous = umask(0o000)
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
        #expect(contents.problems == [JournalProblem(path: journal.path, line: 2, kind: .corrupt(reason: "not valid JSON"))])
        #expect(contents.problems[0].description.contains("timeline.jsonl:2: corrupt line set aside"))
    }

    @Test("an event of an unknown kind is a corrupt line that names the kind")
    func unknownKindLine() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        try appendRaw(#"{"v":1,"seq":2,"id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","occurredAt":"2026-11-27T00:20:05.123Z","actor":"a","kind":"coffee-break"}"# + "\n", to: journal.path)
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
        #expect(error?.description.hasSuffix("written by a newer respond (schema 2); upgrade respond to read it") == true)
        let sizeBefore = try lines(of: journal.path).count
        #expect(throws: JournalError.newerSchema(path: journal.path, line: nil, version: 2)) {
            try journal.append([note("two")], now: now)
        }
        #expect(try lines(of: journal.path).count == sizeBefore)
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
        if case .locked(let path, _) = error { #expect(path == journal.path) } else { Issue.record("not locked: \(String(describing: error))") }
        flock(holder, LOCK_UN)
        #expect(try journal.append([note("two")], now: now).map(\.seq) == [2])
    }

    @Test("secrets in notes and commands are redacted before they are written")
    func redactsBeforeWriting() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([
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
