import Foundation

/// Puts text on the user's clipboard with the OSC 52 escape sequence, which terminals honor through SSH.
/// It is written straight to the controlling terminal, beside curses: the sequence moves no cursor.
struct Clipboard {
    /// Why the text could not be sent.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    /// Whether the terminal is tmux, whose passthrough wrapping the sequence needs.
    let insideTmux: Bool

    /// A clipboard for this process's environment.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Clipboard {
        Clipboard(insideTmux: !(environment["TMUX"] ?? "").isEmpty)
    }

    /// The bytes that set the clipboard to `text`: base64 inside OSC 52, so nothing in the text reaches the
    /// terminal as a control; inside tmux wrapped in a DCS passthrough with its escapes doubled.
    func sequence(for text: String) -> String {
        let osc = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        guard insideTmux else { return osc }
        return "\u{1B}Ptmux;\(osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}"))\u{1B}\\"
    }

    /// Writes the sequence for `text` to the controlling terminal.
    func copy(_ text: String) throws(Failure) {
        let descriptor = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open the terminal for the clipboard: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = Array(sequence(for: text).utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write the clipboard sequence: \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
