/// One row of the postmortem's action items: markdown already escaped, with the kind of change it is.
struct ActionItem {
    /// What kind of change an action is, as the usual postmortem templates sort them.
    enum Kind: String, CaseIterable {
        /// Stops the cause from happening again.
        case prevent
        /// Makes the next occurrence noticed sooner.
        case detect
        /// Makes the next occurrence hurt less or end sooner.
        case mitigate
        /// Changes how people respond.
        case process
        /// Changes a runbook.
        case runbook

        /// The catalog key of the kind's name (`pm.action_type.prevent`); the English names are the ones the
        /// usual templates use.
        var key: String { "pm.action_type." + rawValue }
    }

    /// The action, as markdown.
    var text: String
    /// Its kind.
    var type: Kind
    /// Where it came from, as markdown.
    var source: String
}
