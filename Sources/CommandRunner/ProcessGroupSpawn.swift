import CProcessSpawn
import FoundationEssentials
import Glibc

/// Starts the shell `arguments[0]` with `posix_spawn` in a new session (and so its own process group, with no
/// controlling terminal): Ctrl-C at the guide's terminal never reaches it, a signal to the group reaches every
/// process it started, and a program that asks the terminal for a password fails at once instead of stopping the
/// guide.
/// Stdin is `/dev/null`; stdout and stderr both go to `output`; signal dispositions and the mask are reset to
/// the defaults.
enum ProcessGroupSpawn {
    static func spawn(
        arguments: [String], environment: [String: String], workingDirectory: String, output: Int32
    ) throws(CommandRunnerError) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [
            SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH, SIGALRM,
        ] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(
            &attributes, Int16(respond_spawn_setsid_flag() | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        let chdirStatus = respond_spawn_addchdir(&actions, workingDirectory)
        guard chdirStatus == 0 else { throw .cannotStart(reason: CommandRunnerError.reason(chdirStatus)) }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for string in argv + envp { free(string) }
        }
        var pid = pid_t()
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw .cannotStart(reason: CommandRunnerError.reason(status)) }
        return pid
    }
}
