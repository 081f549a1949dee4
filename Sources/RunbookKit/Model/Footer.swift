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

    /// The footer with what `frontMatter` says where it is silent: the owner, and the day of `last_reviewed` as
    /// Last Updated. The footer wins where both speak. One rule for the parsed runbook and for the marks read from
    /// a file's head and tail.
    public func filled(from frontMatter: FrontMatter) -> Footer {
        filled(
            from: Footer(lastUpdated: frontMatter.lastReviewed.map { String($0.prefix(10)) }, owner: frontMatter.owner))
    }

    /// The footer with `other`'s owner and Last Updated where it has none.
    func filled(from other: Footer) -> Footer {
        var footer = self
        if footer.owner == nil { footer.owner = other.owner }
        if footer.lastUpdated == nil { footer.lastUpdated = other.lastUpdated }
        return footer
    }
}
