/// A parsed runbook.
public struct Runbook: Hashable, Codable, Sendable {
    /// The file's slug, e.g. `high-cpu-usage`.
    public var id: String
    /// The front matter's title, else the `#` title without a `Runbook:`, `Procedure:`, `Incident:` or `程序：` prefix; the id when there is none.
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
    /// The file's front matter; empty when it has none.
    public var frontMatter: FrontMatter
    /// The `# H1` when the front matter's title is shown instead (an alert runbook's H1 is the alert's name);
    /// nil otherwise. It finds the runbook as an alias does.
    public var alertName: String?
    /// Where the runbook says it moved to, when the file is only a pointer to another runbook; nil otherwise.
    public var movedTo: String?
    /// Every link and image in the body, with its line, for lint's check of relative links.
    public var links: [LinkReference]

    /// Creates a runbook.
    public init(
        id: String, title: String, kind: RunbookKind, severity: Severity?, sections: [Section], steps: [Step],
        checklist: [ChecklistItem], escalation: [Contact], related: [RelatedLink], footer: Footer, path: String,
        frontMatter: FrontMatter = FrontMatter(), alertName: String? = nil, movedTo: String? = nil,
        links: [LinkReference] = []
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
        self.frontMatter = frontMatter
        self.alertName = alertName
        self.movedTo = movedTo
        self.links = links
    }

    /// The first section of `kind`, if the runbook has one.
    public func section(_ kind: SectionKind) -> Section? {
        sections.first { $0.kind == kind }
    }

    /// Every name the runbook can be looked up by besides its id: its title, its H1 and its aliases.
    public var names: [String] {
        [title] + (alertName.map { [$0] } ?? []) + frontMatter.aliases
    }
}

/// Whether a runbook answers an incident (symptoms, diagnosis, resolution) or describes a planned procedure.
public enum RunbookKind: String, Codable, Sendable {
    case incident
    case procedure
}
