/// How urgent an incident is, from P0 (everything is down) to P3 (minor).
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case p0 = "P0"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"

    /// Orders P0 before P3, so that sorting puts the most urgent first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
}

/// Whether a runbook answers an incident (symptoms, diagnosis, resolution) or describes a planned procedure.
public enum RunbookKind: String, Codable, Sendable {
    case incident
    case procedure
}

/// The part of a runbook a section plays, recognised from its English or Traditional Chinese heading.
public enum SectionKind: String, Codable, Sendable, CaseIterable {
    case symptoms, impact, detection, diagnosis, resolution, verification, prevention, escalation, related
    case prerequisites, procedure, rollback
    case other
}

/// A position in a source file, for diagnostics and for jumping to the text.
public struct SourceLocation: Hashable, Codable, Sendable {
    /// The file's path as given to the parser.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// Inline markdown content, kept as structure so that each front end can style it.
public enum Inline: Hashable, Codable, Sendable {
    case text(String)
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    case link(text: [Inline], destination: String)
    case lineBreak
}

/// A fenced or indented code block with its info-string language (empty when none was given).
public struct CodeBlock: Hashable, Codable, Sendable {
    /// The info string's first word, e.g. `bash`; empty when the fence named none.
    public var language: String
    /// The whole info string as written, e.g. `bash script`; empty when the fence named none.
    public var info: String
    /// The block's text, without the fences, ending in a newline.
    public var code: String
    /// Where the block starts.
    public var location: SourceLocation

    /// Creates a code block; `info` defaults to the language alone.
    public init(language: String, code: String, location: SourceLocation, info: String? = nil) {
        self.language = language
        self.info = info ?? language
        self.code = code
        self.location = location
    }
}

/// Block-level markdown content, as the walkthrough renders it.
public enum Block: Hashable, Codable, Sendable {
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    /// A list; each item is its own blocks. `checked` is non-nil for task-list items.
    case list(ordered: Bool, start: Int, items: [ListItem])
    case code(CodeBlock)
    case quote([Block])
    case table(header: [[Inline]], rows: [[[Inline]]])
    case thematicBreak
    case html(String)
}

/// One item of a markdown list; `checked` is set for `- [ ]` / `- [x]` task items.
public struct ListItem: Hashable, Codable, Sendable {
    /// The item's content.
    public var blocks: [Block]
    /// The task-list box, or nil for a plain item.
    public var checked: Bool?

    /// Creates a list item.
    public init(blocks: [Block], checked: Bool? = nil) {
        self.blocks = blocks
        self.checked = checked
    }
}

/// One actionable step of a runbook's walkthrough (a `### Step N:` under Diagnosis or Procedure, or a
/// `###` subsection of Resolution, Prerequisites or Rollback).
public struct Step: Hashable, Codable, Sendable {
    /// Stable key within the runbook, used by the journal: the section kind and the step's ordinal in it,
    /// e.g. `diagnosis-2` or `resolution-1`.
    public var key: String
    /// The section this step belongs to.
    public var section: SectionKind
    /// The step's number as written (`### Step 3:` gives 3), or its ordinal in the section when unnumbered.
    public var number: Int
    /// The heading text without the `Step N:` prefix.
    public var title: String
    /// The step's content, in order, code blocks included.
    public var body: [Block]
    /// Where the step's heading is.
    public var location: SourceLocation

    /// Creates a step.
    public init(key: String, section: SectionKind, number: Int, title: String, body: [Block], location: SourceLocation) {
        self.key = key
        self.section = section
        self.number = number
        self.title = title
        self.body = body
        self.location = location
    }

    /// Every code block in the step's body, depth first, in reading order.
    public var codeBlocks: [CodeBlock] {
        body.flatMap(\.codeBlocks)
    }
}

/// One item of the Verification checklist.
public struct ChecklistItem: Hashable, Codable, Sendable {
    /// The 1-based position in the checklist, used by the journal.
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

/// Someone to escalate to: a role and how to reach them, e.g. `L2 Support` / `#db-oncall`.
public struct Contact: Hashable, Codable, Sendable {
    /// Who, as the runbook names the role.
    public var role: String
    /// How to reach them: a channel, a phone number, a link.
    public var reach: String

    /// Creates a contact.
    public init(role: String, reach: String) {
        self.role = role
        self.reach = reach
    }
}

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

/// The footer's maintenance metadata (`**Last Updated**: …`, `**Owner**: …`, `**Review Cycle**: …`).
public struct Footer: Hashable, Codable, Sendable {
    /// The Last Updated date as written, `YYYY-MM-DD`.
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

/// A top-level (`##`) section of a runbook.
public struct Section: Hashable, Codable, Sendable {
    /// The part the section plays.
    public var kind: SectionKind
    /// The heading as written.
    public var title: String
    /// The section's content, subsections included.
    public var blocks: [Block]
    /// Where the heading is.
    public var location: SourceLocation

    /// Creates a section.
    public init(kind: SectionKind, title: String, blocks: [Block], location: SourceLocation) {
        self.kind = kind
        self.title = title
        self.blocks = blocks
        self.location = location
    }
}

/// A parsed runbook.
public struct Runbook: Hashable, Codable, Sendable {
    /// The file's slug, e.g. `high-cpu-usage`.
    public var id: String
    /// The `#` title without a `Runbook:` prefix.
    public var title: String
    /// Incident or procedure.
    public var kind: RunbookKind
    /// The severity the runbook's Impact section gives, if any.
    public var severity: Severity?
    /// The `##` sections in file order.
    public var sections: [Section]
    /// The walkthrough's steps in file order.
    public var steps: [Step]
    /// The Verification checklist.
    public var checklist: [ChecklistItem]
    /// The Escalation contacts.
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

/// A row of the index: where a runbook sits in the catalog and how the index describes it.
public struct CatalogEntry: Hashable, Codable, Sendable {
    /// The runbook's id (its file's slug).
    public var id: String
    /// The title the index gives.
    public var title: String
    /// The linked file, relative to the index.
    public var file: String
    /// The index's severity; nil for procedures.
    public var severity: Severity?
    /// Incident, or procedure when the index's column says `Procedure`.
    public var kind: RunbookKind
    /// The index's one-line description, e.g. `CPU 使用率 > 80%`.
    public var description: String
    /// Where the row is in the index.
    public var location: SourceLocation

    /// Creates an entry.
    public init(
        id: String, title: String, file: String, severity: Severity?, kind: RunbookKind, description: String,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.severity = severity
        self.kind = kind
        self.description = description
        self.location = location
    }
}

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

/// How serious a diagnostic is: errors fail `respond lint`, warnings do not.
public enum DiagnosticSeverity: String, Codable, Sendable {
    case error
    case warning
}

/// A problem found in a runbook or the index, with where it is and what to do about it.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: DiagnosticSeverity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and how to fix it, in one line.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: DiagnosticSeverity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line: severity: message`, the form editors and CI understand.
    public var description: String {
        "\(location.file):\(location.line): \(severity.rawValue): \(message)"
    }
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
