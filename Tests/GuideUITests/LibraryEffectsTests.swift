import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

/// Opening a runbook and the first symptom search are effects: `update` asks the runtime for the runbooks and the
/// index, and keeps what it is given; nothing in `update` or `view` reads a file.
@Suite("runbooks and the symptom search delivered by the runtime")
struct LibraryEffectsTests {
    /// The fixture's rows, with no runbook and no search delivered yet.
    static func model(width: Int = 80, height: Int = 24) -> AppModel {
        AppModel(
            library: Library(categories: Fixtures.categories), actor: "alice", colorEnabled: true,
            width: width, height: height, now: Fixtures.opened)
    }

    @Test("Enter on a row asks for its runbook once and opens the start form when it arrives, at the file's severity")
    func startFormWaitsForTheRunbook() {
        let (waiting, effects) = run(Self.model(), keys(.enter, .enter))
        #expect(effects == [[.loadRunbooks(["high-cpu-usage"])], []])
        #expect(waiting.overlay == nil)
        #expect(view(waiting).textLines.last?.contains("loading runbook high-cpu-usage…") == true)
        var runbook = Fixtures.cpuRunbook
        runbook.severity = .p0
        let (opened, more) = update(waiting, .runbooksLoaded(ids: ["high-cpu-usage"], runbooks: [runbook]))
        #expect(more.isEmpty)
        guard case .startForm(let form)? = opened.overlay else {
            Issue.record("no start form")
            return
        }
        #expect(form.title.text == "High CPU Usage")
        #expect(form.severity == .p0)
        #expect(!view(opened).textLines.contains { $0.contains("loading runbook") })
    }

