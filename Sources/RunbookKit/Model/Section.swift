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

/// The part of a runbook a section plays, recognised from its English, Traditional or Simplified Chinese heading.
public enum SectionKind: String, Codable, Sendable, CaseIterable {
    /// What an alert means or what the runbook is for (`Meaning`, `Overview`, `Purpose`).
    case overview
    case symptoms, impact, detection, diagnosis, resolution, verification, prevention, escalation, related
    case prerequisites, procedure, rollback
    case other
}
