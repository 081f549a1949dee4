import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

@Suite("rescue files: unsaved events beside the journal, never over another file", .temporaryFiles)
struct JournalRescueTests {
    let now = utc("2026-11-27T00:21:10.412Z")
    let events = [
        NewEvent(
            actor: "amy", kind: .note(text: "ghp_abcdefghijklmnopqrstuvwxyz0123", pinned: false, commander: false),
            occurredAt: utc("2026-11-27T00:20:00.000Z")),
        NewEvent(actor: "amy", kind: .statusChanged(.mitigated)),
    ]

    @Test("the events are journal lines numbered after the last seen, redacted, mode 0600, named by the UTC time")
    func writesJournalLines() throws {
        let directory = try freshDirectory()
        let path = try JournalRescue.write(events, afterSeq: 7, in: directory, now: now)
        #expect(path == directory + "/timeline.rescue-20261127T002110Z.jsonl")
        #expect(mode(of: path) == 0o600)
        let read = try Journal.read(path)
        #expect(read.problems.isEmpty)
        #expect(read.events.map(\.seq) == [8, 9])
        #expect(read.events.map(\.occurredAt) == [utc("2026-11-27T00:20:00.000Z"), now])
        #expect(read.events.allSatisfy { $0.recordedAt == now && $0.actor == "amy" })
        #expect(read.events.first?.kind == .note(text: "ghp_[REDACTED]", pinned: false, commander: false))
    }

    @Test("a second rescue in the same second gets a name of its own; an existing file is never overwritten")
    func neverOverwrites() throws {
        let directory = try freshDirectory()
        let first = try JournalRescue.write(events, afterSeq: 1, in: directory, now: now)
        let before = try String(contentsOfFile: first, encoding: .utf8)
        let second = try JournalRescue.write([events[1]], afterSeq: 1, in: directory, now: now)
        #expect(second == directory + "/timeline.rescue-20261127T002110Z-2.jsonl")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == before)
    }

    @Test("a symbolic link planted at the name is not followed: the file goes beside it, the target is untouched")
    func refusesSymlink() throws {
        let directory = try freshDirectory()
        let target = directory + "/elsewhere"
        try "keep me\n".write(toFile: target, atomically: true, encoding: .utf8)
        #expect(symlink(target, directory + "/timeline.rescue-20261127T002110Z.jsonl") == 0)
        let path = try JournalRescue.write(events, afterSeq: 1, in: directory, now: now)
        #expect(path == directory + "/timeline.rescue-20261127T002110Z-2.jsonl")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }

    @Test("a directory that cannot take the file is a typed error naming the path, and leaves nothing behind")
    func failureIsTyped() throws {
        let directory = try freshDirectory() + "/missing"
        #expect(throws: JournalError.notFound(path: directory + "/timeline.rescue-20261127T002110Z.jsonl")) {
            try JournalRescue.write(events, afterSeq: 1, in: directory, now: now)
        }
    }
}