    @Test("`respond start` opens the incident once its runbook arrives, or says that it is not in the library")
    func launchWaitsForTheRunbook() {
        let start = Launch.start(runbook: "cache-issues", title: nil, severity: nil, drill: true, id: "x")
        let (waiting, effects) = launch(Self.model(), start)
        #expect(effects == [.loadRunbooks(["cache-issues"])])
        let (_, opened) = update(waiting, .runbooksLoaded(ids: ["cache-issues"], runbooks: [Fixtures.cacheRunbook]))
        #expect(
            opened == [
                .openIncident(runbook: "cache-issues", title: "Cache Issues", severity: .p2, drill: true, id: "x")
            ])
        let (missing, none) = update(waiting, .runbooksLoaded(ids: ["cache-issues"], runbooks: []))
        #expect(none.isEmpty)
        #expect(missing.notice?.text == "no runbook \"cache-issues\" in the library")
    }

    @Test("an opened incident asks for the runbooks it refers to once; the walkthrough says it is loading until then")
    func walkthroughWaitsForTheRunbook() {
        let (waiting, effects) = update(Self.model(), .incidentLoaded(id: "i", events: [Fixtures.openedEvent()]))
        #expect(effects == [.loadRunbooks(["high-cpu-usage"])])
        #expect(view(waiting).textLines.contains { $0.contains("loading runbook \"high-cpu-usage\"…") })
        #expect(update(waiting, .tick(now: Fixtures.opened)).1.isEmpty)
        let (walking, more) = update(waiting, .runbooksLoaded(ids: ["high-cpu-usage"], runbooks: [Fixtures.cpuRunbook]))
        #expect(more.isEmpty)
        #expect(walking.library.runbook("high-cpu-usage") == Fixtures.cpuRunbook)
        #expect(
            !view(walking).textLines.contains {
                $0.contains("loading runbook") || $0.contains("not in this library")
            })
        let (gone, _) = update(waiting, .runbooksLoaded(ids: ["high-cpu-usage"], runbooks: []))
        #expect(view(gone).textLines.contains { $0.contains("runbook \"high-cpu-usage\" is not in this library") })
        #expect(update(gone, .tick(now: Fixtures.opened)).1.isEmpty)
    }

    @Test("the review asks for the incident's runbooks and makes its adherence report again when they arrive")
    func reviewDigestWaitsForTheRunbooks() {
        let (reviewing, _) = launch(Self.model(), .review(id: "i"))
        let (loaded, effects) = update(reviewing, .incidentLoaded(id: "i", events: [Fixtures.openedEvent()]))
        #expect(effects == [.loadRunbooks(["high-cpu-usage"])])
        #expect(loaded.review?.adherence.openItems.isEmpty == true)
        let (digested, _) = update(loaded, .runbooksLoaded(ids: ["high-cpu-usage"], runbooks: [Fixtures.cpuRunbook]))
        let open = digested.review?.adherence.openItems.map(\.text)
        #expect(open == Fixtures.cpuRunbook.checklist.map(\.text))
    }

    @Test("opening the filter asks for the search index once; until it arrives the rows' matches show at once")
    func searchBeforeTheIndex() {
        let (typed, effects) = run(Self.model(), keys(.character("/")) + typing("命中"))
        #expect(effects == [[.buildSearchIndex], [], []])
        let lines = view(typed).textLines
        #expect(lines.contains { $0.contains("matches for \"命中\": 1 so far, searching the runbooks' text…") })
        #expect(lines.contains { $0.contains("Cache Issues") })
        #expect(!lines.contains { $0.contains("High CPU Usage") })
        #expect(!lines.contains { $0.contains("no runbook matches") })
        let (none, _) = run(typed, keys(.control("u")) + typing("kafka"))
        #expect(view(none).textLines.contains { $0.contains("matches for \"kafka\": 0 so far") })
        #expect(!view(none).textLines.contains { $0.contains("no runbook matches") })
    }

    @Test("the index arriving completes the matches without a key: what only a runbook's text says is found")
    func indexCompletesTheMatches() {
        let (typed, _) = run(Self.model(), keys(.character("/")) + typing("命中"))
        let index = SymptomIndex { query in query == "命中" ? ["cache-issues", "high-cpu-usage"] : [] }
        let (found, more) = update(typed, .searchIndexBuilt(index))
        #expect(more.isEmpty)
        let lines = view(found).textLines
        #expect(lines.contains { $0.contains("matches for \"命中\": 2") })
        #expect(!lines.contains { $0.contains("so far") })
        #expect(lines.contains { $0.contains("Cache Issues") })
        #expect(lines.contains { $0.contains("High CPU Usage") })
        let (none, again) = run(found, keys(.control("u")) + typing("kafka"))
        #expect(again.allSatisfy { $0.isEmpty })
        #expect(view(none).textLines.contains { $0.contains("no runbook matches") })
    }

    @Test("a query is searched once: the frame and the keys that follow it take the matches kept for it")
    func oneSearchPerQuery() {
        let asked = Asked()
        let library = Library(categories: Fixtures.categories, runbooks: []) { query in
            asked.note(query)
            return query == "cpu" ? ["high-cpu-usage"] : []
        }
        let model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: 80, height: 24, now: Fixtures.opened)
        var (typed, _) = run(model, keys(.character("/")) + typing("cpu"))
        for _ in 0..<3 { _ = view(typed) }
        typed = run(typed, keys(.down, .up)).0
        #expect(view(typed).textLines.contains { $0.contains("matches for \"cpu\": 1") })
        #expect(asked.queries == ["c", "cp", "cpu"])
    }

    @Test("the runbook under the cursor stays under it when the index arrives, else the cursor stays in the list")
    func indexKeepsTheSelection() {
        // "a" is in every title; the rows rank Cache Issues and Backup and Restore first (their descriptions too).
        let (typed, _) = run(Self.model(), keys(.character("/")) + typing("a") + keys(.down))
        #expect(typed.selectedCatalogRowID == "backup-restore")
        let reordered = SymptomIndex { _ in ["high-cpu-usage", "cache-issues", "backup-restore"] }
        let (kept, _) = update(typed, .searchIndexBuilt(reordered))
        #expect(kept.catalog.cursor == 2)
        #expect(kept.selectedCatalogRowID == "backup-restore")
        let (top, _) = run(Self.model(), keys(.character("/")) + typing("a"))
        #expect(update(top, .searchIndexBuilt(reordered)).0.selectedCatalogRowID == "cache-issues")
        let narrower = SymptomIndex { _ in ["high-cpu-usage"] }
        let (clamped, _) = update(typed, .searchIndexBuilt(narrower))
        #expect(clamped.catalog.cursor == 0)
        #expect(clamped.selectedCatalogRowID == "high-cpu-usage")
    }
}

extension AppModel {
    /// The id of the runbook under the catalog's cursor, if a runbook is.
    fileprivate var selectedCatalogRowID: String? {
        let lines = view(self).textLines
        guard let line = lines.first(where: { $0.contains("▸") }) else { return nil }
        return library.entries.first { line.contains($0.title) }?.id
    }
}

/// The queries a search was asked, in order, from whichever thread asked.
private final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String] = []

    func note(_ query: String) {
        lock.withLock { asked.append(query) }
    }

    var queries: [String] { lock.withLock { asked } }
}
