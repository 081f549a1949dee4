/// One actionable step of a runbook's walkthrough: each `###` heading (`### Step N:` or not) under Diagnosis,
/// Procedure, Resolution, Prerequisites or Rollback starts one, and a Resolution, Prerequisites or Rollback
/// section without such headings is one step.
public struct Step: Hashable, Codable, Sendable {
    /// Stable key within the runbook, used by the journal: the section kind and the step's ordinal in it,
    /// e.g. `diagnosis-2` or `resolution-1`.
    public var key: String
    /// The section this step belongs to.
    public var section: SectionKind
    /// The step's number as written (`### Step 3:` gives 3), or its ordinal in the section when unnumbered.
    public var number: Int
    /// The heading text without the `Step N:` prefix; a whole-section step's is the section's heading.
    public var title: String
    /// The step's content, in order, code blocks included.
    public var body: [Block]
    /// Where the step's heading is.
    public var location: SourceLocation

    /// Creates a step.
    public init(key: String, section: SectionKind, number: Int, title: String, body: [Block], location: SourceLocation)
    {
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
