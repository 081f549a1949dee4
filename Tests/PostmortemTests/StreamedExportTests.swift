import Foundation
import IncidentModel
import IncidentStore
import Postmortem
import TestSupport
import Testing

/// The JSON export written as the journal's files are read, pass after pass, is the document the export of the
/// same journal held in memory is, byte for byte.
@Suite("The JSON export streamed from an incident's files", .temporaryFiles)
struct StreamedExportTests {
    /// The export as `respond export` held it before: the files read whole, ordered, folded.
    func heldExport(_ journal: String) throws -> String {
        let events = JournalOrder.ordered(try IncidentContents.read(journal).events)
        return try PostmortemRenderer.json(
            state: IncidentState.fold(events), events: events, runbooks: PostmortemFixture.runbooks,
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt)
    }

    /// The export as `respond export` writes it now: folded and its adherence tallied on the first read, the
    /// events read again for it.
    func streamedExport(_ journal: String, held: Bool = false) throws -> String {
        let lookup = { (id: String) in PostmortemFixture.runbooks[id] }
        let (events, fold) = try IncidentEvents.read(journal, into: ExportFold(lookup: lookup)) { $0.add($1) }
        #expect(events.holdsEvents == held)
        var bytes: [UInt8] = []
        try fold.writeJSON(
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt,
            events: events.walk
        ) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("from one file, equals the golden export")
    func oneFile() throws {
        let journal = try PostmortemFixture.incidentFiles(place: { _ in 0 })
        let streamed = try streamedExport(journal)
        #expect(streamed == (try heldExport(journal)))
        expectGolden(streamed, file: "export.json")
    }

    @Test("from the files of three machines with interleaved times, equals the held export")
    func severalWriters() throws {
        var random = SeededRandom(seed: 7)
        let places = PostmortemFixture.events.indices.map { _ in random.int(0..<3) }
        let journal = try PostmortemFixture.incidentFiles(place: { places[$0] })
        #expect(try streamedExport(journal) == (try heldExport(journal)))
    }

    @Test("from files with damaged lines among the events, equals the held export")
    func damagedLines() throws {
        let journal = try PostmortemFixture.incidentFiles(
            place: { $0 % 2 }, damage: { [3: "{\"v\":1,\"seq\":", 5: "not json", 8: "{}"][$0] })
        #expect(try streamedExport(journal) == (try heldExport(journal)))
    }

    @Test("from a file not in journal order by itself, read whole and ordered, equals the held export")
    func fileOutOfOrder() throws {
        let journal = try PostmortemFixture.incidentFileOutOfOrder()
        #expect(try streamedExport(journal, held: true) == (try heldExport(journal)))
    }

    @Test("with every record the fold keeps forgotten, the summary and adherence are those of the whole fold")
    func forgottenRecords() throws {
        var replay = ResolutionReplay(keepsRecords: false)
        for event in PostmortemFixture.events { replay.apply(event) }
        let (state, atResolution) = IncidentState.replayWithResolution(PostmortemFixture.events)
        #expect(replay.state.notes.isEmpty && replay.state.commandsRun.isEmpty)
        #expect(replay.state.statusHistory == state.statusHistory)
        #expect(replay.state.progress == state.progress)
        #expect(replay.atResolution?.progress == atResolution?.progress)
        let adherence = Adherence.report(
            state: replay.state, atResolution: replay.atResolution, runbooks: PostmortemFixture.runbooks
        ) { body in PostmortemFixture.events.forEach(body) }
        #expect(adherence == Adherence.report(events: PostmortemFixture.events, runbooks: PostmortemFixture.runbooks))
    }
}
