import Foundation

/// Starts `/bin/sh` with `posix_spawn` in a new session (and so its own process group, with no controlling
/// terminal): Ctrl-C at the guide's terminal never reaches it, a signal to the group reaches every process it
/// started, and a program that asks the terminal for a password fails at once instead of stopping the guide.
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
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        let chdirStatus = spawnAddChdir(&actions, workingDirectory)
        guard chdirStatus == 0 else { throw .cannotStart(reason: CommandRunnerError.reason(chdirStatus)) }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard status == 0 else { throw .cannotStart(reason: CommandRunnerError.reason(status)) }
        return pid
    }
}

/// glibc's `POSIX_SPAWN_SETSID` (since 2.26): the child calls `setsid`. The header guards it with
/// `_GNU_SOURCE`, which Swift's Glibc module does not define.
private let spawnSetSID: Int32 = 0x80

/// glibc's `posix_spawn_file_actions_addchdir_np` (since 2.29), hidden from Swift by the same guard; the child
/// changes directory before it executes, so no thread of this process ever changes its own.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(
    _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>
) -> Int32
