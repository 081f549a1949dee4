import Localization
import RunbookKit

extension Runbook {
    /// The heading of the runbook's section of `kind` as written, or the section's name in the words of `words`
    /// when the runbook has no such heading (steps found outside one, a checklist under no Verification heading).
    func sectionTitle(_ kind: SectionKind, _ words: Localizer) -> String {
        section(kind)?.title ?? words.tr(sectionNameKey(kind))
    }
}

/// The catalog key of a section's name where the runbook gives none: `ui.section.` and the kind.
func sectionNameKey(_ kind: SectionKind) -> String {
    "ui.section." + kind.rawValue
}
