import Foundation
import TerminalText

/// The OSC 52 escape sequence that puts text on the user's clipboard through the terminal, which works over
/// SSH and, wrapped for passthrough, inside tmux. Pure: the caller writes the bytes to the terminal.
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

    /// `ESC ] 52 ; c ; <base64> BEL` for the text with its control characters in their visible form (newlines
    /// kept, tabs as spaces); inside tmux wrapped as `ESC P tmux; <sequence with each ESC doubled> ESC \`.
    public static func sequence(for text: String, insideTmux: Bool) throws(Failure) -> String {
        let clean = sanitize(text, keepNewlines: true)
        let bytes = Data(clean.utf8)
        guard bytes.count <= maximumBytes else { throw .tooLong(bytes: bytes.count, limit: maximumBytes) }
        let sequence = "\u{1B}]52;c;\(bytes.base64EncodedString())\u{07}"
        guard insideTmux else { return sequence }
        return "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
