/// What an alert can be matched against in one runbook: the names it answers to and where its file is.
public struct AlertTarget: Sendable, Equatable {
    /// The runbook's id in the catalog.
    public let id: String
    /// The file's path inside the library, folders included (`kubernetes/KubeAPIDown.md`).
    public let path: String
    /// The alerts its Detection section names.
    public let alerts: [String]
    /// Other names it answers to: title, H1, aliases.
    public let names: [String]

    /// A target from its parts.
    public init(id: String, path: String, alerts: [String], names: [String] = []) {
        self.id = id
        self.path = path
        self.alerts = alerts
        self.names = names
    }
}
