/// A link or image in a runbook: its destination as written and the line it is on, so that lint can report a
/// relative link to a file that does not exist with its file and line.
public struct LinkReference: Hashable, Codable, Sendable {
    /// The destination as written, e.g. `../storage/VolumeFull.md#diagnosis`.
    public var destination: String
    /// The 1-based line the link starts on.
    public var line: Int

    /// Creates a link reference.
    public init(destination: String, line: Int) {
        self.destination = destination
        self.line = line
    }
}
