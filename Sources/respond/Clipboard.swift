import CommandRunner
import FoundationEssentials
import Glibc
import GuideUI
import Localization

/// Puts text on the user's clipboard with the OSC 52 escape sequence (base64, so nothing in the text reaches the
/// terminal as a control), which terminals honor through SSH. It is written straight to the controlling
/// terminal, beside curses: the sequence moves no cursor. Inside tmux, which keeps OSC 52 from a program only with
/// `set-clipboard on`, the text also goes into tmux's paste buffer when that setting is not on.
struct Clipboard {
    /// Why the text could not be sent.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    /// Whether the terminal is tmux.
    let insideTmux: Bool
    /// The words its failures are said in.
    let localizer: Localizer

    /// A clipboard for this process's environment, saying its failures in the words of `localizer`.
    static func current(
        environment: [String: String] = ProcessInfo.processInfo.environment, localizer: Localizer
    ) -> Clipboard {
        Clipboard(insideTmux: !(environment["TMUX"] ?? "").isEmpty, localizer: localizer)
    }

    /// Writes the sequence for `text` to the controlling terminal and, inside tmux that would not keep it, loads
    /// tmux's paste buffer; returns what carried the text.
    func copy(_ text: String) throws(Failure) -> ClipboardDelivery {
        let clean: String
        let sequence: String
        do {
            clean = try OSC52.clipboardText(for: text)
            sequence = try OSC52.sequence(for: clean)
        } catch {
            switch error {
            case .tooLong(let bytes, let limit):
                throw Failure(
                    description: localizer.tr(
                        "ui.clipboard.too_long", ["bytes": String(bytes), "limit": String(limit)]))
            }
        }
        try writeToTerminal(sequence)
        guard insideTmux else { return .terminal }
        let tmux = TmuxBuffer(localizer: localizer)
        do {
            if try tmux.keepsOSC52() { return .tmuxClipboard }
            try tmux.load(clean)
            return .tmuxBuffer
        } catch {
            return .tmuxBufferFailed(reason: error.description)
        }
    }

    /// Writes the whole sequence to the controlling terminal.
    private func writeToTerminal(_ sequence: String) throws(Failure) {
        let descriptor = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(
                description: localizer.tr("ui.clipboard.no_terminal", ["reason": String(cString: strerror(errno))]))
        }
        defer { close(descriptor) }
        var bytes = Array(sequence.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(
                    description: localizer.tr("ui.clipboard.write_failed", ["reason": String(cString: strerror(errno))])
                )
            }
            guard written > 0 else { throw Failure(description: localizer.tr("ui.clipboard.nothing_written")) }
            bytes = bytes.dropFirst(written)
        }
    }
}
