import IncidentModel

/// What reading a journal found: the events in file order and what was set aside.
public struct JournalContents: Hashable, Sendable {
    /// Every valid event, in file order.
    public var events: [Event]
    /// Lines that were set aside, with their line numbers.
    public var problems: [JournalProblem]
    /// The byte offset just past the last complete line, where a `JournalFollower` continues.
    public var endOffset: Int
    /// How many complete lines were read, for line numbers of what follows.
    public var lineCount: Int

    /// Creates journal contents.
    public init(events: [Event], problems: [JournalProblem], endOffset: Int, lineCount: Int) {
        self.events = events
        self.problems = problems
        self.endOffset = endOffset
        self.lineCount = lineCount
    }
}
