import RunbookKit

extension Library {
    /// The library of a loaded catalog, searched with RunbookKit's symptom search. Runbooks that no index row
    /// lists are shown in a last category of their own, so that a library never hides a file.
    public init(catalog: Catalog) {
        let index = SymptomSearch(catalog: catalog)
        let unindexed = catalog.unindexed.map { runbook in
            CatalogEntry(id: runbook.id, title: runbook.title, file: runbook.path, severity: runbook.severity,
                         kind: runbook.kind, description: "", location: SourceLocation(file: runbook.path, line: 1))
        }
        self.init(
            categories: catalog.categories + (unindexed.isEmpty ? [] : [Category(name: "Not in the index", entries: unindexed)]),
            runbooks: catalog.runbooks, emergencyContacts: catalog.emergencyContacts,
            search: { query in index.search(query).map(\.id) })
    }
}
