/// A problem found in a runbook or the index, with where it is and what to do about it.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: DiagnosticSeverity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and how to fix it, in one line.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: DiagnosticSeverity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line: severity: message`, the form editors and CI understand.
    public var description: String {
        "\(location.file):\(location.line): \(severity.rawValue): \(message)"
    }
}

/// How serious a diagnostic is: errors fail `respond lint`, warnings do not.
public enum DiagnosticSeverity: String, Codable, Sendable {
    case error
    case warning
}
