import CommandRunner
import Foundation

/// Puts text on the user's clipboard with the OSC 52 escape sequence (base64, so nothing in the text reaches the
/// terminal as a control), which terminals honor through SSH. It is written straight to the controlling
/// terminal, beside curses: the sequence moves no cursor.
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

    /// Writes the sequence for `text` to the controlling terminal.
    func copy(_ text: String) throws(Failure) {
        let sequence: String
        do {
            sequence = try OSC52.sequence(for: text, insideTmux: insideTmux)
        } catch {
            throw Failure(description: error.description)
        }
        let descriptor = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(
                description: "cannot open the terminal for the clipboard: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = Array(sequence.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write the clipboard sequence: \(String(cString: strerror(errno)))")
            }
            guard written > 0 else { throw Failure(description: "the terminal took none of the clipboard sequence") }
            bytes = bytes.dropFirst(written)
        }
    }
}
