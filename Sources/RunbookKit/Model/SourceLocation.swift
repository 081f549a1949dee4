/// A position in a source file, for diagnostics and for jumping to the text.
public struct SourceLocation: Hashable, Codable, Sendable {
    /// The file's path as given to the parser.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}
