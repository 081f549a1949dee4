/// A parsed runbook.
public struct Runbook: Hashable, Codable, Sendable {
    /// The file's slug, e.g. `high-cpu-usage`.
    public var id: String
    /// The `#` title without a `Runbook:`, `Procedure:`, `Incident:` or `程序：` prefix; the id when there is none.
    public var title: String
    /// As the title's prefix says (`Procedure:`, `Incident:`), else procedure when the runbook has a Procedure or
    /// Prerequisites section.
    public var kind: RunbookKind
    /// The severity the first Impact section's severity item gives; nil when it has none or an unknown one.
    public var severity: Severity?
    /// The `##` sections in file order.
    public var sections: [Section]
    /// The walkthrough's steps in file order.
    public var steps: [Step]
    /// The first Verification section's checklist.
    public var checklist: [ChecklistItem]
    /// The contacts of every Escalation section.
    public var escalation: [Contact]
    /// The Related links.
    public var related: [RelatedLink]
    /// The maintenance footer.
    public var footer: Footer
    /// The file it came from.
    public var path: String

    /// Creates a runbook.
    public init(
        id: String, title: String, kind: RunbookKind, severity: Severity?, sections: [Section], steps: [Step],
        checklist: [ChecklistItem], escalation: [Contact], related: [RelatedLink], footer: Footer, path: String
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.severity = severity
        self.sections = sections
        self.steps = steps
        self.checklist = checklist
        self.escalation = escalation
        self.related = related
        self.footer = footer
        self.path = path
    }

    /// The first section of `kind`, if the runbook has one.
    public func section(_ kind: SectionKind) -> Section? {
        sections.first { $0.kind == kind }
    }
}

/// Whether a runbook answers an incident (symptoms, diagnosis, resolution) or describes a planned procedure.
public enum RunbookKind: String, Codable, Sendable {
    case incident
    case procedure
}
