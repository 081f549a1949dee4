import Localization
import RunbookKit

extension Library {
    /// The library of a loaded catalog: its index's rows and Emergency Contacts, and nothing that reads a file, so
    /// that the catalog's first frame parses no runbook. Runbooks that no index row lists are shown in a last
    /// category of their own, so that a library never hides a file. The runbooks and the symptom search arrive
    /// from the runtime when `update` asks for them. Categories the runbooks do not name are in `localizer`'s words.
    public init(catalog: Catalog, localizer: Localizer = Localizer(.english)) {
        let unindexed = catalog.unindexed.map { runbook in
            CatalogEntry(
                id: runbook.id, title: runbook.title, file: runbook.path, severity: runbook.severity,
                kind: runbook.kind, description: "", location: SourceLocation(file: runbook.path, line: 1))
        }
        self.init(
            categories: catalog.categories.map {
                Category(name: catalog.name(of: $0, in: localizer), entries: $0.entries)
            }
                + (unindexed.isEmpty
                    ? [] : [Category(name: localizer.tr("ui.catalog.not_in_index"), entries: unindexed)]),
            emergencyContacts: catalog.emergencyContacts)
    }
}
