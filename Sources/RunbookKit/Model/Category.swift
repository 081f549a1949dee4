/// A category of the index (`### Performance 問題`) and its rows, in index order.
public struct Category: Hashable, Codable, Sendable {
    /// The heading as written.
    public var name: String
    /// The rows under it.
    public var entries: [CatalogEntry]

    /// Creates a category.
    public init(name: String, entries: [CatalogEntry]) {
        self.name = name
        self.entries = entries
    }
}
