/// A row of the index: where a runbook sits in the catalog and how the index describes it.
public struct CatalogEntry: Hashable, Codable, Sendable {
    /// The runbook's id (its file's slug).
    public var id: String
    /// The title the index gives.
    public var title: String
    /// The linked file, relative to the index.
    public var file: String
    /// The row's severity; nil for a procedure, or when the row's is missing or unknown (a diagnostic says so).
    public var severity: Severity?
    /// Procedure when the row's severity or type cell says `Procedure` (or `程序`), else incident.
    public var kind: RunbookKind
    /// The row's description column (else its last), e.g. `CPU 使用率 > 80%`.
    public var description: String
    /// Where the row is in the index.
    public var location: SourceLocation
    /// Where a moved stub says its runbook went; nil for a runbook. Its `description` says the same in English.
    public var movedTo: String?

    /// Creates an entry.
    public init(
        id: String, title: String, file: String, severity: Severity?, kind: RunbookKind, description: String,
        location: SourceLocation, movedTo: String? = nil
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.severity = severity
        self.kind = kind
        self.description = description
        self.location = location
        self.movedTo = movedTo
    }
}
