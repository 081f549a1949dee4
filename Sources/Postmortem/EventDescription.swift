import IncidentModel

/// One line of markdown saying what an event was, for the postmortem's timeline: the words `respond timeline`
/// prints (`EventWording`), with untrusted text escaped, commands and ids as code spans and new values in bold.
public enum EventDescription {
    /// The shared wording, set off for markdown.
    static let wording = EventWording(
        text: { MarkdownEscape.inline($0) }, code: { MarkdownEscape.codeSpan($0) }, strong: { "**\($0)**" })

    /// What `event` recorded, with untrusted text escaped and commands as code spans.
    public static func markdown(_ event: Event) -> String {
        wording.describe(event.kind)
    }
}
