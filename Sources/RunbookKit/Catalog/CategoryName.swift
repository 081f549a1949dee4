import Localization

extension Category {
    /// The name of the category a folder library gives the stubs of runbooks that moved elsewhere; shown in the
    /// reader's language by `Catalog.name(of:in:)`.
    public static let movedElsewhere = "Moved elsewhere"
}

extension Catalog {
    /// A category's name as a reader of `localizer`'s language sees it: an index heading or a folder's title as
    /// written, the folder library's category of moved runbooks in the reader's words.
    public func name(of category: Category, in localizer: Localizer) -> String {
        indexPath == nil && category.name == Category.movedElsewhere
            ? localizer.tr("ui.catalog.moved_elsewhere") : category.name
    }
}

extension CatalogEntry {
    /// The row's description in the words of `localizer`: where a moved stub's runbook went, else the index's
    /// own text as written.
    public func description(in localizer: Localizer) -> String {
        movedTo.map { localizer.tr("ui.catalog.moved_to", ["destination": $0]) } ?? description
    }
}
