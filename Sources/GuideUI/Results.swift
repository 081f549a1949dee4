import FoundationEssentials
import IncidentModel

/// Takes in what an effect produced.
func handleResult(_ model: AppModel, _ message: Message) -> (AppModel, [Effect]) {
    var model = model
    switch message {
    case .incidentOpened(let id, let events), .incidentLoaded(let id, let events):
        model.incident = IncidentSession(id: id, events: events)
        if case .incidentLoaded = message { model.incident?.awaitsResumePosition = true }
        model.journal = JournalState()
        model.arrivals = Arrivals()
        model.overlay = nil
        model.notice = nil
        model.screens = [model.screens.first ?? .catalog, .walkthrough]
    case .incidentOpenFailed(let reason):
        model.notice = Notice(text: model.tr("ui.notice.open_failed", ["reason": reason]), isError: true)
    case .incidentLoadFailed(let id, let reason):
        model.notice = Notice(text: model.tr("ui.notice.load_failed", ["id": id, "reason": reason]), isError: true)
    case .journalAppended(let events):
        if !model.journal.pending.isEmpty { model.journal.pending.removeFirst() }
        if model.journal.unsaved.isEmpty { model.journal.lastError = nil }
        merge(&model, events)
        if let text = confirmation(of: events, model) {
            model.notice = Notice(text: text, isError: false, confirmedAt: model.now)
        }
    case .journalFailed(let reason):
        if !model.journal.pending.isEmpty {
            // A retry or a rescue file must say when the responder acted, not when it was finally written.
            let now = model.now
            model.journal.unsaved += model.journal.pending.removeFirst().map { event in
                var event = event
                event.occurredAt = event.occurredAt ?? now
                return event
            }
        }
        model.journal.lastError = reason
    case .rescued(let path):
        model.journal.unsaved = []
        model.journal.pending = []
        model.journal.lastError = nil
        model.notice = Notice(text: model.tr("ui.notice.rescued", ["path": path]), isError: false)
        return (model, [.quit])
    case .rescueFailed(let reason):
        model.notice = Notice(text: model.tr("ui.notice.rescue_failed", ["reason": reason]), isError: true)
    case .eventsArrived(let events):
        noticeArrivals(&model, events)
        merge(&model, events)
    case .journalProblems(let problems):
        guard let first = problems.first else { break }
        let more =
            problems.count > 1 ? model.tr("ui.notice.journal_problems_more", ["count": String(problems.count - 1)]) : ""
        model.notice = Notice(
            text: model.tr(
                "ui.notice.journal_problem",
                ["line": String(first.line), "message": first.message(in: model.localizer)]) + more,
            isError: true)
    case .journalNotFollowed(let error):
        model.notice = Notice(
            text: model.tr("ui.notice.not_followed", ["reason": error.description(in: model.localizer)]), isError: true)
    case .openIncidentsListed(let incidents):
        model.openIncidents.incidents = incidents
        model.openIncidents.loaded = true
        model.openIncidents.cursor = min(model.openIncidents.cursor, max(0, incidents.count - 1))
    case .openIncidentsFailed(let reason):
        model.openIncidents.loaded = true
        model.notice = Notice(text: model.tr("ui.notice.list_failed", ["reason": reason]), isError: true)
    case .exported(let path):
        model.notice = Notice(text: model.tr("ui.notice.exported", ["path": path]), isError: false)
    case .exportFailed(let reason):
        model.notice = Notice(text: model.tr("ui.notice.export_failed", ["reason": reason]), isError: true)
    case .copied(let delivery):
        model.notice = delivery.notice(model.localizer)
    case .copyFailed(let reason):
        model.notice = Notice(text: model.tr("ui.notice.copy_failed", ["reason": reason]), isError: true)
    case .command(let commandUpdate):
        return commandResult(model, commandUpdate)
    case .runbooksLoaded(let ids, let runbooks):
        return runbooksLoaded(model, ids: ids, runbooks: runbooks)
    case .searchIndexBuilt(let index):
        // A search typed before the index showed the rows' matches: the runbook under the cursor stays under it
        // when the full answer still has it, so that the list filling in does not move what the responder chose.
        // The matches are kept before the cursor looks for its row among them, so the frame searches once.
        let selected = model.selectedCatalogRow
        model.library.deliver(index)
        model.rememberCatalogMatches()
        model.reselectCatalogRow(selected)
    case .alertsFetched(let alerts):
        return alertsFetched(model, alerts)
    case .alertsFetchFailed(let reason):
        return alertsFetchFailed(model, reason: reason)
    case .synced(let outcome):
        model.sync = outcome
    case .reviewMarksLoaded(let marks, let warnings):
        model = reviewMarksLoaded(model, marks, warnings: warnings)
    case .feedbackMarkedReviewed(let runbook, let count):
        model = feedbackMarkedReviewed(model, runbook: runbook, count: count)
    case .feedbackMarkFailed(let runbook, let reason):
        return feedbackMarkFailed(model, runbook: runbook, reason: reason)
    case .terminal, .tick:
        break
    }
    return (model, [])
}

/// Adds events to the open incident's timeline, once each, in sequence order.
private func merge(_ model: inout AppModel, _ events: [Event]) {
    guard var session = model.incident else { return }
    session.merge(events)
    model.incident = session
}
