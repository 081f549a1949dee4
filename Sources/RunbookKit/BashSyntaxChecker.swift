import Foundation

/// Runs `/bin/bash -n` with the script on stdin: bash parses it and executes nothing.
public struct BashSyntaxChecker: ShellSyntaxChecker {
    /// The bash to run.
    public var executable: String
    /// How long one check may take before it is abandoned.
    public var timeout: Duration

    /// Creates a checker.
    public init(executable: String = "/bin/bash", timeout: Duration = .seconds(10)) {
        self.executable = executable
        self.timeout = timeout
    }

    public func check(_ script: String) -> ShellSyntaxResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-n"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .unavailable("cannot run \(executable): \(error.localizedDescription)")
        }
        // Drain stderr on its own thread so a chatty shell cannot block on a full pipe while we write stdin.
        let collected = StderrCollector()
        let reader = Thread { collected.store(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        // bash may exit before reading all of stdin; a broken pipe must be an error here, not a signal.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(script.utf8))
        try? input.fileHandleForWriting.close()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            return .unavailable("\(executable) -n did not finish within \(Int(seconds)) s")
        }
        let message = String(decoding: collected.wait(), as: UTF8.self)
        if process.terminationStatus == 0 {
            return .valid
        }
        return .invalid(message: Self.firstLine(of: message), line: Self.line(in: message))
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

/// Hands stderr from the reading thread to the checker once the pipe closes.
private final class StderrCollector: @unchecked Sendable {
    private let lock = NSCondition()
    private var data: Data?

    func store(_ value: Data) {
        lock.lock()
        data = value
        lock.signal()
        lock.unlock()
    }

    func wait() -> Data {
        lock.lock()
        defer { lock.unlock() }
        while data == nil {
            lock.wait()
        }
        return data ?? Data()
    }
}
