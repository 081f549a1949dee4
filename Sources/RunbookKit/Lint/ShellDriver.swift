import CProcessSpawn
import Foundation

/// Runs one program with `posix_spawn`, feeding it bytes on stdin and collecting its stdout, for the `bash -n`
/// checker. Safe to call from several threads at once, which lint does from every core.
///
/// Foundation's `Process` is not: on Linux it makes its pipes without close-on-exec, adds a close action for every
/// descriptor up to the highest one open when it looked (while other threads open and close theirs), and registers
/// each process with a shared manager thread's run loop and a run loop source on the calling (Dispatch worker)
/// thread. Parallel lint workers launching processes through it crashed with SIGSEGV and SIGILL inside
/// `Process.run()`. Here every descriptor is made close-on-exec atomically, the child gets exactly stdin, stdout
/// and stderr, and the caller's own thread writes, reads and reaps with `poll` and `waitpid`.
enum ShellDriver {
    /// How a run ended.
    enum Outcome: Equatable {
        /// The program closed its stdout and exited; what it wrote.
        case finished([UInt8])
        /// The program could not be started; the system's reason.
        case cannotStart(String)
        /// The program did not finish within the timeout and was killed.
        case timedOut
    }

    /// Runs `executable` with `arguments` (its `argv[0]` is the executable), the process's environment, `input` on
    /// its stdin and its stderr discarded, and waits up to `timeout` seconds for it to close its stdout.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8], timeout: Double) -> Outcome {
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        guard respond_pipe_cloexec(&stdinPipe, 0) == 0 else { return .cannotStart(errorText(errno)) }
        guard respond_pipe_cloexec(&stdoutPipe, 0) == 0 else {
            let code = errno
            close(stdinPipe[0])
            close(stdinPipe[1])
            return .cannotStart(errorText(code))
        }
        let pid: pid_t
        switch spawn(executable, arguments, stdin: stdinPipe[0], stdout: stdoutPipe[1]) {
        case .success(let child):
            pid = child
        case .failure(let code):
            for fd in stdinPipe + stdoutPipe { close(fd) }
            return .cannotStart(errorText(code))
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        let output = exchange(input: input, writeEnd: stdinPipe[1], readEnd: stdoutPipe[0], timeout: timeout)
        if output == nil {
            kill(pid, SIGKILL)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return output.map { .finished($0) } ?? .timedOut
    }

    private enum SpawnResult {
        case success(pid_t)
        case failure(Int32)
    }

    private static func spawn(_ executable: String, _ arguments: [String], stdin: Int32, stdout: Int32) -> SpawnResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 onto 0 and 1 clears close-on-exec on the copies only; every other descriptor of this process, the
        // other workers' pipes among them, is close-on-exec and never reaches the child.
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with every signal at its default and none blocked, whatever this process does with
        // SIGPIPE (ignored below) or its threads' masks.
        respond_spawnattr_reset_signals(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for string in argv { free(string) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        return status == 0 ? .success(pid) : .failure(status)
    }

    /// Writes `input` to the child and reads its output until it closes it, both at once so that neither pipe can
    /// fill and stall the other; closes both ends. Nil when `timeout` seconds pass first.
    private static func exchange(input: [UInt8], writeEnd: Int32, readEnd: Int32, timeout: Double) -> [UInt8]? {
        // A child that exits before reading all its input must make the write fail, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        var stdinOpen: Int32? = input.isEmpty ? nil : writeEnd
        if stdinOpen == nil { close(writeEnd) }
        defer {
            if let stdinOpen { close(stdinOpen) }
            close(readEnd)
        }
        var written = 0
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
            if let stdinOpen { fds.append(pollfd(fd: stdinOpen, events: Int16(POLLOUT), revents: 0)) }
            let waitMilliseconds = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if let writeFD = stdinOpen, fds.count > 1, fds[1].revents != 0 {
                let count = input.withUnsafeBytes { bytes -> Int in
                    guard let base = bytes.baseAddress else { return 0 }
                    return Glibc.write(writeFD, base + written, bytes.count - written)
                }
                if count > 0 { written += count }
                // Done, or the child stopped reading (EPIPE): close stdin either way so that it sees its end.
                if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                    close(writeFD)
                    stdinOpen = nil
                }
            }
            if fds[0].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Glibc.read(readEnd, base, buffer.count)
                }
                if count == 0 { return output }
                if count > 0 {
                    output += chunk[..<count]
                } else if errno != EINTR && errno != EAGAIN {
                    return output
                }
            }
        }
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
