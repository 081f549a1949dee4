/// The footer's maintenance metadata (`**Last Updated**: …`, `**Owner**: …`, `**Review Cycle**: …`).
public struct Footer: Hashable, Codable, Sendable {
    /// The Last Updated date as written; the linter reports one that is not `YYYY-MM-DD`.
    public var lastUpdated: String?
    /// The owning team.
    public var owner: String?
    /// The review cycle as written, e.g. `Monthly` or `Quarterly`.
    public var reviewCycle: String?

    /// Creates a footer.
    public init(lastUpdated: String? = nil, owner: String? = nil, reviewCycle: String? = nil) {
        self.lastUpdated = lastUpdated
        self.owner = owner
        self.reviewCycle = reviewCycle
    }
}
