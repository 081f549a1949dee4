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

    @Test("the first filter text asks for the search index once; the catalog says it is indexing until it arrives")
    func searchWaitsForTheIndex() {
        let (typed, effects) = run(Self.model(), keys(.character("/")) + typing("命中"))
        #expect(effects == [[], [.buildSearchIndex], []])
        #expect(view(typed).textLines.contains { $0.contains("indexing the runbooks…") })
        #expect(!view(typed).textLines.contains { $0.contains("no runbook matches") })
        let index = SymptomIndex { query in query == "命中" ? ["cache-issues"] : [] }
        let (found, more) = update(typed, .searchIndexBuilt(index))
        #expect(more.isEmpty)
        #expect(view(found).textLines.contains { $0.contains("Cache Issues") })
        #expect(!view(found).textLines.contains { $0.contains("High CPU Usage") })
    }
}
