import Localization

/// A problem found in a runbook or the index, with where it is and what to do about it.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: DiagnosticSeverity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and how to fix it, in one line, in English.
    public var message: String
    /// The message as a catalog key and its arguments, from which it is said in the user's language; nil for a
    /// message that is only English.
    public var text: DiagnosticText?

    /// Creates a diagnostic whose message is only English.
    public init(_ severity: DiagnosticSeverity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// Creates a diagnostic whose message is `text`; `message` is its English form.
    public init(_ severity: DiagnosticSeverity, _ location: SourceLocation, _ text: DiagnosticText) {
        self.init(severity, location, text.message(in: Localizer(.english)))
        self.text = text
    }

    /// `file:line: severity: message`, the form editors and CI understand.
    public var description: String {
        "\(location.file):\(location.line): \(severity.rawValue): \(message)"
    }

    /// What is wrong and how to fix it, in the language of `localizer`.
    public func message(in localizer: Localizer) -> String {
        text?.message(in: localizer) ?? message
    }

    /// `file:line: severity: message` with the message in the language of `localizer`; the location and the
    /// severity word stay as they are, for the editors and CI that read them.
    public func description(in localizer: Localizer) -> String {
        "\(location.file):\(location.line): \(severity.rawValue): \(message(in: localizer))"
    }

    /// Two diagnostics are the same finding when they say the same thing in English at the same place, whether
    /// or not the message has a translation.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.location == rhs.location && lhs.message == rhs.message
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(message)
    }
}

/// A diagnostic's message as a catalog key, its arguments and the count that picks its form, so that it can be
/// said in any language the catalog has.
public struct DiagnosticText: Hashable, Codable, Sendable {
    /// The catalog key (without `.one` / `.other` when the text names a count).
    public var key: String
    /// The values of the text's placeholders.
    public var arguments: [String: String]
    /// The count that picks the `.one` or `.other` form; nil for a text without one.
    public var count: Int?

    /// The text of `key` with `arguments`.
    public static func tr(_ key: String, _ arguments: [String: String] = [:]) -> DiagnosticText {
        DiagnosticText(key: key, arguments: arguments, count: nil)
    }

    /// The text of `key` in the form for `count`, with `arguments`.
    public static func tr(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> DiagnosticText {
        DiagnosticText(key: key, arguments: arguments, count: count)
    }

    /// The text in the language of `localizer`.
    public func message(in localizer: Localizer) -> String {
        if let count { return localizer.tr(key, count: count, arguments) }
        return localizer.tr(key, arguments)
    }
}

/// How serious a diagnostic is: errors fail `respond lint`, warnings do not.
public enum DiagnosticSeverity: String, Codable, Sendable {
    case error
    case warning
}
