import CProcessSpawn
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import TerminalText

/// A program found on `PATH` and run without a shell, with its standard output and error read to their ends beside
/// the wait and a time limit, so that one that does not answer cannot hang the caller: what `git` for a sync and
/// `tmux` for the paste buffer share.
///
/// Started with `posix_spawn` through `/usr/bin/env`, in a process group of its own (so Ctrl-C at the terminal is
/// the guide's alone), with every signal at its default action, as Foundation's `Process` started it.
package enum TimedProcess {
    /// What a finished program said.
    package struct Outcome {
        /// Its exit status, or the number of the signal that ended it.
        package var status: Int32
        /// What it wrote on standard output.
        package var output: Data
        /// What it wrote on standard error, trimmed.
        package var errors: String
    }

    /// Why a program gave no outcome.
    package enum Failure: Error, Equatable {
        /// It could not be started.
        case cannotStart(reason: String)
        /// It ran longer than the time limit and was stopped.
        case timedOut
    }

    /// How long a program stopped at its time limit has to exit before it is killed.
    static let grace = 2.0

    /// Runs `arguments` (the program, then its arguments) with `environment` (the caller's when nil) and `input` on
    /// its standard input (none when nil), stopping it after `timeout` seconds.
    package static func run(
        _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil, timeout: Double
    ) throws(Failure) -> Outcome {
        var stdin: [Int32] = [-1, -1]
        var stdout: [Int32] = [-1, -1]
        var stderr: [Int32] = [-1, -1]
        let opened = [
            input == nil || respond_pipe_cloexec(&stdin, 0) == 0, respond_pipe_cloexec(&stdout, 0) == 0,
            respond_pipe_cloexec(&stderr, 0) == 0,
        ]
        guard opened.allSatisfy({ $0 }) else {
            let reason = String(cString: strerror(errno))
            for fd in stdin + stdout + stderr where fd >= 0 { close(fd) }
            throw .cannotStart(reason: reason)
        }
        let spawned = ProcessSpawn.spawn(
            ["/usr/bin/env"] + arguments, environment: environment, stdin: input == nil ? nil : stdin[0],
            stdout: stdout[1], stderr: stderr[1], group: .own)
        for fd in [stdin[0], stdout[1], stderr[1]] where fd >= 0 { close(fd) }
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let error):
            for fd in [stdin[1], stdout[0], stderr[0]] where fd >= 0 { close(fd) }
            throw .cannotStart(reason: error.reason)
        }
        if let input {
            // The input is written beside the wait: more than the pipe holds blocks until the program reads it. A
            // program that exits before reading it all must make the write fail, not kill the caller.
            signal(SIGPIPE, SIG_IGN)
            let fd = stdin[1]
            DispatchQueue.global().async {
                _ = input.withUnsafeBytes { FileDescriptorWriting.writeAll(fd, $0) }
                close(fd)
            }
        }
        let output = PipeReader(stdout[0])
        let errors = PipeReader(stderr[0])
        let exit = ExitWaiter(pid)
        guard let status = exit.wait(seconds: timeout) else {
            // The whole group: what the program started (git's ssh) holds the pipes open too. A program that
            // ignores SIGTERM is killed after a grace period, so that a timeout always ends the wait.
            kill(-pid, SIGTERM)
            if exit.wait(seconds: Self.grace) == nil {
                kill(-pid, SIGKILL)
                _ = exit.wait(seconds: nil)
            }
            throw .timedOut
        }
        return Outcome(
            status: status, output: Data(output.wait()),
            errors: String(decoding: errors.wait(), as: UTF8.self).trimmingScalars(in: .whitespacesAndNewlines))
    }

}

/// Waits for a child to exit on a thread of Dispatch's, so the caller can wait with a time limit.
private final class ExitWaiter: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let status = Mutex<Int32>(0)

    init(_ pid: pid_t) {
        DispatchQueue.global().async { [self] in
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
            // Exited: its exit status; killed: the signal's number, as Foundation's `terminationStatus` gives.
            let code: Int32 =
                switch WaitStatus(raw) {
                case .exited(let code): code
                case .signaled(let signal): signal
                }
            status.withLock { $0 = code }
            done.signal()
        }
    }

    /// The child's status once it has exited, or nil when `seconds` passed first (never, for nil).
    func wait(seconds: Double?) -> Int32? {
        if let seconds {
            guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        } else {
            done.wait()
        }
        done.signal()
        return status.withLock { $0 }
    }
}
