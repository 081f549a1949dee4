import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame

/// Starts the guide as launched: the first model and the effects to run before the first key.
public func launch(_ model: AppModel, _ launch: Launch) -> (AppModel, [Effect]) {
    let (model, effects) = launched(model, launch)
    return requestingAlerts(model, effects)
}

private func launched(_ model: AppModel, _ launch: Launch) -> (AppModel, [Effect]) {
    switch launch {
    case .catalog:
        return (model, [])
    case .start(let runbook, let title, let severity, let drill, let id):
        let (waiting, effects) = startIncident(
            model, runbook: runbook, title: title, severity: severity, drill: drill, id: id)
        return requestingLibrary(waiting, effects)
    case .chooseAlert(let choice):
        return (chooseAlert(model, choice), [])
    case .resume(let id):
        return (model, [.loadIncident(id: id)])
    case .review(let id):
        return launchReview(model, reference: id)
    }
}

/// The whole behaviour of the guide: the next model and the effects the runtime must run. Pure.
public func update(_ model: AppModel, _ message: Message) -> (AppModel, [Effect]) {
    var (next, effects) = reduce(model, message)
    (next, effects) = settlingQuit(next, effects, interrupted: message.isInterrupt)
    (next, effects) = holdingSwitchWhileUnsaved(next, effects)
    (next, effects) = requestingLibrary(next, effects)
    (next, effects) = requestingAlerts(next, effects)
    (next, effects) = requestingReviewMarks(next, effects, after: message)
    next.placeResumedCursor()
    next.refreshTimelineRows()
    next.refreshReviewPane()
    next.rememberCatalogMatches()
    return (next, effects)
}

/// `update` before the derived layout is brought up to date.
private func reduce(_ model: AppModel, _ message: Message) -> (AppModel, [Effect]) {
    var model = model
    switch message {
    case .terminal(.resize(let width, let height)):
        model.width = max(0, width)
        model.height = max(0, height)
        return (model, [])
    case .terminal(.tick):
        return (model, [])
    case .terminal(.key(let key)):
        return holdingQuitWhileRunning(handleKey(model, key))
    case .terminal(.paste(let paste)):
        return handlePaste(model, paste)
    case .tick(let now):
        model.now = now
        model.arrivals.expire(at: now)
        expireConfirmation(&model, at: now)
        return (model, [])
    default:
        return model.screen == .review ? reviewResult(model, message) : handleResult(model, message)
    }
}

extension Message {
    /// Whether this is Ctrl-C, which quits without asking and rescues what is not saved.
    var isInterrupt: Bool {
        if case .terminal(.key(.control("c"))) = self { return true }
        return false
    }
}
