import Alerts
import FoundationEssentials
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// A line of the catalog list: a category heading or a runbook, and above them, when an Alertmanager is
/// configured, the alerts firing now.
enum CatalogRow: Hashable, Sendable {
    case heading(String)
    case entry(CatalogEntry)
    /// A firing alert, which Enter starts an incident from.
    case alert(CatalogAlert)
    /// A line of the alerts' section that is not an alert: loading, none firing, or why they could not be read.
    case alertNote(String, isError: Bool)

    /// Whether the cursor can rest on the row: a runbook or an alert.
    var isSelectable: Bool {
        switch self {
        case .entry, .alert: true
        case .heading, .alertNote: false
        }
    }

    /// Whether two rows are the same item across a refresh: an alert by its identity, whatever its times now say.
    func isSameItem(as other: CatalogRow) -> Bool {
        switch (self, other) {
        case (.alert(let one), .alert(let two)):
            one.alert.fingerprint.map { $0 == two.alert.fingerprint } ?? (one.alert.labels == two.alert.labels)
        default: self == other
        }
    }
}

extension AppModel {
    /// Keeps the library's matches for the filter's query, so that the frame drawn next and the keys after it
    /// (which ask for the catalog's rows several times) do not search again.
    mutating func rememberCatalogMatches() {
        library.rememberMatches(filterText)
    }

    /// The filter text in effect, trimmed; empty when none.
    var filterText: String {
        (catalog.filter?.text ?? "").trimmingScalars(in: .whitespaces)
    }

    /// The catalog's lines: the alerts firing now when an Alertmanager is configured, then every category with
    /// its rows; or, while a filter is typed, the symptom search's matches best first under one heading (those of
    /// the index rows alone, said to be so far, while the search has not arrived from the runtime).
    var catalogRows: [CatalogRow] {
        let query = filterText
        guard !query.isEmpty else {
            return alertRows + library.categories.flatMap { [.heading($0.name)] + $0.entries.map(CatalogRow.entry) }
        }
        let matches = library.matchingEntries(query)
        let heading = library.search == nil ? "ui.catalog.indexing" : "ui.catalog.matches"
        return [.heading(localizer.tr(heading, ["query": query, "count": String(matches.count)]))]
            + matches.map(CatalogRow.entry)
    }

    /// The alerts' section: its heading, then the alerts firing now, or one line saying why there are none to show.
    private var alertRows: [CatalogRow] {
        guard alertRefreshInterval != nil else { return [] }
        let heading = CatalogRow.heading(localizer.tr("ui.catalog.alerts_heading"))
        switch alerts.answer {
        case .waiting:
            return [heading, .alertNote(localizer.tr("ui.catalog.alerts_loading"), isError: false)]
        case .failed(let reason):
            return [heading, .alertNote(localizer.tr("ui.catalog.alerts_failed", ["reason": reason]), isError: true)]
        case .firing:
            let listed = alerts.listed
            guard !listed.isEmpty else {
                return [heading, .alertNote(localizer.tr("ui.catalog.alerts_none"), isError: false)]
            }
            return [heading] + listed.map(CatalogRow.alert)
        }
    }

    /// The rows the catalog cursor indexes, in display order: the alerts, then the runbooks.
    var catalogItems: [CatalogRow] {
        catalogRows.filter(\.isSelectable)
    }

    /// The row under the cursor, if any.
    var selectedCatalogRow: CatalogRow? {
        let items = catalogItems
        return items.indices.contains(catalog.cursor) ? items[catalog.cursor] : nil
    }

    /// Puts the cursor back on `row` after the rows changed under it (alerts arrived or ended), else keeps its index
    /// within the rows there are now.
    mutating func reselectCatalogRow(_ row: CatalogRow?) {
        let items = catalogItems
        if let row, let index = items.firstIndex(where: { $0.isSameItem(as: row) }) {
            catalog.cursor = index
        } else {
            catalog.cursor = min(catalog.cursor, max(0, items.count - 1))
        }
    }
}
