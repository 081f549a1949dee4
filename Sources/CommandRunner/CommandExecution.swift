import CProcessSpawn
import Dispatch
import FoundationEssentials
import Glibc
import RunbookKit
import Synchronization

/// One running command: started with `start`, its output streams to a callback and to `takeOutput()`,
/// `cancel()` stops it, and `result` (or `waitForResult`) gives what came of it.
///
/// The command runs under bash as `ShellInvocation` says (every command in turn, or up to the first failure for
/// a script; a pipeline fails when any part fails; the block's status is its first failing command's), in a new
/// session, so it has its own process group and no controlling terminal; stdin is `/dev/null`; stdout and stderr
/// are merged. Stopping it (cancel or timeout) sends SIGTERM to the whole group, then SIGKILL after the
/// request's grace. When the shell exits on its own, processes it left running in the background are not
/// stopped; output they write after the shell exited is not captured. The output goes, unredacted, to
/// `commands/<time>-<runbook>-<step>.log` (0600) in the incident directory, up to the request's cap, with a
/// redacted `+ command` line before each command's output: it is the evidence, kept as private as the journal.
/// The excerpt in the result is stripped of control sequences, redacted and bounded.
public final class CommandExecution: Sendable {
    /// What is being run.
    public let request: CommandRequest
    /// The output's file, relative to the incident directory.
    public let outputFile: String
    /// The output's absolute path.
    public let outputPath: String
    /// The shell's process id, which is also its process group and session id.
    public let processID: pid_t
    /// When it started.
    public let startedAt: Date

    /// What the supervisor's thread and the callers share.
    private struct Shared {
        var pendingOutput = ""
        var finished: CommandResult?
        var cancelRequested = false
        var wakeOpen = true
    }

    private let shared = Mutex(Shared())
    /// Entered at the start, left when the result is in: what `waitForResult` waits on.
    private let running = DispatchGroup()
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// The most text `takeOutput()` holds for a caller that has not taken it; older text is dropped (the file
    /// keeps everything).
    public static let pendingOutputLimit = 1 << 20

    /// Starts the command, or throws when the policy forbids running or it cannot start.
    /// - Parameters:
    ///   - redact: applied to the excerpt; pass the journal's `Redactor.redact`.
    ///   - onOutput: called on the runner's own thread with each piece of output text as it arrives.
    public static func start(
        _ request: CommandRequest, policy: ExecutionPolicy, redact: @escaping @Sendable (String) -> String,
        onOutput: (@Sendable (String) -> Void)? = nil
    ) throws(CommandRunnerError) -> CommandExecution {
        try policy.check()
        var status = stat()
        guard stat(request.workingDirectory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .missingWorkingDirectory(path: request.workingDirectory)
        }
        let startedAt = Date()
        var log = try OutputLog(
            incidentDirectory: request.incidentDirectory, step: request.step, startedAt: startedAt,
            cap: request.outputCap)
        var output: [Int32] = [0, 0]
        var wake: [Int32] = [0, 0]
        guard makePipe(&output, flags: 0) else {
            log.close()
            throw .cannotCreatePipe(reason: CommandRunnerError.reason(errno))
        }
        guard makePipe(&wake, flags: O_NONBLOCK) else {
            let reason = CommandRunnerError.reason(errno)
            close(output[0])
            close(output[1])
            log.close()
            throw .cannotCreatePipe(reason: reason)
        }
        let tag = MarkerTag()
        let invocation = ShellInvocation(request, tag: tag)
        let pid: pid_t
        // In a session of its own: Ctrl-C at the guide's terminal never reaches it, a signal to the group reaches
        // every process it started, and a program that asks the terminal for a password fails at once instead of
        // stopping the guide. Its output and errors go to one pipe, in the order it wrote them.
        switch ProcessSpawn.spawn(
            invocation.arguments, environment: invocation.environment, stdin: nil, stdout: output[1],
            stderr: output[1], group: .session, workingDirectory: request.workingDirectory)
        {
        case .success(let started):
            pid = started
        case .failure(let failure):
            for fd in [output[0], output[1], wake[0], wake[1]] { close(fd) }
            log.close()
            throw .cannotStart(reason: failure.reason)
        }
        close(output[1])
        _ = fcntl(output[0], F_SETFL, fcntl(output[0], F_GETFL) | O_NONBLOCK)
        let execution = CommandExecution(
            request: request, log: log, processID: pid, startedAt: startedAt, wakeRead: wake[0], wakeWrite: wake[1])
        let supervisor = CommandSupervisor(
            request: request, processID: pid, output: output[0], wake: wake[0], log: log, tag: tag, redact: redact,
            startedAt: startedAt)
        let started = DetachedThread.start {
            let result = supervisor.run(
                cancelRequested: { execution.isCancelRequested },
                deliver: { text in
                    execution.keep(text)
                    onOutput?(text)
                })
            execution.finish(result)
        }
        guard started == 0 else {
            // Nothing would watch the command: it is stopped before anyone waits for it.
            let reason = CommandRunnerError.reason(started)
            kill(-pid, SIGKILL)
            _ = waitpid(pid, nil, 0)
            close(output[0])
            log.close()
            execution.finish(nil)
            throw .cannotStart(reason: reason)
        }
        return execution
    }

