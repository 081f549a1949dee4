/// Someone to escalate to: a role and how to reach them, e.g. `L2 Support` / `#db-oncall`.
public struct Contact: Hashable, Codable, Sendable {
    /// Who, as the runbook names the role.
    public var role: String
    /// How to reach them: a channel, a phone number, a link; empty when the item names a role alone.
    public var reach: String

    /// Creates a contact.
    public init(role: String, reach: String) {
        self.role = role
        self.reach = reach
    }
}
