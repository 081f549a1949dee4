import FoundationEssentials
import RunbookKit

/// The review meeting's view across incidents: for every runbook of the library, how it was used in the window
/// and what its incidents say should change in it; who walked and drilled which runbooks; which P0 and P1
/// runbooks are due for a drill. Field names are those of `respond report --json`.
public struct RunbookReport: Encodable, Hashable, Sendable {
    /// The document's kind, always `respond-runbook-report`.
    public var format = "respond-runbook-report"
    /// The document's shape version.
    public var version = 1
    /// When the report was made.
    public var generatedAt: Date
    /// The first instant of the window.
    public var since: Date
    /// The first instant after the window.
    public var until: Date
    /// Real incidents opened in the window.
    public var incidents: Int
    /// Drills opened in the window.
    public var drills: Int
    /// Journal lines that could not be read (damaged or cut short) and were left out, over every incident read.
    public var damagedLines: Int
    /// Every runbook of the library, the ones that most need attention first, then those used in incidents of the
    /// window that the library no longer has.
    public var runbooks: [RunbookUsage]
    /// Everyone who walked a runbook in the window or drilled one in the last quarter, by name.
    public var people: [Person]
    /// P0 runbooks nobody drilled in the last quarter (the 92 days before the window's end).
    public var undrilledP0: [String]
    /// P0 and P1 runbooks not drilled in the last quarter, with their last drill.
    public var drillsDue: [DrillDue]

    /// A runbook's use in the window and the evidence for updating it.
    public struct RunbookUsage: Encodable, Hashable, Sendable {
        /// The runbook's id.
        public var id: String
        /// Its title (its id when the library no longer has it).
        public var title: String
        /// Its severity, when it has one.
        public var severity: Severity?
        /// Whether the library has it; false for a runbook only the journals name.
        public var inLibrary: Bool
        /// Real incidents of the window that used it.
        public var incidents: Int
        /// Drills of the window that used it.
        public var drills: Int
        /// The median time to mitigate of its real incidents that were mitigated, in seconds.
        public var medianTimeToMitigate: Double?
        /// The median time to resolve of its real incidents that were resolved, in seconds.
        public var medianTimeToResolve: Double?
        /// When the latest incident or drill of the window that used it was opened.
        public var lastUsed: Date?
        /// Every step skipped in its incidents and drills, most often first.
        public var skippedSteps: [SkippedStep]
        /// Its verification items still open when its incidents were resolved, most often first.
        public var openAtResolution: [OpenItem]
        /// Commands run while it was in use that it does not contain, most often first.
        public var commandsNotInRunbook: [UnlistedCommand]
        /// Every feedback note about it, oldest first.
        public var feedback: [Feedback]
        /// Whether its Last Updated is further back than its Review Cycle allows.
        public var stale: Bool
        /// Its footer's Last Updated, as written.
        public var lastUpdated: String?
        /// Its footer's Review Cycle, read (`weekly`, `monthly`, `quarterly`, `yearly`).
        public var reviewCycle: String?
        /// The day its review is due: Last Updated plus the cycle's days.
        public var reviewDue: String?

        /// Whether the meeting has anything to look at: evidence, unreviewed feedback or a review due.
        public var needsAttention: Bool { attention > 0 }

        /// How much the runbook needs the meeting: one for each piece of evidence, unreviewed feedback counting
        /// double, and a review past due counting as much as one skipped step.
        var attention: Int {
            skippedSteps.reduce(0) { $0 + $1.count } + openAtResolution.reduce(0) { $0 + $1.count }
                + commandsNotInRunbook.count + feedback.filter { !$0.reviewed }.count * 2 + (stale ? 1 : 0)
        }
    }

    /// A step skipped in one or more incidents.
    public struct SkippedStep: Encodable, Hashable, Sendable {
        /// The step's key.
        public var step: String
        /// Its title.
        public var title: String
        /// In how many incidents and drills it ended skipped.
        public var count: Int
        /// Every distinct reason given, in the order first given.
        public var reasons: [String]

        /// Creates the record.
        public init(step: String, title: String, count: Int, reasons: [String]) {
            self.step = step
            self.title = title
            self.count = count
            self.reasons = reasons
        }
    }

    /// A verification item left open at resolution.
    public struct OpenItem: Encodable, Hashable, Sendable {
        /// The item's number in the checklist.
        public var item: Int
        /// Its text.
        public var text: String
        /// In how many resolved incidents and drills it was open at resolution.
        public var count: Int

        /// Creates the record.
        public init(item: Int, text: String, count: Int) {
            self.item = item
            self.text = text
            self.count = count
        }
    }

    /// A command run that the runbook does not contain.
    public struct UnlistedCommand: Encodable, Hashable, Sendable {
        /// The command as run.
        public var command: String
        /// How many times it was run.
        public var count: Int
        /// In how many incidents and drills.
        public var incidents: Int

        /// Creates the record.
        public init(command: String, count: Int, incidents: Int) {
            self.command = command
            self.count = count
            self.incidents = incidents
        }
    }

    /// A feedback note about the runbook.
    public struct Feedback: Encodable, Hashable, Sendable {
        /// The reference `respond feedback ack` takes: `<incident>#<seq>`, with `@<writer>` for a note in another
        /// machine's file (`Event.reference`).
        public var reference: String
        /// The incident it was written in.
        public var incident: String
        /// The step it is about, when it is about one.
        public var step: String?
        /// Who wrote it.
        public var author: String
        /// When.
        public var at: Date
        /// What it says.
        public var text: String
        /// Whether someone has marked it reviewed.
        public var reviewed: Bool

        /// Creates the record.
        public init(
            reference: String, incident: String, step: String?, author: String, at: Date, text: String, reviewed: Bool
        ) {
            self.reference = reference
            self.incident = incident
            self.step = step
            self.author = author
            self.at = at
            self.text = text
            self.reviewed = reviewed
        }
    }

    /// Someone's part in the window's incidents and the last quarter's drills.
    public struct Person: Encodable, Hashable, Sendable {
        /// The name they record events under.
        public var name: String
        /// The runbooks they walked (did or skipped a step, ticked an item) in incidents or drills of the window.
        public var walked: [String]
        /// The P0 runbooks they walked in a drill opened in the last quarter.
        public var drilledP0: [String]

        /// Creates the record.
        public init(name: String, walked: [String], drilledP0: [String]) {
            self.name = name
            self.walked = walked
            self.drilledP0 = drilledP0
        }
    }

    /// A P0 or P1 runbook due for a drill.
    public struct DrillDue: Encodable, Hashable, Sendable {
        /// The runbook's id.
        public var id: String
        /// Its severity.
        public var severity: Severity
        /// When its last drill was opened, if ever.
        public var lastDrill: Date?

        /// Creates the record.
        public init(id: String, severity: Severity, lastDrill: Date?) {
            self.id = id
            self.severity = severity
            self.lastDrill = lastDrill
        }
    }
}
