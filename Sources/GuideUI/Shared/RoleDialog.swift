import IncidentModel
import Localization
import TerminalFrame

/// Whether an incident is loaded, whose roles `c` shows.
private func hasIncident(_ model: AppModel) -> Bool {
    model.progress != nil
}

/// `c`: the roles as a picker, each with who holds it now; choosing one asks who takes it.
let assignRole = KeyBinding([.character("c")], "c", "ui.keys.assign_or_hand_over_a_role", when: hasIncident) {
    model, _ in
    var model = model
    guard let state = model.progress else { return (model, []) }
    let nobody = model.tr("ui.picker.role_nobody")
    model.overlay = .picker(
        Picker(
            purpose: .role,
            options: Role.allCases.map { role in
                model.tr(
                    "ui.picker.role_option",
                    ["role": roleName(role, model.localizer), "person": state.roles[role] ?? nobody])
            },
            values: Role.allCases.map(\.rawValue)))
    return (model, [])
}

/// The prompt for who takes `role`, empty: the responder types the person's name.
func rolePrompt(_ model: AppModel, _ value: String) -> (AppModel, [Effect]) {
    var model = model
    guard let role = Role(rawValue: value) else { return (model, []) }
    model.overlay = .prompt(Prompt(purpose: .assignRole(role), editor: LineEditor()))
    return (model, [])
}

/// The prompt's title for `role`.
func rolePromptTitle(_ role: Role, _ words: Localizer) -> String {
    words.tr("ui.prompt.assign_role", ["role": roleName(role, words)])
}
