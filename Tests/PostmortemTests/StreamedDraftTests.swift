import Foundation
import IncidentModel
import IncidentStore
import Localization
import Postmortem
import TestSupport
import Testing

/// The postmortem draft written from two reads of the journal's files, its lists spooled as the second read
/// passes, is the draft of the same journal held in memory; and its timeline is in order of when things happened
/// whatever order the journal recorded them in.
@Suite("The postmortem draft written as an incident's files are read", .temporaryFiles)
struct StreamedDraftTests {
    /// The draft as `respond export` writes it: folded on the first read, its lists written on the second.
    func streamedDraft(_ journal: String, held: Bool = false) throws -> String {
        let lookup = { (id: String) in PostmortemFixture.runbooks[id] }
        let (events, fold) = try IncidentEvents.read(journal, into: DraftFold(lookup: lookup)) { $0.add($1) }
        #expect(events.holdsEvents == held)
        var text = ""
        var spools = 0
        try PostmortemRenderer.writeMarkdown(
            fold: fold, runbooks: fold.replay.state.runbooks(lookup: lookup), incidentID: PostmortemFixture.incidentID,
            generatedAt: PostmortemFixture.generatedAt, localizer: Localizer(.english), clock: .utc,
            events: events.walk,
            spool: {
                spools += 1
                return MemorySpool()
            }, into: &text)
        #expect(spools > 0)
        return text
    }

    /// The draft of the journal read whole and ordered, as the guide writes it.
    func heldDraft(_ journal: String) throws -> String {
        PostmortemRenderer.markdown(
            events: JournalOrder.ordered(try IncidentContents.read(journal).events),
            runbooks: PostmortemFixture.runbooks,
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt,
            localizer: Localizer(.english), clock: .utc)
    }

    @Test("from one file, equals the golden draft")
    func oneFile() throws {
        let journal = try PostmortemFixture.incidentFiles(place: { _ in 0 })
        expectGolden(try streamedDraft(journal), file: "postmortem.md")
    }

    @Test("from the files of three machines with interleaved times, equals the draft of the journal held")
    func severalWriters() throws {
        var random = SeededRandom(seed: 11)
        let places = PostmortemFixture.events.indices.map { _ in random.int(0..<3) }
        let journal = try PostmortemFixture.incidentFiles(place: { places[$0] })
        let streamed = try streamedDraft(journal)
        #expect(streamed == (try heldDraft(journal)))
        #expect(streamed.contains("on alpha") || streamed.contains("on beta"))
    }

    @Test("from a file not in journal order by itself, read whole and ordered, equals the draft of the journal held")
    func fileOutOfOrder() throws {
        let journal = try PostmortemFixture.incidentFileOutOfOrder()
        #expect(try streamedDraft(journal, held: true) == (try heldDraft(journal)))
    }

    /// Notes named `n0`, `n1`, … recorded a minute apart, each said to have happened up to `spread` minutes
    /// before or after, with bookkeeping events among them, after an opening.
    func shuffledTimes(seed: UInt64, count: Int, spread: Int) -> [Event] {
        var random = SeededRandom(seed: seed)
        let start = PostmortemFixture.time(0)
        var events = [
            Event(
                seq: 1, recordedAt: start, actor: "alice",
                kind: .incidentOpened(title: "t", severity: .p2, runbook: "r", drill: false, roles: [:]))
        ]
        for index in 0..<count {
            let recorded = start.addingTimeInterval(Double(index + 1) * 60)
            let occurred =
                random.int(0..<3) == 0
                ? nil : recorded.addingTimeInterval(Double(random.int(-spread..<spread + 1)) * 60)
            events.append(
                Event(
                    seq: events.count + 1, recordedAt: recorded, occurredAt: occurred, actor: "alice",
                    kind: .note(text: "n\(index)", pinned: false, commander: false)))
            if random.int(0..<4) == 0 {
                events.append(
                    Event(
                        seq: events.count + 1, recordedAt: recorded, actor: "bob",
                        kind: .commandCopied(command: "ls", step: nil)))
            }
        }
        return events
    }

    /// The names of the notes in the timeline's rows, top to bottom.
    func timelineNotes(_ markdown: String) throws -> [String] {
        let timeline = try #require(markdown.components(separatedBy: "\n## Timeline\n").last)
        let table = try #require(timeline.dropFirst().components(separatedBy: "\n\n").first)
        return table.split(separator: "\n").dropFirst(2).compactMap { row in
            row.split(separator: "|").last.flatMap { cell in
                cell.split(separator: " ").first { $0.hasPrefix("n") && $0.dropFirst().allSatisfy(\.isNumber) }
            }.map(String.init)
        }
    }

    @Test(
        "the timeline lists every note by when it happened, then by seq, whatever order the journal recorded them in",
        arguments: [(1, 0), (2, 1), (3, 5), (4, 30), (5, 500)] as [(UInt64, Int)])
    func timelineOrder(seed: UInt64, spread: Int) throws {
        let events = shuffledTimes(seed: seed, count: 80, spread: spread)
        let markdown = PostmortemRenderer.markdown(
            events: events, runbooks: [:], incidentID: "i", generatedAt: PostmortemFixture.time(200),
            localizer: Localizer(.english), clock: .utc, options: PostmortemOptions(includeDiagram: false))
        let expected = events.enumerated()
            .filter { if case .note = $0.element.kind { true } else { false } }
            .sorted {
                ($0.element.occurredAt, $0.element.seq, $0.offset) < ($1.element.occurredAt, $1.element.seq, $1.offset)
            }
            .compactMap { if case .note(let text, _, _) = $0.element.kind { text } else { nil } }
        #expect(try timelineNotes(markdown) == expected)
    }

    @Test("a first event dated far in the future puts every other before it, each in its place")
    func futureFirstEvent() throws {
        var events = shuffledTimes(seed: 9, count: 40, spread: 3)
        events[1].occurredAt = PostmortemFixture.time(100_000)
        let markdown = PostmortemRenderer.markdown(
            events: events, runbooks: [:], incidentID: "i", generatedAt: PostmortemFixture.time(200),
            localizer: Localizer(.english), clock: .utc, options: PostmortemOptions(includeDiagram: false))
        let notes = try timelineNotes(markdown)
        #expect(notes.count == 40)
        #expect(notes.last == "n0")
    }
}
