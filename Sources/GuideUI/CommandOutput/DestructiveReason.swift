import Localization
import RunbookKit

/// Why a destructive command needs care, in the words of `words` (the English catalog says what the pattern's
/// own `reason` says).
func destructiveReason(_ match: DestructiveMatch, _ words: Localizer) -> String {
    words.tr(destructiveReasonKey(match.pattern))
}

/// The catalog key of a destructive pattern's reason: `ui.destructive.` and the pattern's name in snake case.
func destructiveReasonKey(_ pattern: String) -> String {
    "ui.destructive." + pattern.replacing("-", with: "_")
}
