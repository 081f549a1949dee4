import Alerts
import FoundationEssentials
import IncidentModel

extension AppModel {
    /// The alerts the open incident was started from that the journal does not record as resolved and no append
    /// on its way records either: derived from the events each time, so a resumed incident knows as much as the
    /// guide that recorded it.
    var unresolvedAlerts: [AlertRecord] {
        guard let session = incident else { return [] }
        let recorded =
            session.state.resolvedAlerts.map { (name: $0.name, fingerprint: $0.fingerprint) }
            + journal.notSaved.compactMap { event -> (name: String, fingerprint: String?)? in
                guard case .alertResolved(let name, let fingerprint, _) = event.kind else { return nil }
                return (name, fingerprint)
            }
        return session.state.alerts.filter { alert in
            !recorded.contains { resolved in
                if let fingerprint = alert.fingerprint, let other = resolved.fingerprint { return fingerprint == other }
                return alert.name == resolved.name
            }
        }
    }
}

/// Records `alert-resolved` for each attached alert that is no longer firing among `firing` (the alerts active
/// now, silenced ones included): absent, or past its `endsAt`. Once each: an alert already recorded, or on its way
/// to the journal, is not among `unresolvedAlerts`. Only while the incident is walked; not a status change.
func recordingResolvedAlerts(_ model: AppModel, firing: [Alert]) -> (AppModel, [Effect]) {
    guard model.screens.contains(.walkthrough), model.review == nil else { return (model, []) }
    let ended = model.unresolvedAlerts.compactMap { record -> EventKind? in
        let current = firing.first { isSame(record, $0) }
        if let current, current.state != "resolved", current.endsAt.map({ $0 > model.now }) ?? true { return nil }
        return .alertResolved(name: record.name, fingerprint: record.fingerprint, endedAt: current?.endsAt)
    }
    guard !ended.isEmpty else { return (model, []) }
    let (appended, effects) = record(model, ended)
    var recorded = appended
    let names = ended.compactMap { kind -> String? in
        guard case .alertResolved(let name, _, _) = kind else { return nil }
        return name
    }
    recorded.notice = Notice(
        text: recorded.tr("ui.notice.alert_resolved", ["alert": names.joined(separator: ", ")]), isError: false)
    return (recorded, effects)
}

/// Whether a firing alert is the one the journal recorded: the same fingerprint when both have one, else the same
/// name with every recorded label as it was (an alert known only by name matches any firing of that name).
private func isSame(_ record: AlertRecord, _ alert: Alert) -> Bool {
    if let fingerprint = record.fingerprint, let other = alert.fingerprint { return fingerprint == other }
    return record.name == alert.name && record.labels.allSatisfy { alert.labels[$0.key] == $0.value }
}
