import IncidentModel
import Localization

/// The words of the postmortem's timeline: the words `respond timeline` prints (`EventWording`), with untrusted
/// text escaped, commands and ids as code spans and new values in bold.
enum EventDescription {
    /// The shared wording in `localizer`'s language, set off for markdown.
    static func wording(_ localizer: Localizer) -> EventWording {
        EventWording(
            text: { MarkdownEscape.inline($0) }, code: { MarkdownEscape.codeSpan($0) }, strong: { "**\($0)**" },
            localizer: localizer)
    }
}
