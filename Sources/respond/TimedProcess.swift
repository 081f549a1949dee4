import Foundation

/// A program found on `PATH` and run without a shell, with its standard output and error read to their ends beside
/// the wait and a time limit, so that one that does not answer cannot hang the caller: what `git` for a sync and
/// `tmux` for the paste buffer share.
enum TimedProcess {
    /// What a finished program said.
    struct Outcome {
        /// Its exit status.
        var status: Int32
        /// What it wrote on standard output.
        var output: Data
        /// What it wrote on standard error, trimmed.
        var errors: String
    }

    /// Why a program gave no outcome.
    enum Failure: Error {
        /// It could not be started.
        case cannotStart(reason: String)
        /// It ran longer than the time limit and was stopped.
        case timedOut
    }

    /// Runs `arguments` (the program, then its arguments) with `environment` (the caller's when nil) and `input` on
    /// its standard input (none when nil), stopping it after `timeout` seconds.
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil, timeout: Double
    ) throws(Failure) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw .cannotStart(reason: error.localizedDescription)
        }
        if let input {
            // The input is written beside the wait: more than the pipe holds blocks until the program reads it. A
            // program that exits before reading it all must make the write fail, not kill the caller.
            signal(SIGPIPE, SIG_IGN)
            DispatchQueue.global().async {
                try? stdin.fileHandleForWriting.write(contentsOf: input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let output = PipeReader(stdout.fileHandleForReading)
        let errors = PipeReader(stderr.fileHandleForReading)
        guard exited.wait(timeout: .now() + timeout) == .success else {
            process.terminate()
            exited.wait()
            throw .timedOut
        }
        return Outcome(
            status: process.terminationStatus, output: output.wait(),
            errors: String(decoding: errors.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
