/// Writes a new runbook from the team template. Pure: the caller supplies the date and writes the file.
public enum RunbookTemplate {
    /// Whether `id` is a lowercase slug (`high-cpu-usage`): letters, digits and single inner hyphens.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, let last = id.last, first != "-", last != "-", id.count <= 80 else { return false }
        return !id.contains("--") && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// A title from an id: `high-cpu-usage` → `High Cpu Usage`.
    public static func title(forID id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The markdown of a new incident runbook, every template section present, placeholders in brackets.
    public static func incident(title: String, severity: Severity, owner: String, today: CalendarDay) -> String {
        """
        # Runbook: \(title)

        ## Symptoms

        - [What the responder sees first]

        ## Impact

        - **Severity**: \(severity.rawValue)
        - **Affected Users**: [Who is affected]
        - **Business Impact**: [What it costs]

        ## Detection

        - **Alert**: [Alert name]
        - **Monitoring Dashboard**: [Link]
        - **Log Patterns**: [Patterns to look for]

        ## Diagnosis

        ### Step 1: [First diagnostic step]

        ```bash
        kubectl get pods -n production
        ```

        ## Resolution

        ### Immediate Actions

        1. [Action]

        ### Root Cause Fix

        1. [Fix]

        ## Verification

        - [ ] [Metric back to normal]
        - [ ] [Smoke tests pass]

        ## Prevention

        - [Preventive measure]

        ## Escalation

        - **L1 Support**: [Contact]
        - **L2 Support**: [Contact]
        - **On-Call Engineer**: [PagerDuty link]

        ## Related

        - Related runbooks, linked as `[Title](other-runbook.md)`

        ---

        **Last Updated**: \(today)
        **Owner**: \(owner)
        **Review Cycle**: Monthly

        """
    }

    /// The index row to add for a new runbook: `| [Title](id.md) | P2 | description |`.
    public static func indexRow(id: String, title: String, severity: Severity, description: String) -> String {
        "| [\(title)](\(id).md) | \(severity.rawValue) | \(description) |"
    }
}
