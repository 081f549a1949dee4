import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

@Suite("a library parsed from markdown, as another team would write it")
struct ParsedLibraryTests {
    /// The fixture library; `rowSeverity` replaces the index row's P0 to make the row and the file disagree.
    static func catalog(rowSeverity: String = "P0", filePath: String = #filePath) throws -> Catalog {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("library")
        let readme = try String(contentsOf: directory.appendingPathComponent("README.md"), encoding: .utf8)
        let index = Data(readme.replacingOccurrences(of: "| P0 |", with: "| \(rowSeverity) |").utf8)
        let runbook = directory.appendingPathComponent("payment-timeout.md")
        return Catalog(
            directory: "library", index: (path: "library/README.md", data: index),
            sources: [RunbookSource(path: "library/payment-timeout.md", contents: .data(try Data(contentsOf: runbook)))]
        )
    }

    func model(width: Int, height: Int) throws -> AppModel {
        AppModel(
            library: Library(catalog: try Self.catalog()), actor: "林值班", colorEnabled: true,
            width: width, height: height, now: Fixtures.opened)
    }

    /// Runs messages through `update`, answering what it asks of the library from `catalog` as the runtime does,
    /// before the next message; returns the model and the effects left for the rest of the runtime.
    static func settle(_ model: AppModel, _ messages: [Message], from catalog: Catalog) -> (AppModel, [Effect]) {
        var model = model
        var queue = messages
        var others: [Effect] = []
        while !queue.isEmpty {
            let (next, effects) = update(model, queue.removeFirst())
            model = next
            var answers: [Message] = []
            for effect in effects {
                if let reply = answer(effect, from: catalog) { answers.append(reply) } else { others.append(effect) }
            }
            queue = answers + queue
        }
        return (model, others)
    }

    /// The runtime's answer to a request for runbooks or the search index, read from `catalog`.
    static func answer(_ effect: Effect, from catalog: Catalog) -> Message? {
        switch effect {
        case .loadRunbooks(let ids):
            return .runbooksLoaded(ids: ids, runbooks: ids.compactMap { catalog.runbook(id: $0) })
        case .buildSearchIndex:
            let search = SymptomSearch(catalog: catalog)
            return .searchIndexBuilt(SymptomIndex { query in search.search(query).map(\.id) })
        default:
            return nil
        }
    }

    @Test("the catalog and a walkthrough step render from the parsed runbook", arguments: [(80, 24), (40, 12)])
    func walkthrough(width: Int, height: Int) throws {
        let model = try model(width: width, height: height)
        expectGolden(view(model), "parsed-catalog-\(width)x\(height)")
        let opened = Event(
            seq: 1, recordedAt: Fixtures.opened, actor: "林值班",
            kind: .incidentOpened(title: "金流逾時", severity: .p0, runbook: "payment-timeout", drill: true, roles: [:]))
        let walking = Self.settle(
            model, [.incidentOpened(id: "2026-11-27-payment", events: [opened])] + keys(.character("j")),
            from: try Self.catalog()
        ).0
        expectGolden(view(walking), "parsed-step-\(width)x\(height)")
    }

    @Test("the filter uses the symptom search over the Symptoms section")
    func symptomFilter() throws {
        let catalog = try Self.catalog()
        let typed = keys(.character("/")) + typing("deadline")
        let model = Self.settle(try model(width: 80, height: 24), typed, from: catalog).0
        #expect(view(model).textLines.contains { $0.contains("Payment Gateway Timeout") })
        let none = Self.settle(model, keys(.control("u")) + typing("記憶體洩漏"), from: catalog).0
        #expect(view(none).textLines.contains { $0.contains("no runbook matches") })
    }

    @Test("escalation offers the runbook's contacts, then the index's emergency contacts")
    func escalation() throws {
        let opened = Event(
            seq: 1, recordedAt: Fixtures.opened, actor: "林值班",
            kind: .incidentOpened(title: "金流逾時", severity: .p0, runbook: "payment-timeout", drill: false, roles: [:]))
        let model = Self.settle(
            try model(width: 80, height: 24), [.incidentOpened(id: "p", events: [opened])] + keys(.character("e")),
            from: try Self.catalog()
        ).0
        guard case .picker(let picker)? = model.overlay else {
            Issue.record("no escalation picker")
            return
        }
        #expect(picker.options.count >= 3)
        #expect(picker.options.first?.hasPrefix("L2 Support") == true)
        #expect(picker.options.contains { $0.hasPrefix("Primary On-Call") })
        #expect(picker.options.last == "someone else…")
    }

    @Test(
        "when the index row and the file disagree, the catalog shows the row's severity and an incident starts at the file's"
    )
    func severityOfRowAndFile() throws {
        let catalog = try Self.catalog(rowSeverity: "P2")
        let model = AppModel(
            library: Library(catalog: catalog), actor: "林值班",
            colorEnabled: true, width: 80, height: 24, now: Fixtures.opened)
        let row = try #require(view(model).textLines.first { $0.contains("Payment Gateway Timeout") })
        #expect(row.contains("P2"))
        guard case .startForm(let form)? = Self.settle(model, keys(.enter), from: catalog).0.overlay else {
            Issue.record("no start form")
            return
        }
        #expect(form.severity == .p0)
        let start = Launch.start(runbook: "payment-timeout", title: nil, severity: nil, drill: false, id: nil)
        let (waiting, asked) = launch(model, start)
        let (_, effects) = Self.settle(waiting, asked.compactMap { Self.answer($0, from: catalog) }, from: catalog)
        guard case .openIncident(_, _, let severity, _, _)? = effects.first else {
            Issue.record("no incident opened")
            return
        }
        #expect(severity == .p0)
    }
}
