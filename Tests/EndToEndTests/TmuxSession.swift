import Foundation
import TestSupport
import Testing

/// A failure of the harness itself, with what it was doing.
struct TmuxError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
}

/// One tmux server on its own socket, running one command in one pane, for driving the real program the way a
/// responder does and reading back what the screen shows.
final class TmuxSession {
    /// The server's socket name, unique to this session.
    let socket = "respond-e2e-\(UUID().uuidString.prefix(8))"
    private let target = "guide"
    private let environment: [String: String]
    private let directory: String

    /// Starts `command` (run by `sh -c`) in a detached pane of `width`×`height` with `variables` set.
    init(command: String, variables: [String: String], width: Int = 80, height: Int = 24, directory: String) throws {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        // swift test sets NO_COLOR for its own output; the program under test must not inherit it by accident.
        environment.removeValue(forKey: "NO_COLOR")
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        self.environment = environment
        self.directory = directory
        let config = directory + "/tmux.conf"
        try """
        set -g remain-on-exit on
        set -g status off
        set -g escape-time 0
        set -g default-terminal tmux-256color
        set -g history-limit 1000
        """.write(toFile: config, atomically: true, encoding: .utf8)
        var arguments = ["-u", "-f", config, "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        let paneVariables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"].merging(variables) { $1 }
        for (name, value) in paneVariables.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(name)=\(value)"]
        }
        arguments.append(command)
        try tmux(arguments)
    }

    deinit {
        kill()
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `C-c`, `Down`, `Space`) or literal single characters.
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, UTF-8 included, as one paste-like burst of characters.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Pastes `text` the way a terminal does (`paste-buffer -p`): bracketed when the program asked for bracketed
    /// paste, each line break sent as a carriage return.
    func paste(_ text: String) throws {
        let file = directory + "/paste-\(UUID().uuidString).txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tmux(["load-buffer", "-b", "pasted", file])
        try tmux(["paste-buffer", "-p", "-d", "-b", "pasted", "-t", target])
    }

    /// The pane's text now, one line per row, without styling; `joined` rejoins lines the terminal wrapped and
    /// `history` adds the lines scrolled off the top (what the shell printed after the program left).
    func capture(joined: Bool = false, history: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", target] + (joined ? ["-J"] : []) + (history ? ["-S", "-"] : []))
    }

    /// The pane's text with its colors and attributes as escape sequences (`capture-pane -e`).
    func captureWithEscapes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", target])
    }

    /// Polls the screen every 50 ms until it contains `text`; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, joined: Bool = false, history: Bool = false) throws -> String {
        try waitUntil("the screen shows \"\(text)\"", timeout: timeout, joined: joined, history: history) {
            $0.contains(text)
        }
    }

    /// Polls the screen every 50 ms until `condition` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Double = 10, joined: Bool = false, history: Bool = false,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture(joined: joined, history: history)
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError(description: "timed out after \(timeout)s waiting until \(what); the screen was:\n\(screen)")
    }

    /// Resizes the window (and so the pane) to `width`×`height`.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane's program has exited.
    func paneDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", target, "#{pane_dead}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
            == "1"
    }

    /// The process id of the pane's program (the `sh -c` when the command is wrapped).
    func panePID() throws -> Int32 {
        let text = try tmux(["display-message", "-p", "-t", target, "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError(description: "tmux gave no pane pid: \(text)")
        }
        return pid
    }

    /// Sets a server-wide option (`set-option -g NAME VALUE`), such as `set-clipboard on`.
    func setOption(_ name: String, _ value: String) throws {
        try tmux(["set-option", "-g", name, value])
    }

    /// The newest paste buffer's text, or nil while the server has none.
    func newestBuffer() throws -> String? {
        let result = try runProcess("/usr/bin/tmux", ["-L", socket, "show-buffer"], environment: environment)
        return result.status == 0 ? result.stdout : nil
    }

    /// How many paste buffers the server holds.
    func bufferCount() throws -> Int {
        try tmux(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").count
    }

    /// Stops the server and everything in it.
    func kill() {
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try runProcess("/usr/bin/tmux", ["-L", socket] + arguments, environment: environment)
        guard result.status == 0 else {
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }
}

/// Quotes a string for `sh`.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
