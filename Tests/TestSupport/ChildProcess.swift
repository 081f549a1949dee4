import CProcessSpawn
import Foundation

/// A failure to start or reap a process, with the program and the system's reason.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What failed and why.
    public let description: String
}

/// A program started with `posix_spawn` and reaped with `waitpid`: exactly the environment it is given, every
/// signal unblocked and at its default whatever the test runner does with its own, standard input from a file,
/// standard output and error onto files or descriptors the caller chose.
public final class ChildProcess {
    /// Where one of the child's output streams goes.
    public enum Output {
        /// A file, created or truncated (`/dev/null` to discard).
        case file(String)
        /// A descriptor of the parent, such as a pipe's write end opened close-on-exec.
        case descriptor(Int32)
    }

    /// The child's process id.
    public let pid: pid_t

    /// Starts `path` with `arguments` in `directory` (the parent's when nil); with `ownProcessGroup` the child
    /// leads a new process group, so that it and everything it starts can be signalled at once.
    public init(
        _ path: String, _ arguments: [String], environment: [String: String], stdinPath: String = "/dev/null",
        stdout: Output, stderr: Output, directory: String? = nil, ownProcessGroup: Bool = false
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        for (descriptor, output) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch output {
            case .file(let file):
                posix_spawn_file_actions_addopen(&actions, descriptor, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .descriptor(let source):
                posix_spawn_file_actions_adddup2(&actions, source, descriptor)
            }
        }
        if let directory {
            respond_spawn_addchdir(&actions, directory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        respond_spawnattr_reset_signals(&attributes, ownProcessGroup ? Int16(POSIX_SPAWN_SETPGROUP) : 0)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw ChildProcessError(description: "cannot run \(path): \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    /// Waits for the child to end: its exit status, or 128 plus the signal that killed it, as a shell reports it.
    public func waitForExit() throws -> Int32 {
        try waitForExitWithPeakMemory().status
    }

    /// Waits for the child to end: its status as `waitForExit()` gives it, and the most memory it held at once
    /// (its peak resident set), in bytes.
    public func waitForExitWithPeakMemory() throws -> (status: Int32, peakBytes: Int) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw ChildProcessError(
                    description: "waitpid failed for process \(pid): \(String(cString: strerror(errno)))")
            }
        }
        let signal = status & 0x7F
        // Linux reports ru_maxrss in kilobytes.
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, usage.ru_maxrss * 1024)
    }
}

/// A new pipe whose ends are closed on exec, so that a child gets only the end it is handed: (read, write).
public func closeOnExecPipe() throws -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard respond_pipe_cloexec(&ends, 0) == 0 else {
        throw ChildProcessError(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
    }
    return (ends[0], ends[1])
}
