import FoundationEssentials

/// The incident response metrics, in seconds; each is nil while one of its endpoints is missing.
public struct Metrics: Hashable, Codable, Sendable {
    /// Time to detect: impact start → detected.
    public var timeToDetect: TimeInterval?
    /// Time to acknowledge: detected → incident opened.
    public var timeToAcknowledge: TimeInterval?
    /// Time to mitigate: impact start (else detected) → mitigated.
    public var timeToMitigate: TimeInterval?
    /// Time to resolve: impact start (else detected) → resolved.
    public var timeToResolve: TimeInterval?

    /// Creates metrics from explicit values.
    public init(
        timeToDetect: TimeInterval? = nil, timeToAcknowledge: TimeInterval? = nil,
        timeToMitigate: TimeInterval? = nil, timeToResolve: TimeInterval? = nil
    ) {
        self.timeToDetect = timeToDetect
        self.timeToAcknowledge = timeToAcknowledge
        self.timeToMitigate = timeToMitigate
        self.timeToResolve = timeToResolve
    }

    /// The metrics that `milestones` allow.
    public init(_ milestones: Milestones) {
        let start = milestones.start
        self.init(
            timeToDetect: Self.span(milestones.impactStarted, milestones.detected),
            timeToAcknowledge: Self.span(milestones.detected, milestones.acknowledged),
            timeToMitigate: Self.span(start, milestones.mitigated),
            timeToResolve: Self.span(start, milestones.resolved)
        )
    }

    /// The metrics of `state`'s milestones.
    public init(_ state: IncidentState) {
        self.init(state.milestones)
    }

    private static func span(_ from: Date?, _ to: Date?) -> TimeInterval? {
        guard let from, let to else { return nil }
        return to.timeIntervalSince(from)
    }
}

/// Formats a duration the way responders say it: `1h 05m`, `12m 30s`, `45s`, `2d 03h`.
public enum DurationFormat {
    /// The time from `start` to `date` with its sign always written, `+12m 30s` or `-5s`: an event's place
    /// relative to the incident's start.
    public static func signed(from start: Date, to date: Date) -> String {
        let seconds = date.timeIntervalSince(start)
        return (seconds >= 0 ? "+" : "") + string(seconds)
    }

    /// `seconds` as two units at most, rounded down to whole seconds; negative spans (a back-dated milestone
    /// after its successor) keep their sign.
    public static func string(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "?" }
        let sign = seconds < 0 ? "-" : ""
        let total = Int(abs(seconds).rounded(.down))
        let days = total / 86_400
        let hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60
        let secs = total % 60
        if days > 0 { return sign + "\(days)d " + twoDigits(hours) + "h" }
        if hours > 0 { return sign + "\(hours)h " + twoDigits(minutes) + "m" }
        if minutes > 0 { return sign + "\(minutes)m " + twoDigits(secs) + "s" }
        return sign + "\(secs)s"
    }

    /// `seconds` as a stopwatch shows it, `H:MM:SS` (`0:04:09`, `26:00:00`), rounded down and never negative.
    public static func clock(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "?:??:??" }
        let total = Int(min(max(0, seconds), 1e15))
        return "\(total / 3_600):" + twoDigits(total / 60 % 60) + ":" + twoDigits(total % 60)
    }

    /// `seconds` formatted, or `placeholder` when it is nil.
    public static func string(_ seconds: TimeInterval?, placeholder: String) -> String {
        seconds.map { string($0) } ?? placeholder
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
