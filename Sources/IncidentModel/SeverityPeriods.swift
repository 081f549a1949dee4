import FoundationEssentials
import RunbookKit

/// A stretch of the incident spent at one severity: from the change that set it to the next change, or to the
/// end the caller chose for the last one.
public struct SeverityPeriod: Hashable, Codable, Sendable {
    /// The severity held.
    public var severity: Severity
    /// Who set it and when.
    public var stamp: Stamp
    /// When the next severity took over, or the end given for the last period.
    public var end: Date
    /// How long the severity was held, in seconds; never negative.
    public var seconds: TimeInterval

    /// Creates a period.
    public init(severity: Severity, stamp: Stamp, end: Date, seconds: TimeInterval) {
        self.severity = severity
        self.stamp = stamp
        self.end = end
        self.seconds = seconds
    }
}

extension IncidentState {
    /// The severities in the order they were set, each with the time it was held until the next change; the last
    /// one is held until `end` (the resolution, say, or now while the incident is open). A change back-dated
    /// before its predecessor gives the predecessor no time rather than a negative one.
    public func severityPeriods(until end: Date) -> [SeverityPeriod] {
        severityHistory.indices.map { severityPeriod(at: $0, until: end) }
    }

    /// The period of `severityPeriods(until: end)` at `index`, made alone: a caller that writes them one at a
    /// time holds none of the others.
    public func severityPeriod(at index: Int, until end: Date) -> SeverityPeriod {
        let change = severityHistory[index]
        let next = index + 1 < severityHistory.count ? severityHistory[index + 1].stamp.at : end
        return SeverityPeriod(
            severity: change.value, stamp: change.stamp, end: next,
            seconds: max(0, next.timeIntervalSince(change.stamp.at)))
    }
}
