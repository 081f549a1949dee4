import FoundationEssentials
import IncidentModel
import Localization
import TerminalFrame

/// The question a quit asks while events are not saved: retry, rescue or discard (after typing `discard`).
public struct UnsavedQuit: Hashable, Sendable {
    /// The word typed to discard the events; Enter discards only when it reads `discard`.
    public var confirmation = LineEditor()

    /// A new question with nothing typed.
    public init() {}
}

/// Holds back a quit while events are not on disk. Appends emitted with the quit are answered first; then, if
/// any event failed or still waits for the journal's lock, `q` asks (`UnsavedQuit`) and Ctrl-C writes them to a
/// rescue file. Nothing unsaved is ever dropped without the responder typing `discard`.
func settlingQuit(_ model: AppModel, _ effects: [Effect], interrupted: Bool) -> (AppModel, [Effect]) {
    var model = model
    var effects = effects
    if effects.contains(.quit) {
        effects.removeAll { $0 == .quit }
        model.journal.quitting = interrupted || model.journal.quitting == .rescue ? .rescue : .ask
    }
    guard let intent = model.journal.quitting else { return (model, effects) }
    // The answers to appends emitted now arrive before the next key; decide once they have.
    guard !effects.contains(where: isAppend) else { return (model, effects) }
    let notSaved = model.journal.notSaved
    guard let session = model.incident, !notSaved.isEmpty else {
        model.journal.quitting = nil
        return (model, effects + [.quit])
    }
    switch intent {
    case .rescue:
        model.journal.quitting = nil
        model.overlay = nil
        model.notice = Notice(
            text: model.tr("ui.notice.rescuing", ["events": eventCount(notSaved.count, model.localizer)]),
            isError: false)
        return (model, effects + [.rescue(incidentID: session.id, events: notSaved, afterSeq: session.state.lastSeq)])
    case .ask:
        guard model.journal.pending.isEmpty else {
            model.notice = Notice(
                text: model.tr("ui.notice.waiting_to_save", ["events": eventCount(notSaved.count, model.localizer)]),
                isError: false)
            return (model, effects)
        }
        model.journal.quitting = nil
        model.overlay = .unsavedQuit(UnsavedQuit())
        return (model, effects)
    }
}

/// Holds back opening or loading an incident while the one open has events not on disk: the new session would
/// forget them, and a retry would append them to the wrong journal. The notice says how to keep them.
func holdingSwitchWhileUnsaved(_ model: AppModel, _ effects: [Effect]) -> (AppModel, [Effect]) {
    let notSaved = model.journal.notSaved.count
    guard notSaved > 0, let session = model.incident, effects.contains(where: opensIncident) else {
        return (model, effects)
    }
    var model = model
    model.notice = Notice(
        text: model.tr(
            "ui.notice.switch_held", ["events": eventCount(notSaved, model.localizer), "id": session.id]),
        isError: true)
    return (model, effects.filter { !opensIncident($0) })
}

/// Keys in the quit question: `R` retries (and quits once saved), `W` writes the rescue file and quits, `discard`
/// typed and Enter quits without them, Esc stays. `r` and `w` act only while nothing is typed.
func unsavedQuitKey(_ model: AppModel, _ question: UnsavedQuit, _ key: Key) -> (AppModel, [Effect]) {
    var model = model
    var question = question
    let typing = !question.confirmation.text.isEmpty
    switch key {
    case .escape:
        model.overlay = nil
        model.notice = Notice(
            text: model.tr(
                "ui.notice.not_quit", ["events": eventCount(model.journal.notSaved.count, model.localizer)]),
            isError: true)
        return (model, [])
    case .character(let letter) where letter == "R" || (letter == "r" && !typing):
        model.overlay = nil
        model.notice = Notice(text: model.tr("ui.notice.retrying"), isError: false)
        let (retried, effects) = retryUnsaved(model)
        model = retried
        model.journal.quitting = .ask
        return (model, effects)
    case .character(let letter) where letter == "W" || (letter == "w" && !typing):
        model.overlay = nil
        model.journal.quitting = .rescue
        return (model, [])
    case .enter:
        guard question.confirmation.submitted == "discard" else {
            model.notice = Notice(text: model.tr("ui.notice.type_discard"), isError: true)
            return (model, [])
        }
        model.overlay = nil
        model.journal.unsaved = []
        model.journal.lastError = nil
        return (model, [.quit])
    default:
        _ = question.confirmation.handle(key)
        model.overlay = .unsavedQuit(question)
        return (model, [])
    }
}

/// "1 event" or "N events", in the localizer's language.
func eventCount(_ events: Int, _ localizer: Localizer) -> String {
    localizer.tr("ui.events", count: events)
}

private func isAppend(_ effect: Effect) -> Bool {
    if case .append = effect { return true }
    return false
}

private func opensIncident(_ effect: Effect) -> Bool {
    switch effect {
    case .openIncident, .loadIncident: true
    default: false
    }
}
