/// How much of each journal line a reader makes into values.
///
/// Every line is checked in full whatever the reading: a line is refused, with the same fault, exactly when the
/// whole reading refuses it, and every event keeps its envelope (seq, id, times, actor, writer) and its kind, so
/// that the journal's order, its problems and a fold over it stay what they are. What a reading leaves out is only
/// free text it has no use for, each such field read as empty (an absent field stays absent): the text fields of
/// the kinds it does not read whole (their enumerations, numbers, flags and maps are still read), and a command
/// run's output. A reader over thousands of journals (`respond report`) saves making strings of the notes and
/// outputs it never looks at.
public struct EventReading: Hashable, Sendable {
    /// The kinds read whole.
    private let kinds: Set<EventKind.Name>
    /// Whether a command run's output excerpt, output file and stop reason are read.
    public let commandOutput: Bool

    /// Every field of every line: what a journal is read for everywhere but across many incidents.
    public static let whole = EventReading(textOf: EventKind.Name.allCases, commandOutput: true)

    /// A reading of the text fields of `kinds` only, and of command outputs when `commandOutput`.
    public init(textOf kinds: some Sequence<EventKind.Name>, commandOutput: Bool) {
        self.kinds = Set(kinds)
        self.commandOutput = commandOutput
    }

    /// Whether the text fields of events of `kind` are read.
    public func readsText(of kind: EventKind.Name) -> Bool {
        kinds.contains(kind)
    }
}
