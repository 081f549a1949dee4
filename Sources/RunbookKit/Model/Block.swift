/// Block-level markdown content, as the walkthrough renders it.
public enum Block: Hashable, Codable, Sendable {
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    /// A list; each item holds its own blocks and, for a task-list item, its box (`ListItem.checked`).
    case list(ordered: Bool, start: Int, items: [ListItem])
    case code(CodeBlock)
    case quote([Block])
    case table(header: [[Inline]], rows: [[[Inline]]])
    case thematicBreak
    case html(String)
}

extension Block {
    /// Every code block in this block and its children, in reading order.
    public var codeBlocks: [CodeBlock] {
        switch self {
        case .code(let block): [block]
        case .list(_, _, let items): items.flatMap { $0.blocks.flatMap(\.codeBlocks) }
        case .quote(let blocks): blocks.flatMap(\.codeBlocks)
        case .heading, .paragraph, .table, .thematicBreak, .html: []
        }
    }
}

/// One item of a markdown list; `checked` is non-nil for a `- [ ]` / `- [x]` task item.
public struct ListItem: Hashable, Codable, Sendable {
    /// The item's content.
    public var blocks: [Block]
    /// Whether a task item's box is ticked: true for `[x]`, false for `[ ]`; nil for a plain item.
    public var checked: Bool?

    /// Creates a list item.
    public init(blocks: [Block], checked: Bool? = nil) {
        self.blocks = blocks
        self.checked = checked
    }
}
