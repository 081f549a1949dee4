import Localization
import TerminalFrame

/// One entry of the hint line under a screen: a key of the screen's key table and the few words shown for it.
/// The hint line is shorter than the help overlay and picks what matters in the moment, so it names its keys
/// rather than repeating the table's rows; the key tests check that every key it names is dispatched.
struct KeyHint: Sendable {
    /// The key the entry stands for.
    let key: Key
    /// The catalog key of the words shown (`ui.hint.…`), e.g. `Enter start` in English.
    let textKey: String

    init(_ key: Key, _ textKey: String) {
        self.key = key
        self.textKey = textKey
    }
}

extension [KeyHint] {
    /// The hint line in the localizer's language: the entries' words, in order, separated by ` · `.
    func line(_ localizer: Localizer) -> String {
        map { localizer.tr($0.textKey) }.joined(separator: " · ")
    }
}

extension KeyHint {
    /// `? help`, which every screen offers.
    static let help = KeyHint(.character("?"), "ui.hint.help")
    /// `q back`, on every screen that has one below it.
    static let back = KeyHint(.character("q"), "ui.hint.q_back")
}
