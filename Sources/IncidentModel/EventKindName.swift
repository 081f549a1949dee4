extension EventKind {
    /// Every kind of the current schema by the name the journal stores it under, in declaration order: the one
    /// place a kind's name is written. The reader and the writer switch over these, so a kind added here without a
    /// reader or a writer does not compile.
    public enum Name: String, CaseIterable, Sendable {
        case incidentOpened = "incident-opened"
        case alertAttached = "alert-attached"
        case alertResolved = "alert-resolved"
        case runbookSwitched = "runbook-switched"
        case stepDone = "step-done"
        case stepSkipped = "step-skipped"
        case checklistChecked = "checklist-checked"
        case checklistUnchecked = "checklist-unchecked"
        case note
        case statusChanged = "status-changed"
        case severityChanged = "severity-changed"
        case roleAssigned = "role-assigned"
        case escalated
        case commandCopied = "command-copied"
        case commandRan = "command-ran"
        case runbookFeedback = "runbook-feedback"
        case milestone
        case pinChanged = "pin-changed"
        case noteAcknowledged = "note-acknowledged"
        case exportWritten = "export-written"
        case incidentClosed = "incident-closed"
        case reopened
    }

    /// Which kind this is, without its fields.
    public var kindName: Name {
        switch self {
        case .incidentOpened: .incidentOpened
        case .alertAttached: .alertAttached
        case .alertResolved: .alertResolved
        case .runbookSwitched: .runbookSwitched
        case .stepDone: .stepDone
        case .stepSkipped: .stepSkipped
        case .checklistChecked: .checklistChecked
        case .checklistUnchecked: .checklistUnchecked
        case .note: .note
        case .statusChanged: .statusChanged
        case .severityChanged: .severityChanged
        case .roleAssigned: .roleAssigned
        case .escalated: .escalated
        case .commandCopied: .commandCopied
        case .commandRan: .commandRan
        case .runbookFeedback: .runbookFeedback
        case .milestone: .milestone
        case .pinChanged: .pinChanged
        case .noteAcknowledged: .noteAcknowledged
        case .exportWritten: .exportWritten
        case .incidentClosed: .incidentClosed
        case .reopened: .reopened
        }
    }

    /// The kind's name as the journal stores it, e.g. `step-done`.
    public var name: String { kindName.rawValue }
}
