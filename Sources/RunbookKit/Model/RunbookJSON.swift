import FoundationEssentials
import Glibc

/// A parsed runbook as `respond show --json` prints it for scripts. The field names are a contract: a script may
/// rely on each of them, so they change only with a new field beside the old one.
public struct RunbookJSON: Encodable, Equatable, Sendable {
    /// One `##` section: the part it plays and its heading as written.
    public struct SectionJSON: Encodable, Equatable, Sendable {
        public var kind: String
        public var title: String
    }

    /// One walkthrough step: its journal key, its section, its title, the commands of its code blocks (each as the
    /// guide would copy it) and the names of the placeholders those commands ask for, each once.
    public struct StepJSON: Encodable, Equatable, Sendable {
        public var id: String
        public var section: String
        public var title: String
        public var commands: [String]
        public var placeholders: [String]
    }

    public var id: String
    public var title: String
    public var kind: String
    public var severity: String?
    public var file: String
    public var sections: [SectionJSON]
    public var steps: [StepJSON]
    public var checklist: [String]

    /// The runbook's shape; `file` is its file's name, as `list --json` gives it.
    public init(_ runbook: Runbook) {
        id = runbook.id
        title = runbook.title
        kind = runbook.kind.rawValue
        severity = runbook.severity?.rawValue
        file = FilePaths.lastComponent(of: runbook.path)
        sections = runbook.sections.map { SectionJSON(kind: $0.kind.rawValue, title: $0.title) }
        // A transcript's output lines are shown with their command, never run: they are not among its commands.
        steps = runbook.steps.map { step in
            StepJSON(
                id: step.key, section: step.section.rawValue, title: step.title, commands: step.commands,
                placeholders: step.placeholderNames)
        }
        checklist = runbook.checklist.map(\.text)
    }

    /// Encodes `severity` as `null` when the runbook has none, so that every field is always present.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(sections, forKey: .sections)
        try container.encode(steps, forKey: .steps)
        try container.encode(checklist, forKey: .checklist)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, kind, severity, file, sections, steps, checklist
    }
}
