import Foundation
import RunbookKit
import TerminalFrame

/// A line of the catalog list: a category heading or a runbook.
enum CatalogRow: Hashable, Sendable {
    case heading(String)
    case entry(CatalogEntry)
}

extension AppModel {
    /// The filter text in effect, trimmed; empty when none.
    var filterText: String {
        (catalog.filter?.text ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The catalog's lines: every category with its rows, or, while a filter is typed, the symptom search's
    /// matches best first under one heading (with none while the search has not arrived from the runtime).
    var catalogRows: [CatalogRow] {
        let query = filterText
        guard !query.isEmpty else {
            return library.categories.flatMap { [.heading($0.name)] + $0.entries.map(CatalogRow.entry) }
        }
        guard let search = library.search else {
            return [.heading(localizer.tr("ui.catalog.indexing", ["query": query]))]
        }
        let entries = Dictionary(library.categories.flatMap(\.entries).map { ($0.id, $0) }) { first, _ in first }
        let matches = search.search(query).compactMap { entries[$0] }
        return [.heading(localizer.tr("ui.catalog.matches", ["query": query, "count": String(matches.count)]))]
            + matches.map(CatalogRow.entry)
    }

    /// The runbook rows in display order, which the catalog cursor indexes.
    var catalogEntries: [CatalogEntry] {
        GuideUI.catalogEntries(of: catalogRows)
    }
}

/// The runbook rows of catalog rows, in order; a frame that has the rows already need not lay them out again.
func catalogEntries(of rows: [CatalogRow]) -> [CatalogEntry] {
    rows.compactMap {
        if case .entry(let entry) = $0 { return entry }
        return nil
    }
}
