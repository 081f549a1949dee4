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

extension Footer {
    /// Takes the fields of a paragraph that starts with a footer label, as the template writes them; any other
    /// paragraph, prose that merely mentions an owner among them, leaves the footer as it was.
    mutating func read(paragraph inlines: [Inline]) {
        guard LabelledValue.startsWithFooterLabel(inlines) else { return }
        let text = inlines.plainText
        if let value = LabelledValue.value(of: LabelledValue.lastUpdatedLabels, in: text) { lastUpdated = value }
        if let value = LabelledValue.value(of: LabelledValue.ownerLabels, in: text) { owner = value }
        if let value = LabelledValue.value(of: LabelledValue.reviewCycleLabels, in: text) { reviewCycle = value }
    }
}
