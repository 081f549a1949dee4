/// What a runbook's YAML (`---`) or TOML (`+++`) front matter says about it, as libraries in the Hugo and
/// alert-runbook conventions write it. Every field is optional; unknown keys are ignored.
public struct FrontMatter: Hashable, Codable, Sendable {
    /// `title`: the display title; the `# H1` then stays the runbook's alert name and an alias.
    public var title: String?
    /// `weight`: the order among its folder's runbooks (or, in a folder's `_index.md`, the folder's order).
    public var weight: Int?
    /// `aliases`: other names a runbook can be looked up by.
    public var aliases: [String]
    /// `summary`, else `description`: the one line the catalog shows.
    public var summary: String?
    /// `draft: true` or `hidden: true` (also Hugo's `_build: {list: never}`): not listed.
    public var isHidden: Bool
    /// `severity`: a severity the library writes in the front matter (`P1`, or `critical` / `warning` / `info`).
    public var severity: Severity?
    /// `last_reviewed` / `lastReviewed` / `reviewed` / `lastmod` / `date`: when the runbook was last looked at.
    public var lastReviewed: String?
    /// `owner` / `team`: who keeps the runbook.
    public var owner: String?

    /// Creates front matter; every field defaults to absent.
    public init(
        title: String? = nil, weight: Int? = nil, aliases: [String] = [], summary: String? = nil,
        isHidden: Bool = false, severity: Severity? = nil, lastReviewed: String? = nil, owner: String? = nil
    ) {
        self.title = title
        self.weight = weight
        self.aliases = aliases
        self.summary = summary
        self.isHidden = isHidden
        self.severity = severity
        self.lastReviewed = lastReviewed
        self.owner = owner
    }
}
