import CProcessSpawn
import Foundation

/// Checks scripts with `bash -n`, which parses a script and executes nothing: one `bash -c` driver reads the scripts
/// from its stdin and hands each to `bash -n` as a here-string.
public struct BashSyntaxChecker: ShellSyntaxChecker {
    /// The bash to run.
    public var executable: String
    /// How long each script may take: a batch of N scripts is abandoned after N times this.
    public var timeout: Duration

    /// Creates a checker.
    public init(executable: String = "/bin/bash", timeout: Duration = .seconds(10)) {
        self.executable = executable
        self.timeout = timeout
    }

    public func check(_ script: String) -> ShellSyntaxResult {
        check([script])[0]
    }

    /// Checks every script with `bash -n` on its own, all from one bash: starting a process from Swift costs several
    /// times what bash pays to start its own, and a library of thousands of runbooks has tens of thousands of
    /// blocks. The scripts go in on stdin separated by NUL (a runbook with a NUL byte is refused before it gets
    /// here); each one's complaint comes back followed by a line with a marker and its exit status.
    public func check(_ scripts: [String]) -> [ShellSyntaxResult] {
        guard !scripts.isEmpty else { return [] }
        let marker = "respond-check-" + UUID().uuidString
        let driver = """
            while IFS= read -r -d '' script; do
              "$1" -n 2>&1 <<<"$script"
              printf '\\n%s %d\\n' "$2" "$?"
            done
            """
        var payload: [UInt8] = []
        for script in scripts {
            // `<<<` gives bash the script with a newline added; one already there is dropped so that bash sees the
            // script's own lines and blames the same line numbers as with the file on stdin.
            payload.append(
                contentsOf: script.utf8.last == UInt8(ascii: "\n") ? script.utf8.dropLast() : script.utf8[...])
            payload.append(0)
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let output: [UInt8]
        switch ShellDriver.run(
            executable, ["-c", driver, "respond-lint", executable, marker], input: payload,
            timeout: seconds * Double(scripts.count))
        {
        case .finished(let bytes):
            output = bytes
        case .cannotStart(let reason):
            return scripts.map { _ in .unavailable("cannot run \(executable): \(reason)") }
        case .timedOut:
            return scripts.map { _ in .unavailable("\(executable) -n did not finish within \(Int(seconds)) s a block") }
        }
        return Self.results(
            String(decoding: output, as: UTF8.self), marker: marker, count: scripts.count,
            executable: executable)
    }

    /// Splits the driver's output into one result per script: each script's complaint ends with `MARKER STATUS`.
    static func results(_ output: String, marker: String, count: Int, executable: String) -> [ShellSyntaxResult] {
        var results: [ShellSyntaxResult] = []
        var complaint: [Substring] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix(marker + " "), let status = Int(line.dropFirst(marker.count + 1)) else {
                complaint.append(line)
                continue
            }
            let message = complaint.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            results.append(
                status == 0 ? .valid : .invalid(message: firstLine(of: message), line: self.line(in: message)))
            complaint = []
        }
        // A driver that died part way leaves the rest unchecked rather than passed.
        while results.count < count {
            results.append(.unavailable("\(executable) stopped before checking this block"))
        }
        return Array(results.prefix(count))
    }

    /// The first line of bash's complaint without its `bash: line N:` prefix.
    static func firstLine(of message: String) -> String {
        let first = message.split(separator: "\n").first.map(String.init) ?? "syntax error"
        guard let range = first.range(of: #"line \d+: "#, options: .regularExpression) else { return first }
        return String(first[range.upperBound...])
    }

    /// The script line bash blamed (`bash: line 3: syntax error …`).
    static func line(in message: String) -> Int? {
        guard let range = message.range(of: #"line \d+"#, options: .regularExpression) else { return nil }
        return Int(message[range].dropFirst(5))
    }
}
