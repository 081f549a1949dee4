import CProcessSpawn
import FoundationEssentials
import Glibc
import TerminalText

/// Checks scripts with `bash -n`, which parses a script and executes nothing, giving each script the verdict, message
/// and line that `bash -n` on that script alone gives, in far fewer processes than one a script:
/// - identical scripts are checked once, and verdicts found before are taken from `cache`, when there is one;
/// - the rest are split across one bash a core: those `FunctionBodyCheck` can take are proven valid there, many
///   a process;
/// - whatever that did not prove (a syntax error, a warning, a block it cannot take) is handed to `bash -n` on its
///   own, again one `bash -c` driver a core that reads the scripts and runs `bash -n` on each as a here-string, so
///   every message and line lint prints is `bash -n`'s own.
public struct BashSyntaxChecker: ShellSyntaxChecker {
    /// The bash to run.
    public var executable: String
    /// How long each script may take: a batch of N scripts is abandoned after N times this.
    public var timeout: Duration
    /// Where verdicts found before are kept; nil checks everything afresh.
    public var cache: BashVerdictCache?
    /// How many bash processes check at once (one a core by default).
    public var workers: Int

    /// Creates a checker.
    public init(
        executable: String = "/bin/bash", timeout: Duration = .seconds(10), cache: BashVerdictCache? = nil,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.executable = executable
        self.timeout = timeout
        self.cache = cache
        self.workers = max(1, workers)
    }

    public func check(_ script: String) -> ShellSyntaxResult {
        check([script])[0]
    }

    /// Checks every script as `bash -n` on its own would (see the type's comment).
    public func check(_ scripts: [String]) -> [ShellSyntaxResult] {
        guard !scripts.isEmpty else { return [] }
        var distinct: [String] = []
        var position: [String: Int] = [:]
        for script in scripts where position[script] == nil {
            position[script] = distinct.count
            distinct.append(script)
        }
        let lookup = cache?.lookup(distinct, executable: executable)
        var verdicts = lookup?.verdicts ?? [ShellSyntaxResult?](repeating: nil, count: distinct.count)
        let sealed = distinct.indices.filter { verdicts[$0] == nil && FunctionBodyCheck.isSealed(distinct[$0]) }
        let perScript = seconds(timeout)
        let proven = Self.chunks(sealed, count: workers).map { $0.map { distinct[$0] } }.parallelMap {
            [executable] batch in
            FunctionBodyCheck.proven(batch, executable: executable, timeout: perScript * Double(batch.count))
        }
        for (indices, chunkVerdicts) in zip(Self.chunks(sealed, count: workers), proven) {
            for (index, valid) in zip(indices, chunkVerdicts) where valid { verdicts[index] = .valid }
        }
        let rest = distinct.indices.filter { verdicts[$0] == nil }
        let alone = Self.chunks(rest, count: workers).map { $0.map { distinct[$0] } }.parallelMap(eachAlone)
        for (indices, chunkVerdicts) in zip(Self.chunks(rest, count: workers), alone) {
            for (index, verdict) in zip(indices, chunkVerdicts) { verdicts[index] = verdict }
        }
        let found = verdicts.map { $0 ?? .unavailable("\(executable) stopped before checking this block") }
        if let lookup { cache?.store(found, lookup: lookup) }
        return scripts.map { found[position[$0]!] }
    }

    /// `indices` in `count` runs of about equal length, in order, none empty.
    static func chunks(_ indices: [Int], count: Int) -> [[Int]] {
        guard !indices.isEmpty else { return [] }
        let size = (indices.count + count - 1) / count
        return stride(from: 0, to: indices.count, by: size).map { Array(indices[$0..<min($0 + size, indices.count)]) }
    }

    /// Checks every script with `bash -n` on its own, all from one bash: starting a process from Swift costs several
    /// times what bash pays to start its own. The scripts go in on stdin separated by NUL (a runbook with a NUL
    /// byte is refused before it gets here); each one's complaint comes back followed by a line with a marker and
    /// its exit status.
    func eachAlone(_ scripts: [String]) -> [ShellSyntaxResult] {
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
        let seconds = seconds(timeout)
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

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
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
            let message = complaint.joined(separator: "\n").trimmingScalars(in: .whitespacesAndNewlines)
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
        guard let range = first.firstRange(of: #/line \d+: /#) else { return first }
        return String(first[range.upperBound...])
    }

    /// The script line bash blamed (`bash: line 3: syntax error …`).
    static func line(in message: String) -> Int? {
        guard let range = message.firstRange(of: #/line \d+/#) else { return nil }
        return Int(message[range].dropFirst(5))
    }
}
