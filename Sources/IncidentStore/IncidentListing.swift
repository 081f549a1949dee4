import IncidentModel

/// The incidents of a home directory, and those whose journal could not be read.
public struct IncidentListing: Hashable, Sendable {
    /// An incident that could not be summarized, and why.
    public struct Unreadable: Hashable, Sendable, CustomStringConvertible {
        /// The incident's id.
        public var id: String
        /// Why it could not be read.
        public var reason: String

        /// `id: reason`.
        public var description: String { "\(id): \(reason)" }
    }

    /// Readable incidents, most recently active first.
    public var incidents: [IncidentSummary]
    /// Incidents whose journal is missing, refused or has no opening event.
    public var unreadable: [Unreadable]
}
