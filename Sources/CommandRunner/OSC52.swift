import FoundationEssentials
import TerminalText

/// The OSC 52 escape sequence that puts text on the user's clipboard through the terminal, which works over
/// SSH and, with `set-clipboard on`, inside tmux (tmux keeps it as a paste buffer and passes it on). It is sent
/// plain, never wrapped for tmux's passthrough: tmux drops passthrough unless `allow-passthrough` is on. Pure: the
/// caller writes the bytes to the terminal.
public enum OSC52 {
    /// Why text cannot be copied.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The text is larger than terminals accept; a cut command must never be pasted, so nothing is copied.
        case tooLong(bytes: Int, limit: Int)

        /// One line for the status bar.
        public var description: String {
            switch self {
            case .tooLong(let bytes, let limit):
                "the command is \(bytes) bytes, more than the \(limit) a terminal clipboard accepts; copy it from the runbook file"
            }
        }
    }

    /// The most UTF-8 bytes copied: base64 makes 100 000 bytes of sequence, xterm's default limit.
    public static let maximumBytes = 74_994

    /// The text as it is copied: its control characters in their visible form (newlines kept, tabs as spaces), so
    /// a paste can never carry a control the screen did not show.
    public static func clipboardText(for text: String) throws(Failure) -> String {
        let clean = sanitize(text, keepNewlines: true)
        let bytes = clean.utf8.count
        guard bytes <= maximumBytes else { throw .tooLong(bytes: bytes, limit: maximumBytes) }
        return clean
    }

    /// `ESC ] 52 ; c ; <base64> BEL` for the text as `clipboardText(for:)` makes it.
    public static func sequence(for text: String) throws(Failure) -> String {
        "\u{1B}]52;c;\(Data(try clipboardText(for: text).utf8).base64EncodedString())\u{07}"
    }
}