    private init(
        request: CommandRequest, log: OutputLog, processID: pid_t, startedAt: Date, wakeRead: Int32, wakeWrite: Int32
    ) {
        self.request = request
        outputFile = log.relativePath
        outputPath = log.path
        self.processID = processID
        self.startedAt = startedAt
        self.wakeRead = wakeRead
        self.wakeWrite = wakeWrite
        running.enter()
    }

    /// Stops the command: SIGTERM to its process group now, SIGKILL after the grace if anything is left. The
    /// result then says `cancelled`. Does nothing once it has finished.
    public func cancel() {
        shared.withLock { shared in
            guard shared.finished == nil, !shared.cancelRequested else { return }
            shared.cancelRequested = true
            if shared.wakeOpen {
                var byte: UInt8 = 1
                _ = write(wakeWrite, &byte, 1)
            }
        }
    }

    /// The output text that arrived since the last call, for a run loop that draws on each tick.
    public func takeOutput() -> String {
        shared.withLock { shared in
            defer { shared.pendingOutput = "" }
            return shared.pendingOutput
        }
    }

    /// What came of the command, or nil while it is still running.
    public var result: CommandResult? {
        shared.withLock { $0.finished }
    }

    /// Blocks until the command has finished and returns its result.
    public func waitForResult() -> CommandResult {
        running.wait()
        // The group is left only after the result is set.
        return result!
    }

    /// Blocks until the command has finished or `limit` has passed; nil when it is still running.
    public func waitForResult(upTo limit: Duration) -> CommandResult? {
        let nanoseconds = min(limit.seconds * 1e9, Double(Int.max / 2))
        _ = running.wait(timeout: .now() + .nanoseconds(Int(max(0, nanoseconds))))
        return result
    }

    private var isCancelRequested: Bool {
        shared.withLock { $0.cancelRequested }
    }

    private func keep(_ text: String) {
        shared.withLock { shared in
            shared.pendingOutput += text
            if shared.pendingOutput.utf8.count > Self.pendingOutputLimit {
                shared.pendingOutput = String(shared.pendingOutput.suffix(Self.pendingOutputLimit / 2))
            }
        }
    }

    private func finish(_ result: CommandResult?) {
        shared.withLock { shared in
            shared.finished = result
            shared.wakeOpen = false
            close(wakeRead)
            close(wakeWrite)
        }
        running.leave()
    }
}

/// A pipe whose ends are close-on-exec (so no other child inherits them) with `flags` set on both.
private func makePipe(_ ends: inout [Int32], flags: Int32) -> Bool {
    respond_pipe_cloexec(&ends, flags) == 0
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
