import Localization

/// The catalog texts of `EventWording` in one language, each prepared once (`Phrase`) and filled by position.
struct EventWordingPhrases: Sendable {
    let incidentOpened: Phrase
    let drillOpened: Phrase
    let alertAttached: Phrase
    let alertAttachedLabels: Phrase
    let alertResolved: Phrase
    let runbookSwitched: Phrase
    let stepDone: Phrase
    let stepSkipped: Phrase
    let verified: Phrase
    let unverified: Phrase
    let note: Phrase
    let commanderNote: Phrase
    let statusChanged: Phrase
    let severityChanged: Phrase
    let roleAssigned: Phrase
    let escalated: Phrase
    let commandCopied: Phrase
    let commandRan: Phrase
    let feedback: Phrase
    let impactStarted: String
    let detected: String
    let pinned: Phrase
    let unpinned: Phrase
    let acknowledged: Phrase
    let exported: Phrase
    let closed: String
    let reopened: String
    let pinnedMark: String
    let exited: Phrase
    let stopped: String
    let stoppedAfter: Phrase
    let stepName: Phrase
    let runbookStep: Phrase
    /// The statuses' and the roles' names.
    let statusNames: [IncidentStatus: String]
    let roleNames: [Role: String]

    /// The phrases of `words`' language.
    init(_ words: Localizer) {
        incidentOpened = words.phrase("pm.event.incident_opened", "title", "severity", "runbook")
        drillOpened = words.phrase("pm.event.drill_opened", "title", "severity", "runbook")
        alertAttached = words.phrase("pm.event.alert_attached", "alert")
        alertAttachedLabels = words.phrase("pm.event.alert_attached_labels", "alert", "labels")
        alertResolved = words.phrase("pm.event.alert_resolved", "alert")
        runbookSwitched = words.phrase("pm.event.runbook_switched", "runbook")
        stepDone = words.phrase("pm.event.step_done", "step")
        stepSkipped = words.phrase("pm.event.step_skipped", "step", "reason")
        verified = words.phrase("pm.event.verified", "item", "text")
        unverified = words.phrase("pm.event.unverified", "item", "text")
        note = words.phrase("pm.event.note", "text")
        commanderNote = words.phrase("pm.event.commander_note", "text")
        statusChanged = words.phrase("pm.event.status_changed", "status")
        severityChanged = words.phrase("pm.event.severity_changed", "severity")
        roleAssigned = words.phrase("pm.event.role_assigned", "person", "role")
        escalated = words.phrase("pm.event.escalated", "to")
        commandCopied = words.phrase("pm.event.command_copied", "command")
        commandRan = words.phrase("pm.event.command_ran", "command", "outcome")
        feedback = words.phrase("pm.event.feedback", "target", "text")
        impactStarted = words.tr("pm.event.impact_started")
        detected = words.tr("pm.event.detected")
        pinned = words.phrase("pm.event.pinned", "seq")
        unpinned = words.phrase("pm.event.unpinned", "seq")
        acknowledged = words.phrase("pm.event.acknowledged", "seq")
        exported = words.phrase("pm.event.exported", "format", "path")
        closed = words.tr("pm.event.closed")
        reopened = words.tr("pm.event.reopened")
        pinnedMark = words.tr("pm.event.pinned_mark")
        exited = words.phrase("pm.event.exited", "code", "seconds")
        stopped = words.tr("pm.event.stopped")
        stoppedAfter = words.phrase("pm.event.stopped_after", "reason", "seconds")
        stepName = words.phrase("pm.event.step_name", "step", "title")
        runbookStep = words.phrase("pm.event.runbook_step", "runbook", "step")
        statusNames = Dictionary(
            uniqueKeysWithValues: IncidentStatus.allCases.map { ($0, words.tr(EventWording.statusKey($0))) })
        roleNames = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, words.tr(EventWording.roleKey($0))) })
    }
}
