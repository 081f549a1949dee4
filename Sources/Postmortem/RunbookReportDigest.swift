import FoundationEssentials
import IncidentModel

extension RunbookReportBuilder {
    /// What one incident tells the runbook report, without its events: the figures `RunbookReportBuilder` counts,
    /// small enough that a home of thousands of incidents is read keeping only these.
    public struct IncidentDigest: Sendable {
        /// When the incident was opened.
        var opened: Date
        /// Whether it is a drill.
        var drill: Bool
        /// Every runbook it used, in the order each was first used.
        var runbooksUsed: [String]
        /// Lines of its journal set aside when it was read.
        var damagedLines: Int
        /// Its time to mitigate, when it has one.
        var timeToMitigate: Double?
        /// Its time to resolve, when it has one.
        var timeToResolve: Double?
        /// Who did or skipped a step of which runbook, or ticked one of its items.
        var walks: Set<Walk>
        /// The verification items still open when it was last resolved, by runbook of the library; none when it is
        /// not resolved.
        var openAtResolution: [String: [(number: Int, text: String)]] = [:]
        /// Its skipped steps, in the order they were skipped.
        var skipped: [Skip] = []
        /// How many times each distinct command ran under each runbook of the library.
        var runs: [Run: Int] = [:]
        /// Its runbook feedback in journal order, each with the runbook it is about.
        var feedback: [(runbook: String, note: RunbookReport.Feedback)] = []

        /// A step skipped, with the reason given and the runbook's title for the step.
        struct Skip: Sendable {
            var runbook: String
            var step: String
            var title: String
            var reason: String
            var at: Date
        }

        /// A run as the command matcher reads it, with the runbook in use.
        struct Run: Hashable, Sendable {
            var runbook: String
            var command: String
            var placeholders: [String: String]
        }

        /// Someone who did or skipped a step of a runbook, or ticked one of its items.
        struct Walk: Hashable, Sendable {
            var actor: String
            var runbook: String
        }
    }
}
