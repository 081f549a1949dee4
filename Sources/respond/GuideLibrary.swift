import GuideUI
import RunbookKit

/// The runbook library as the guide sees it, made from a loaded catalog.
enum GuideLibrary {
    /// The catalog's categories, runbooks and emergency contacts, with its symptom search.
    static func make(_ catalog: Catalog) -> Library {
        Library(
            categories: catalog.categories, runbooks: catalog.runbooks, emergencyContacts: catalog.emergencyContacts,
            search: { query in catalog.searchSymptoms(query).map(\.id) })
    }
}
