import Localization

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

    /// The notice after `y`, in the localizer's language.
    func notice(_ localizer: Localizer) -> Notice {
        switch self {
        case .terminal:
            Notice(text: localizer.tr("ui.clipboard.terminal"), isError: false)
        case .tmuxClipboard:
            Notice(text: localizer.tr("ui.clipboard.tmux_clipboard"), isError: false)
        case .tmuxBuffer:
            Notice(text: localizer.tr("ui.clipboard.tmux_buffer"), isError: false)
        case .tmuxBufferFailed(let reason):
            Notice(text: localizer.tr("ui.clipboard.tmux_buffer_failed", ["reason": reason]), isError: true)
        }
    }
}
