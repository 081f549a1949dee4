import FoundationEssentials
import RunbookKit

/// How closely an incident followed its runbooks: the deviations, the time spent per section, and the runbook
/// updates the deviations suggest.
public struct AdherenceReport: Hashable, Codable, Sendable {
    /// A step that was skipped, with the reason given (the latest event for the step).
    public struct SkippedStep: Hashable, Codable, Sendable {
        /// The runbook's id.
        public var runbook: String
        /// The step's key.
        public var step: String
        /// The step's title.
        public var title: String
        /// Why it was skipped.
        public var reason: String
        /// Who skipped it and when.
        public var stamp: Stamp

        /// Creates the record.
        public init(runbook: String, step: String, title: String, reason: String, stamp: Stamp) {
            self.runbook = runbook
            self.step = step
            self.title = title
            self.reason = reason
            self.stamp = stamp
        }
    }

    /// A step done before steps that come earlier in the runbook and were handled only after it.
    public struct OutOfOrderStep: Hashable, Codable, Sendable {
        /// The runbook's id.
        public var runbook: String
        /// The step done early.
        public var step: String
        /// Its title.
        public var title: String
        /// Keys of the earlier steps it overtook, in runbook order.
        public var overtook: [String]
        /// Who did it and when.
        public var stamp: Stamp

        /// Creates the record.
        public init(runbook: String, step: String, title: String, overtook: [String], stamp: Stamp) {
            self.runbook = runbook
            self.step = step
            self.title = title
            self.overtook = overtook
            self.stamp = stamp
        }
    }

    /// A command that was run but appears in none of the incident's runbooks.
    public struct UnlistedCommand: Hashable, Codable, Sendable {
        /// The command as run.
        public var command: String
        /// The runbook that was current when it ran.
        public var runbook: String?
        /// Who ran it and when.
        public var stamp: Stamp

        /// Creates the record.
        public init(command: String, runbook: String?, stamp: Stamp) {
            self.command = command
            self.runbook = runbook
            self.stamp = stamp
        }
    }

    /// A verification item that was not checked: the journal's own reference to it.
    public typealias OpenItem = ChecklistRef

    /// The time charged to one section of a runbook; see `Adherence.report` for how it is measured.
    public struct SectionTime: Hashable, Codable, Sendable {
        /// The runbook's id.
        public var runbook: String
        /// The section's kind.
        public var section: SectionKind
        /// The section's heading as written.
        public var title: String
        /// The time charged to it, in seconds.
        public var seconds: TimeInterval
        /// When the first interval charged to it began.
        public var start: Date
        /// When its last step event happened.
        public var end: Date

        /// Creates the record.
        public init(runbook: String, section: SectionKind, title: String, seconds: TimeInterval, start: Date, end: Date)
        {
            self.runbook = runbook
            self.section = section
            self.title = title
            self.seconds = seconds
            self.start = start
            self.end = end
        }
    }

    /// A change to a runbook that a deviation suggests, for the postmortem's action items.
    public struct Suggestion: Hashable, Codable, Sendable {
        /// The runbook's id.
        public var runbook: String
        /// The step it is about, if any.
        public var step: String?
        /// What to change, as plain text.
        public var text: String

        /// Creates the record.
        public init(runbook: String, step: String?, text: String) {
            self.runbook = runbook
            self.step = step
            self.text = text
        }
    }

    /// Steps skipped, in journal order.
    public var skipped: [SkippedStep] = []
    /// Steps done out of the runbook's order, in journal order.
    public var outOfOrder: [OutOfOrderStep] = []
    /// Commands run that no runbook of the incident lists, in journal order.
    public var unlistedCommands: [UnlistedCommand] = []
    /// Verification items open at resolution, or now when the incident is not resolved.
    public var openItems: [OpenItem] = []
    /// Whether `openItems` were taken at the resolution (true) or from the current state (false).
    public var openItemsAtResolution = false
    /// Time per section, runbooks in order of use and sections in runbook order.
    public var sectionTimes: [SectionTime] = []
    /// Suggested runbook updates, one per deviation.
    public var suggestions: [Suggestion] = []

    /// Creates an empty report.
    public init() {}

    /// Whether the incident followed its runbooks without any deviation.
    public var isClean: Bool {
        skipped.isEmpty && outOfOrder.isEmpty && unlistedCommands.isEmpty && openItems.isEmpty
    }
}
