import Foundation
import IncidentModel
import IncidentStore
import RunbookKit
import TestSupport
import Testing

/// Whether the tests run as root, who alone can give a file to another user.
private let runsAsRoot = geteuid() == 0

@Suite(
    "The journal and the store never write through a link, a foreign file or the wrong kind of file", .temporaryFiles)
struct UnsafePathTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    func note(_ text: String) -> NewEvent {
        NewEvent(actor: "amy", kind: .note(text: text, pinned: false, commander: false))
    }

    /// A store with one incident, and the path of a file outside its home that an attacker would like written.
    func incident() throws -> (store: IncidentStore, location: IncidentLocation, outside: String) {
        let base = try freshDirectory()
        let store = IncidentStore(home: base + "/home")
        let location = try store.open(
            runbook: "high-cpu-usage", title: "t", severity: .p2, drill: false, actor: "amy", id: "cpu-1", now: now
        ).location
        let outside = base + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "victim\n".write(toFile: outside + "/victim", atomically: false, encoding: .utf8)
        return (store, location, outside)
    }

    func problem(_ body: () throws -> Void) -> UnsafePathProblem? {
        do {
            try body()
        } catch let error as JournalError {
            if case .unsafePath(_, let problem) = error { return problem }
        } catch let error as IncidentStoreError {
            if case .journal(.unsafePath(_, let problem)) = error { return problem }
        } catch {}
        return nil
    }

    @Test("a timeline.jsonl that is a link out of the home is refused, and its target is left unchanged")
    func symlinkedJournal() throws {
        let (_, location, outside) = try incident()
        try FileManager.default.removeItem(atPath: location.journalPath)
        try FileManager.default.createSymbolicLink(
            atPath: location.journalPath, withDestinationPath: outside + "/victim")
        #expect(problem { _ = try location.journal.append([note("written through")], now: now) } == .symbolicLink)
        #expect(problem { _ = try Journal.read(location.journalPath) } == .symbolicLink)
        #expect(try String(contentsOfFile: outside + "/victim", encoding: .utf8) == "victim\n")
    }

    @Test("the error names the path and says what is wrong and what to do")
    func errorMessage() throws {
        let (_, location, outside) = try incident()
        try FileManager.default.removeItem(atPath: location.journalPath)
        try FileManager.default.createSymbolicLink(
            atPath: location.journalPath, withDestinationPath: outside + "/victim")
        let error = JournalError.unsafePath(path: location.journalPath, problem: .symbolicLink)
        #expect(throws: error) { try location.journal.append([note("x")], now: now) }
        #expect(error.description.hasPrefix("refusing \(location.journalPath): it is a symbolic link"))
        #expect(error.description.contains("move it aside"))
    }

    @Test("an incident directory that is a link out of the home is neither written nor read, nor listed as readable")
    func symlinkedIncidentDirectory() throws {
        let (store, location, outside) = try incident()
        try FileManager.default.moveItem(atPath: location.directory, toPath: outside + "/moved")
        try FileManager.default.createSymbolicLink(atPath: location.directory, withDestinationPath: outside + "/moved")
        let before = try Data(contentsOf: URL(fileURLWithPath: outside + "/moved/timeline.jsonl"))
        #expect(problem { _ = try location.journal.append([note("written through")], now: now) } == .symbolicLink)
        #expect(problem { _ = try Journal.read(location.journalPath) } == .symbolicLink)
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside + "/moved/timeline.jsonl")) == before)
        let listing = try store.list()
        #expect(listing.incidents.isEmpty)
        #expect(listing.unreadable.map(\.id) == ["cpu-1"])
        #expect(listing.unreadable.first?.reason.contains("is a symbolic link") == true)
    }

    @Test("an incidents directory that is a link is refused before a new incident is created through it")
    func symlinkedIncidentsDirectory() throws {
        let base = try freshDirectory()
        let store = IncidentStore(home: base + "/home")
        try FileManager.default.createDirectory(atPath: base + "/home", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: store.incidentsDirectory, withDestinationPath: base + "/elsewhere")
        #expect(
            problem {
                _ = try store.open(runbook: "x", title: "t", severity: .p2, drill: false, actor: "amy", now: now)
            } == .symbolicLink)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/elsewhere").isEmpty)
    }

    @Test(
        "a journal owned by another user is refused for appending, and left unchanged",
        .enabled(if: runsAsRoot, "only root can give a file to another user (uid 65534) to test this")
    )
    func foreignJournal() throws {
        let (_, location, _) = try incident()
        let before = try Data(contentsOf: URL(fileURLWithPath: location.journalPath))
        #expect(chown(location.journalPath, 65534, 65534) == 0)
        #expect(problem { _ = try location.journal.append([note("x")], now: now) } == .ownedByAnotherUser(uid: 65534))
        #expect(try Data(contentsOf: URL(fileURLWithPath: location.journalPath)) == before)
    }

    @Test(
        "an incident directory owned by another user is refused for appending",
        .enabled(if: runsAsRoot, "only root can give a directory to another user (uid 65534) to test this")
    )
    func foreignIncidentDirectory() throws {
        let (_, location, _) = try incident()
        #expect(chown(location.directory, 65534, 65534) == 0)
        #expect(problem { _ = try location.journal.append([note("x")], now: now) } == .ownedByAnotherUser(uid: 65534))
    }

    @Test("a FIFO in place of the journal is refused at once for appending and reading, without waiting for a writer")
    func fifoJournal() throws {
        let (_, location, _) = try incident()
        try FileManager.default.removeItem(atPath: location.journalPath)
        #expect(mkfifo(location.journalPath, 0o600) == 0)
        #expect(problem { _ = try location.journal.append([note("x")], now: now) } == .notARegularFile(found: "a FIFO"))
        #expect(problem { _ = try Journal.read(location.journalPath) } == .notARegularFile(found: "a FIFO"))
    }

    @Test("a directory in place of the journal is refused for appending and reading")
    func directoryJournal() throws {
        let (_, location, _) = try incident()
        try FileManager.default.removeItem(atPath: location.journalPath)
        try FileManager.default.createDirectory(atPath: location.journalPath, withIntermediateDirectories: false)
        let expected = UnsafePathProblem.notARegularFile(found: "a directory")
        #expect(problem { _ = try location.journal.append([note("x")], now: now) } == expected)
        #expect(problem { _ = try Journal.read(location.journalPath) } == expected)
    }
}
