/// A link from the Related section.
public struct RelatedLink: Hashable, Codable, Sendable {
    /// The link text.
    public var title: String
    /// The destination as written, or nil for plain text.
    public var destination: String?

    /// Creates a related link.
    public init(title: String, destination: String?) {
        self.title = title
        self.destination = destination
    }
}
