import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

/// An append reads only what was written since this process's last append to the journal; these specify when
/// it must read the whole file again instead.
@Suite("Journal appends resume reading where the last append ended", .temporaryFiles)
struct JournalScanTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    func note(_ text: String) -> NewEvent {
        NewEvent(actor: "amy", kind: .note(text: text, pinned: false, commander: false))
    }

    func overwrite(_ path: String, with text: String) throws {
        // In place: the same file (device and inode), as an editor that writes through the file would leave it.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test("lines another writer appended between two appends are read: the next seq follows theirs")
    func othersAppends() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        let other = try EventCodec.line(for: Event(seq: 9, recordedAt: now, actor: "bob", kind: .reopened))
        try appendRaw(String(decoding: other, as: UTF8.self) + "\n", to: journal.path)
        #expect(try journal.append([note("two")], now: now).map(\.seq) == [10])
        #expect(try journal.append([note("three")], now: now).map(\.seq) == [11])
    }

    @Test("a journal whose last line was rewritten in place is read again from its start")
    func rewrittenInPlace() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        // Same length, same file: only the last line's seq differs.
        try overwrite(journal.path, with: text.replacingOccurrences(of: #""seq":2,"#, with: #""seq":7,"#))
        #expect(try journal.append([note("three")], now: now).map(\.seq) == [8])
    }

    @Test("a journal cut shorter than what the last append read is read again from its start")
    func truncated() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two"), note("three")], now: now)
        let line = try EventCodec.line(for: Event(seq: 5, recordedAt: now, actor: "bob", kind: .reopened))
        try overwrite(journal.path, with: String(decoding: line, as: UTF8.self) + "\n")
        #expect(try journal.append([note("four")], now: now).map(\.seq) == [6])
    }

    @Test("a journal replaced by another file is read from its start")
    func replaced() throws {
        let directory = try freshDirectory()
        let journal = Journal(path: directory + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        var text = try String(contentsOfFile: journal.path, encoding: .utf8)
        let line = try EventCodec.line(for: Event(seq: 40, recordedAt: now, actor: "bob", kind: .reopened))
        text += String(decoding: line, as: UTF8.self) + "\n"
        try text.write(toFile: directory + "/replacement.jsonl", atomically: false, encoding: .utf8)
        #expect(rename(directory + "/replacement.jsonl", journal.path) == 0)
        #expect(try journal.append([note("three")], now: now).map(\.seq) == [41])
    }

    @Test("a whole event left without its newline after an append is completed by the next, which numbers after it")
    func tornAfterAppend() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        let other = try EventCodec.line(for: Event(seq: 4, recordedAt: now, actor: "bob", kind: .reopened))
        try appendRaw(String(decoding: other, as: UTF8.self), to: journal.path)
        #expect(try journal.append([note("two")], now: now).map(\.seq) == [5])
        #expect(try Journal.read(journal.path).events.map(\.seq) == [1, 4, 5])
    }

    @Test("reading the journal counts for the next append: a corrupt line's readable seq still raises the next one")
    func readThenAppendAfterCorruptLine() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one")], now: now)
        try appendRaw(#"{"v":1,"seq":9,"kind":"no-such-kind"}"# + "\n", to: journal.path)
        let contents = try Journal.read(journal.path)
        #expect(contents.events.map(\.seq) == [1] && contents.problems.count == 1)
        #expect(try journal.append([note("two")], now: now).map(\.seq) == [10])
    }

    @Test("after a read, lines another writer appends before the next append are read: its seq follows theirs")
    func readThenOthersAppend() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        _ = try journal.append([note("one"), note("two")], now: now)
        _ = try Journal.read(journal.path)
        let other = try EventCodec.line(for: Event(seq: 20, recordedAt: now, actor: "bob", kind: .reopened))
        try appendRaw(String(decoding: other, as: UTF8.self), to: journal.path)
        #expect(try journal.append([note("three")], now: now).map(\.seq) == [21])
        #expect(try Journal.read(journal.path).events.map(\.seq) == [1, 2, 20, 21])
    }
}
