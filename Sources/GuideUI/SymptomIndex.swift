/// The symptom search over a library, built by the runtime (which reads every runbook once to build it): given
/// free text, the ids of matching runbooks, best first. Searching reads no file.
public struct SymptomIndex: Sendable {
    private let matches: @Sendable (String) -> [String]

    /// A search that answers with `matches`, which must be pure.
    public init(_ matches: @escaping @Sendable (String) -> [String]) {
        self.matches = matches
    }

    /// The ids of the runbooks that match `query`, best first.
    public func search(_ query: String) -> [String] {
        matches(query)
    }
}
