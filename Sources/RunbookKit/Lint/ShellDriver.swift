import CProcessSpawn
import Dispatch
import FoundationEssentials
import Glibc

/// Runs one program with `posix_spawn`, feeding it bytes on stdin and collecting its stdout, for the `bash -n`
/// checker. Safe to call from several threads at once, which lint does from every core.
///
/// Foundation's `Process` is not: on Linux it makes its pipes without close-on-exec, adds a close action for every
/// descriptor up to the highest one open when it looked (while other threads open and close theirs), and registers
/// each process with a shared manager thread's run loop and a run loop source on the calling (Dispatch worker)
/// thread. Parallel lint workers launching processes through it crashed with SIGSEGV and SIGILL inside
/// `Process.run()`. Here every descriptor is made close-on-exec atomically, the child gets exactly stdin, stdout
/// and stderr, and the caller's own thread reads and reaps with `poll` and `waitpid`.
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
    ///
    /// The input is a file, written first and unlinked at once, rather than a pipe: bash reads a pipe one byte
    /// per system call (so as never to read past the line a `read` wants), which made reading a library's blocks
    /// cost seconds; from a file it reads blocks of bytes and seeks back.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8], timeout: Double) -> Outcome {
        let inputFile: Int32
        switch temporaryFile(holding: input) {
        case .success(let descriptor):
            inputFile = descriptor
        case .failure(let error):
            // Said apart from a bash that cannot start: the fix is the temporary directory, not bash.
            return .cannotStart("no temporary file in \(temporaryDirectory): \(errorText(error.code))")
        }
        var stdoutPipe: [Int32] = [-1, -1]
        guard respond_pipe_cloexec(&stdoutPipe, 0) == 0 else {
            let code = errno
            close(inputFile)
            return .cannotStart(errorText(code))
        }
        let pid: pid_t
        switch ProcessSpawn.spawn([executable] + arguments, stdin: inputFile, stdout: stdoutPipe[1], stderr: nil) {
        case .success(let child):
            pid = child
        case .failure(let failure):
            for fd in [inputFile] + stdoutPipe { close(fd) }
            return .cannotStart(failure.reason)
        }
        close(inputFile)
        close(stdoutPipe[1])
        let output = readAll(stdoutPipe[0], timeout: timeout)
        if output == nil {
            kill(pid, SIGKILL)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return output.map { .finished($0) } ?? .timedOut
    }

    /// `$TMPDIR`, else `/tmp`.
    private static var temporaryDirectory: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// A new file in the temporary directory holding `bytes`, open for reading from its start and already unlinked,
    /// so nothing is left behind whatever happens next.
    private static func temporaryFile(holding bytes: [UInt8]) -> Result<Int32, Errno> {
        var path = Array((temporaryDirectory + "/respond-lint-XXXXXX").utf8CString)
        let descriptor = path.withUnsafeMutableBufferPointer { respond_temporary_file_cloexec($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(Errno(errno)) }
        unlink(path.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        if let code = bytes.withUnsafeBytes({ FileDescriptorWriting.writeAll(descriptor, $0) }) {
            close(descriptor)
            return .failure(Errno(code))
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(Errno(code))
        }
        return .success(descriptor)
    }

    /// An error number as an `Error`, for `Result`.
    private struct Errno: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
    }

    /// Reads the child's output until it closes it, then closes the read end. Nil when `timeout` seconds pass first.
    private static func readAll(_ readEnd: Int32, timeout: Double) -> [UInt8]? {
        defer { close(readEnd) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
            let waitMilliseconds = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&fds, 1, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            guard fds[0].revents != 0 else { continue }
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

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
