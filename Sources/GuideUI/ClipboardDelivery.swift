/// What carried a copied command, so the guide says what was sent rather than promising what reached a clipboard:
/// a terminal may ignore OSC 52, and tmux keeps it only with `set-clipboard on`.
public enum ClipboardDelivery: Hashable, Sendable {
    /// OSC 52 written to the terminal, outside tmux.
    case terminal
    /// OSC 52 written inside tmux with `set-clipboard on`, which keeps it as a paste buffer and passes it on.
    case tmuxClipboard
    /// OSC 52 written inside tmux, which does not keep it with its `set-clipboard` setting, and the text loaded
    /// into tmux's paste buffer (`tmux load-buffer -`) as well.
    case tmuxBuffer
    /// OSC 52 written inside tmux, which does not keep it, and loading tmux's paste buffer failed for the reason.
    case tmuxBufferFailed(reason: String)

    /// The notice after `y`.
    var notice: Notice {
        switch self {
        case .terminal:
            Notice(text: "sent to the terminal as OSC 52; its clipboard has it if the terminal allows", isError: false)
        case .tmuxClipboard:
            Notice(text: "sent as OSC 52; tmux keeps it as a paste buffer (prefix ] pastes)", isError: false)
        case .tmuxBuffer:
            Notice(text: "sent as OSC 52 and put in tmux's paste buffer (prefix ] pastes)", isError: false)
        case .tmuxBufferFailed(let reason):
            Notice(text: "sent as OSC 52, which tmux does not keep; tmux load-buffer failed: \(reason)", isError: true)
        }
    }
}
