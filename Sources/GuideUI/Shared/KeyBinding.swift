import Localization
import TerminalFrame

/// One row of a screen's key table: the keys, how the help overlay names them and what it says they do, when the
/// row applies, and what the keys do. A screen's keys are dispatched through its table and its help is drawn from
/// the same table, so the help cannot list a key that does something else, and a row it leaves out says so.
struct KeyBinding: Sendable {
    /// Every key the row answers, including aliases the help does not spell out (`l` for Enter, Ctrl-N for ↓).
    let keys: [Key]
    /// The keys as the help overlay names them, e.g. `↑↓ j k`.
    let label: String
    /// The catalog key of what the help overlay says the keys do (`ui.keys.…`); nil for a row the help overlay has
    /// never listed. The label is not translated: keys are the same in every language.
    let help: String?
    /// Whether the row applies to the model; a key whose row does not apply goes on to the next row listing it.
    let applies: @Sendable (AppModel) -> Bool
    /// What a key of the row does.
    let action: @Sendable (AppModel, Key) -> (AppModel, [Effect])

    init(
        _ keys: [Key], _ label: String, _ help: String?,
        when applies: @escaping @Sendable (AppModel) -> Bool = { _ in true },
        _ action: @escaping @Sendable (AppModel, Key) -> (AppModel, [Effect])
    ) {
        self.keys = keys
        self.label = label
        self.help = help
        self.applies = applies
        self.action = action
    }

    /// `?`: the help overlay of the screen.
    static let help = KeyBinding([.character("?")], "?", "ui.keys.this_help") { model, _ in
        var model = model
        model.overlay = .help
        return (model, [])
    }

    /// The row that leaves the screen (quitting from the last one), with the keys and words of that screen.
    static func back(_ keys: [Key], _ label: String, _ help: String) -> KeyBinding {
        KeyBinding(keys, label, help) { model, _ in GuideUI.back(model) }
    }
}

extension [KeyBinding] {
    /// The first row that lists the key and applies to the model.
    func binding(for key: Key, in model: AppModel) -> KeyBinding? {
        first { $0.keys.contains(key) && $0.applies(model) }
    }

    /// What the key does by this table; a key no applying row lists does nothing.
    func dispatch(_ model: AppModel, _ key: Key) -> (AppModel, [Effect]) {
        binding(for: key, in: model)?.action(model, key) ?? (model, [])
    }

    /// The rows as the help overlay lists them, in the table's order, in the localizer's language.
    func helpLines(_ localizer: Localizer) -> [(String, String)] {
        compactMap { row in row.help.map { (row.label, localizer.tr($0)) } }
    }
}

/// Leaves the screen on top; on the last one, quits (an open incident stays open).
func back(_ model: AppModel) -> (AppModel, [Effect]) {
    var model = model
    guard model.screens.count > 1 else { return (model, [.quit]) }
    model.screens.removeLast()
    return (model, [])
}
