/// One task item (`- [ ]`) of the Verification section's lists; plain list items are not part of the checklist.
public struct ChecklistItem: Hashable, Codable, Sendable {
    /// The 1-based position among the checklist's task items, used by the journal.
    public var number: Int
    /// The item's text, as plain text.
    public var text: String
    /// Whether the file itself has the box ticked (a template mistake the linter reports).
    public var checkedInSource: Bool
    /// Where the item is.
    public var location: SourceLocation

    /// Creates a checklist item.
    public init(number: Int, text: String, checkedInSource: Bool = false, location: SourceLocation) {
        self.number = number
        self.text = text
        self.checkedInSource = checkedInSource
        self.location = location
    }
}
