import Foundation
import IncidentModel
import IncidentStore
import RunbookKit
import TestSupport
import Testing

@Suite("Incident store", .temporaryFiles)
struct IncidentStoreTests {
    let now = utc("2026-11-27T00:20:05.123Z")

    func store() throws -> IncidentStore {
        IncidentStore(home: try freshDirectory() + "/state/respond")
    }

    func open(_ store: IncidentStore, _ runbook: String, id: String? = nil, at time: Date? = nil) throws
        -> IncidentLocation
    {
        try store.open(
            runbook: runbook, title: "t \(runbook)", severity: .p2, drill: false, actor: "amy", id: id, now: time ?? now
        ).location
    }

    @Test("opening creates home, incident directory 0700 and journal 0600 whatever the umask")
    func permissions() throws {
        let store = try store()
        let previous = umask(0o022)
        defer { umask(previous) }
        let location = try open(store, "high-cpu-usage")
        #expect(location.id == "20261127T0020Z-high-cpu-usage")
        #expect(mode(of: store.home) == 0o700)
        #expect(mode(of: store.incidentsDirectory) == 0o700)
        #expect(mode(of: location.directory) == 0o700)
        #expect(mode(of: location.journalPath) == 0o600)
        let events = try Journal.read(location.journalPath).events
        #expect(
            events.map(\.kind) == [
                .incidentOpened(
                    title: "t high-cpu-usage", severity: .p2, runbook: "high-cpu-usage", drill: false, roles: [:])
            ])
    }

    @Test("a default id already taken gets -2, -3 …")
    func collisions() throws {
        let store = try store()
        let ids = try (1...3).map { _ in try open(store, "slow-queries").id }
        #expect(
            ids == ["20261127T0020Z-slow-queries", "20261127T0020Z-slow-queries-2", "20261127T0020Z-slow-queries-3"])
    }

    @Test("a given id is validated and never silently renamed")
    func givenID() throws {
        let store = try store()
        #expect(try open(store, "x", id: "db-outage-1").id == "db-outage-1")
        #expect(throws: IncidentStoreError.invalidID("../escape")) { try open(store, "x", id: "../escape") }
        #expect(throws: IncidentStoreError.invalidID("last")) { try open(store, "x", id: "last") }
        #expect(throws: IncidentStoreError.invalidID("a b")) { try open(store, "x", id: "a b") }
        #expect(throws: IncidentStoreError.self) { try open(store, "x", id: "db-outage-1") }
    }

    @Test("resolve finds an exact id, a unique prefix, a journal path and an incident directory")
    func resolveForms() throws {
        let store = try store()
        let cpu = try open(store, "high-cpu-usage")
        _ = try open(store, "high-memory-usage")
        #expect(try store.resolve(cpu.id) == cpu)
        #expect(try store.resolve("20261127T0020Z-high-c") == cpu)
        #expect(try store.resolve(cpu.journalPath).journalPath == (cpu.journalPath as NSString).standardizingPath)
        #expect(try store.resolve(cpu.journalPath).id == cpu.id)
        #expect(try store.resolve(cpu.directory).id == cpu.id)
    }

    @Test("an ambiguous prefix lists the candidates; an unknown id lists recent incidents")
    func resolveErrors() throws {
        let store = try store()
        let cpu = try open(store, "high-cpu-usage")
        let memory = try open(store, "high-memory-usage")
        #expect(
            throws: IncidentStoreError.ambiguous(reference: "20261127T0020Z-high", candidates: [cpu.id, memory.id])
        ) {
            try store.resolve("20261127T0020Z-high")
        }
        let error = #expect(throws: IncidentStoreError.self) { try store.resolve("nope") }
        #expect(error == .notFound(reference: "nope", candidates: [memory.id, cpu.id]))
        #expect(throws: IncidentStoreError.notAJournal(path: "/nonexistent/timeline.jsonl")) {
            try store.resolve("/nonexistent/timeline.jsonl")
        }
    }

    @Test("last is the most recently active open incident, else the most recently active of all")
    func resolveLast() throws {
        let store = try store()
        let older = try open(store, "a", at: now)
        let newer = try open(store, "b", at: now.addingTimeInterval(60))
        _ = try older.journal.append(
            [NewEvent(actor: "amy", kind: .note(text: "x", pinned: false, commander: false))],
            now: now.addingTimeInterval(120))
        #expect(try store.resolve("last") == older)
        _ = try older.journal.append([NewEvent(actor: "amy", kind: .incidentClosed)], now: now.addingTimeInterval(180))
        #expect(try store.resolve("last") == newer)
        _ = try newer.journal.append([NewEvent(actor: "amy", kind: .incidentClosed)], now: now.addingTimeInterval(90))
        #expect(try store.resolve("last") == older)
    }

    @Test("last names why the newest incident cannot be read when no incident can be")
    func resolveLastUnreadable() throws {
        let store = try store()
        let incident = try open(store, "a", at: now)
        let text = try String(contentsOfFile: incident.journalPath, encoding: .utf8)
        try text.replacingOccurrences(of: "\"v\":1", with: "\"v\":9").write(
            toFile: incident.journalPath, atomically: true, encoding: .utf8)
        let error = try #require(throws: IncidentStoreError.self) { try store.resolve("last") }
        guard case .unreadable(let id, let reason) = error else {
            Issue.record("expected .unreadable, got \(error)")
            return
        }
        #expect(id == incident.id)
        #expect(reason.contains("newer respond"))
    }

    @Test("list summarizes status, severity and closing, and sets aside unreadable journals")
    func list() throws {
        let store = try store()
        let cpu = try open(store, "high-cpu-usage")
        _ = try cpu.journal.append(
            [
                NewEvent(actor: "amy", kind: .statusChanged(.mitigated)),
                NewEvent(actor: "amy", kind: .severityChanged(.p0)),
            ], now: now.addingTimeInterval(30))
        let broken = try open(store, "broken")
        try appendRaw(#"{"v":9,"seq":2}"# + "\n", to: broken.journalPath)
        let listing = try store.list()
        #expect(listing.incidents.map(\.id) == [cpu.id])
        #expect(listing.incidents.first?.status == .mitigated)
        #expect(listing.incidents.first?.severity == .p0)
        #expect(listing.incidents.first?.lastEventAt == now.addingTimeInterval(30))
        #expect(listing.unreadable.map(\.id) == [broken.id])
        #expect(try IncidentStore(home: store.home + "/none").list().incidents.isEmpty)
    }

    @Test("a resolved, closed incident reopened is listed open and investigating, as the guide shows it")
    func reopenedIsInvestigating() throws {
        let store = try store()
        let incident = try open(store, "high-cpu-usage")
        _ = try incident.journal.append(
            [
                NewEvent(actor: "amy", kind: .statusChanged(.resolved)),
                NewEvent(actor: "amy", kind: .incidentClosed),
                NewEvent(actor: "bob", kind: .reopened),
            ], now: now.addingTimeInterval(60))
        let summary = try #require(try store.list().incidents.first)
        #expect(summary.closed == false)
        #expect(summary.status == .investigating)
    }
}
