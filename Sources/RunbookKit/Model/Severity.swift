/// How urgent an incident is, from P0 (everything is down) to P3 (minor).
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case p0 = "P0"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"

    /// Orders P0 before P3, so that sorting puts the most urgent first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
}
