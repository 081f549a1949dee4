import CProcessSpawn
import Glibc

/// Starts a program with `posix_spawn`, the one way `respond` starts one: `bash -n` for lint, a runbook's command,
/// `git` and `tmux`. The child gets exactly the standard streams given (every other descriptor of this process is
/// made close-on-exec where it is opened, so the other threads' pipes never reach it) and starts with every signal
/// at its default and none blocked, whatever this process does with SIGPIPE or its threads' masks.
package enum ProcessSpawn {
    /// Where the child stands among the terminal's processes.
    package enum Group: Sendable {
        /// In this process's group: Ctrl-C at the terminal reaches it too.
        case inherited
        /// In a group of its own: Ctrl-C at the terminal is this process's alone.
        case own
        /// In a session of its own, with no controlling terminal: a signal to its group reaches every process it
        /// starts, and a program that asks the terminal for a password fails at once instead of stopping this one.
        case session
    }

    /// Why a program could not be started: the system's error number.
    package struct Failure: Error, Sendable {
        /// The error number (`errno`'s meaning).
        package let code: Int32

        /// The system's text for the error.
        package var reason: String { String(cString: strerror(code)) }
    }

    /// Starts `arguments[0]` (a path, not looked up on `PATH`) with `arguments` as its `argv`, `environment` as its
    /// whole environment (this process's when nil), and `stdin`, `stdout` and `stderr` as its standard streams
    /// (`/dev/null` for a nil one), in `group`, in `workingDirectory` when one is given; its process id.
    package static func spawn(
        _ arguments: [String], environment: [String: String]? = nil, stdin: Int32?, stdout: Int32?, stderr: Int32?,
        group: Group = .inherited, workingDirectory: String? = nil
    ) -> Result<pid_t, Failure> {
        precondition(!arguments.isEmpty, "a program to start")
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let groupFlags: Int32 =
            switch group {
            case .inherited: 0
            case .own: Int32(POSIX_SPAWN_SETPGROUP)
            case .session: respond_spawn_setsid_flag()
            }
        if group == .own { posix_spawnattr_setpgroup(&attributes, 0) }
        let attributeStatus = respond_spawnattr_reset_signals(&attributes, Int16(groupFlags))
        guard attributeStatus == 0 else { return .failure(Failure(code: attributeStatus)) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 onto 0, 1 and 2 clears close-on-exec on the copies only.
        for (target, source, mode) in [(Int32(0), stdin, O_RDONLY), (1, stdout, O_WRONLY), (2, stderr, O_WRONLY)] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", mode, 0)
            }
        }
        if let workingDirectory {
            let status = respond_spawn_addchdir(&actions, workingDirectory)
            guard status == 0 else { return .failure(Failure(code: status)) }
        }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for string in argv + (envp ?? []) { free(string) }
        }
        var pid = pid_t()
        let status =
            if let envp {
                posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
            } else {
                posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
            }
        return status == 0 ? .success(pid) : .failure(Failure(code: status))
    }
}
