import TerminalFrame

/// One entry of the hint line under a screen: a key of the screen's key table and the few words shown for it.
/// The hint line is shorter than the help overlay and picks what matters in the moment, so it names its keys
/// rather than repeating the table's rows; the key tests check that every key it names is dispatched.
struct KeyHint: Sendable {
    /// The key the entry stands for.
    let key: Key
    /// The words shown, e.g. `Enter start`.
    let text: String

    init(_ key: Key, _ text: String) {
        self.key = key
        self.text = text
    }
}

extension [KeyHint] {
    /// The hint line: the entries' words, in order, separated by ` · `.
    var line: String {
        map(\.text).joined(separator: " · ")
    }
}

extension KeyHint {
    /// `? help`, which every screen offers.
    static let help = KeyHint(.character("?"), "? help")
    /// `q back`, on every screen that has one below it.
    static let back = KeyHint(.character("q"), "q back")
}
