/// A fenced or indented code block with its info-string language (empty when none was given).
public struct CodeBlock: Hashable, Codable, Sendable {
    /// The info string's first word, e.g. `bash`; empty when the fence named none.
    public var language: String
    /// The info string's words joined by single spaces, e.g. `bash script`; empty when the fence named none.
    public var info: String
    /// The block's text, without the fences, ending in a newline unless it is empty.
    public var code: String
    /// Where the block starts.
    public var location: SourceLocation

    /// Creates a code block; `info` defaults to the language alone.
    public init(language: String, code: String, location: SourceLocation, info: String? = nil) {
        self.language = language
        self.info = info ?? language
        self.code = code
        self.location = location
    }
}
