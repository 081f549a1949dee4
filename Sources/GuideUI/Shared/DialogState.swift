import IncidentModel

/// A line of text being typed and what it is for.
public struct Prompt: Hashable, Sendable {
    /// What the typed text becomes.
    public enum Purpose: Hashable, Sendable {
        case note(pinned: Bool)
        case skipReason(stepKey: String)
        case feedback(stepKey: String?)
        case escalateOther
        /// Who takes a role (commander, scribe, responder) from now on.
        case assignRole(Role)
    }

    /// What the text becomes.
    public var purpose: Purpose
    /// The text.
    public var editor: LineEditor
}

/// A list of options to choose from and what the choice does.
public struct Picker: Hashable, Sendable {
    /// What the chosen option does.
    public enum Purpose: Hashable, Sendable {
        case status, severity, escalate, switchRunbook
        /// The roles: the values are their journal names, and choosing one asks who takes it.
        case role
        /// The outline: the values are walkthrough item positions, and choosing one goes there.
        case goToItem
        /// The alerts of a payload: the values are their positions, and choosing one starts the incident from it.
        case alert(AlertChoice)
    }

    /// What the choice does.
    public var purpose: Purpose
    /// The options as shown.
    public var options: [String]
    /// The value each option stands for (a status, a severity, a contact, a runbook id, an item's position).
    public var values: [String]
    /// The selected option.
    public var cursor = 0
}
