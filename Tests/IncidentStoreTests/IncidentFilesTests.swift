import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

/// An incident written from several machines: each appends to its own file, and every reader sees them all.
@Suite("An incident's journal files, one per machine", .temporaryFiles)
struct IncidentFilesTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    /// One home as two machines see it: the same folder, each with its own writer id.
    func machines() throws -> (opener: IncidentStore, other: IncidentStore) {
        let home = try freshDirectory() + "/home"
        return (IncidentStore(home: home, writer: "alpha"), IncidentStore(home: home, writer: "beta"))
    }

    func lineCount(_ path: String) throws -> Int {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
    }

    func note(_ text: String, by actor: String = "amy") -> NewEvent {
        NewEvent(actor: actor, kind: .note(text: text, pinned: false, commander: false))
    }

    @Test("the opening machine appends to timeline.jsonl, another to timeline@<writer>.jsonl, each numbered alone")
    func eachMachineItsOwnFile() throws {
        let (alpha, beta) = try machines()
        let opened = try alpha.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        #expect(opened.location.journal.path == opened.location.journalPath)
        let fromBeta = try beta.location(of: "inc").journal.append([note("from beta")], now: now)
        #expect(fromBeta.map(\.seq) == [1])
        #expect(fromBeta.map(\.writer) == ["beta"])
        let fromAlpha = try alpha.location(of: "inc").journal.append([note("from alpha")], now: now)
        #expect(fromAlpha.map(\.seq) == [2])
        #expect(fromAlpha.map(\.writer) == [nil])
        let directory = opened.location.directory
        #expect(try lineCount(directory + "/timeline@beta.jsonl") == 1)
        #expect(try lineCount(directory + "/timeline.jsonl") == 2)
        #expect(try String(contentsOfFile: directory + "/timeline.writer", encoding: .utf8) == "alpha\n")
    }

    @Test("reading an incident reads every machine's file, each event tagged with its writer")
    func readingMergesFiles() throws {
        let (alpha, beta) = try machines()
        _ = try alpha.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        _ = try beta.location(of: "inc").journal.append([note("b1"), note("b2")], now: now.addingTimeInterval(2))
        _ = try alpha.location(of: "inc").journal.append([note("a1")], now: now.addingTimeInterval(1))
        let contents = try alpha.location(of: "inc").read()
        #expect(contents.files.map(\.writer) == [nil, "beta"])
        let ordered = JournalOrder.ordered(contents.events)
        #expect(ordered.map(\.seq) == [1, 2, 1, 2])
        #expect(ordered.map(\.writer) == [nil, nil, "beta", "beta"])
        #expect(try alpha.list().incidents.first?.eventCount == 4)
    }

    @Test("a home with no writer id keeps one journal, as on one machine")
    func noWriterOneFile() throws {
        let store = IncidentStore(home: try freshDirectory() + "/home", writer: nil)
        let opened = try store.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        _ = try store.location(of: "inc").journal.append([note("n")], now: now)
        let names = try FileManager.default.contentsOfDirectory(atPath: opened.location.directory)
        #expect(names == ["timeline.jsonl"])
    }

    @Test("files whose names hold no valid writer id, and rescue files, are not read")
    func hostileNamesIgnored() throws {
        let (alpha, _) = try machines()
        let opened = try alpha.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        let line = try String(contentsOfFile: opened.location.journalPath, encoding: .utf8)
        for name in [
            "timeline@.jsonl", "timeline@UPPER.jsonl", "timeline@../x.jsonl", "timeline@-x.jsonl",
            "timeline.rescue-20261127T002005Z.jsonl", "timeline@a b.jsonl",
        ] where !name.contains("/") {
            try line.write(toFile: opened.location.directory + "/" + name, atomically: false, encoding: .utf8)
        }
        #expect(try opened.location.read().files.count == 1)
    }

    @Test("a writer's file that is a symbolic link is refused, not followed")
    func linkedWriterFileRefused() throws {
        let (alpha, _) = try machines()
        let opened = try alpha.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        #expect(symlink(opened.location.journalPath, opened.location.directory + "/timeline@beta.jsonl") == 0)
        #expect(throws: JournalError.self) { try opened.location.read() }
    }

    @Test("the follower follows a writer's file that appears after it started, from its first line")
    func followerFindsNewFiles() throws {
        let (alpha, beta) = try machines()
        let opened = try alpha.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "inc", now: now)
        var follower = IncidentFollower(
            journalPath: opened.location.journalPath, after: try opened.location.read())
        #expect(try follower.poll().events.isEmpty)
        _ = try beta.location(of: "inc").journal.append([note("b1")], now: now)
        _ = try alpha.location(of: "inc").journal.append([note("a1")], now: now)
        let arrived = try follower.poll().events
        #expect(Set(arrived.map { "\($0.writer ?? "-")#\($0.seq)" }) == ["beta#1", "-#2"])
        #expect(try follower.poll().events.isEmpty)
    }

    @Test("writer ids are lowercase letters, digits and '-', and one made from any host name is valid")
    func writerIDs() {
        for valid in ["a", "alpha", "laptop-3", "0x"] { #expect(MachineWriter.isValid(valid)) }
        for invalid in ["", "-a", "A", "a.b", "a/b", "a b", "ä", String(repeating: "a", count: 64)] {
            #expect(!MachineWriter.isValid(invalid), "\(invalid)")
        }
        for host in ["", "Laptop.Local", "../..", "ü-host", String(repeating: "x", count: 300), "--"] {
            let id = MachineWriter.fromHost(host, machineID: "0123456789abcdef")
            #expect(MachineWriter.isValid(id), "\(host) → \(id)")
        }
        #expect(MachineWriter.fromHost("Laptop.Local", machineID: nil) == "laptop-local")
        #expect(
            MachineWriter.fromHost("laptop", machineID: "one") != MachineWriter.fromHost("laptop", machineID: "two"))
        #expect(throws: IncidentStoreError.invalidWriter("Bad")) {
            try MachineWriter.resolve(home: "/nonexistent", environment: ["RESPOND_WRITER": "Bad"])
        }
        #expect((try? MachineWriter.resolve(home: "/nonexistent", environment: [:])) == .some(nil))
    }
}
