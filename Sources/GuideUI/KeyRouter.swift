import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalFrame
import TerminalText

/// Routes a key to the overlay that has the focus, or else to the screen.
func handleKey(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
    if key == .control("c") { return interrupt(model) }
    var model = model
    model.notice = nil
    switch model.overlay {
    case .help:
        model.overlay = nil
        return (model, [])
    case .startForm(let form):
        return startFormKey(model, form, key)
    case .prompt(let prompt):
        return promptKey(model, prompt, key)
    case .picker(let picker):
        return pickerKey(model, picker, key)
    case .confirmResolve:
        return confirmKey(model, key)
    case .command(let dialog):
        return commandDialogKey(model, dialog, key)
    case .unsavedQuit(let question):
        return unsavedQuitKey(model, question, key)
    case .confirmFeedbackReviewed(let runbook, let notes):
        return confirmFeedbackReviewedKey(model, runbook: runbook, notes: notes, key)
    case nil:
        break
    }
    guard model.width >= minimumSize.width, model.height >= minimumSize.height else {
        return key == .character("q") ? (model, [.quit]) : (model, [])
    }
    switch model.screen {
    case .catalog: return catalogKey(model, key)
    case .openIncidents: return openIncidentsBindings.dispatch(model, key)
    case .walkthrough: return walkthroughKey(model, key)
    case .timeline: return timelineKey(model, key)
    case .commandOutput: return commandPaneKey(model, key)
    case .review: return reviewKey(model, key)
    }
}
