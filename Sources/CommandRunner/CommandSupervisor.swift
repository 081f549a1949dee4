import FoundationEssentials
import Glibc
import RunbookKit

/// The loop that watches one running command on its own thread: reads its output as it comes, notices its
/// exit, a cancel or the timeout, stops its process group, and builds the result.
///
/// Output is read in turns of at most `readBudget` bytes, and the loop looks at the shell, a cancel and the
/// clock between turns (a turn ends early, after the chunk it is in, once a stop is due): a command writing
/// faster than its output is handled (one endless line, a loop of markers) is still stopped on time.
struct CommandSupervisor: @unchecked Sendable {
    let request: CommandRequest
    let processID: pid_t
    let output: Int32
    let wake: Int32
    let log: OutputLog
    let tag: MarkerTag
    let redact: @Sendable (String) -> String
    let startedAt: Date

    /// How often the loop looks at the shell's state when no output arrives: a shell that exited while a
    /// background child keeps the pipe open sends no event.
    private static let checkInterval: Int32 = 50
    /// The most bytes read in one turn of the loop.
    static let readBudget = 1 << 20
    /// The size of one read.
    private static let chunkSize = 65_536

    /// What one turn of reading found.
    private enum Reading {
        /// The pipe is empty for now.
        case drained
        /// The turn's budget ran out with more to read.
        case more
        /// Every writer has closed the pipe.
        case ended
    }

    /// Runs until the shell has exited and its output is read; returns the result.
    func run(cancelRequested: () -> Bool, deliver: @escaping (String) -> Void) -> CommandResult {
        var transcript = OutputTranscript(
            log: log, tag: tag, limits: request.excerptLimits, redact: redact, deliver: deliver)
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + request.timeout
        var stopReason: StopReason?
        var killAt: ContinuousClock.Instant?
        var status: Int32?
        var endOfOutput = false

        /// Whether the loop has a stop to start: a cancel or the deadline, while none has been started.
        func stopIsDue() -> Bool {
            stopReason == nil && (clock.now >= deadline || cancelRequested())
        }

        /// Reads what the pipe holds now, up to the budget or until a stop is due.
        func readTurn() -> Reading {
            var taken = 0
            while taken < Self.readBudget {
                let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count > 0 {
                    transcript.take(buffer[..<count], now: clock.now)
                    taken += count
                    if stopIsDue() { return .more }
                    continue
                }
                if count == 0 { return .ended }
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK ? .drained : .ended
            }
            return .more
        }

        func stop(_ reason: StopReason) {
            stopReason = reason
            kill(-processID, SIGTERM)
            kill(-processID, SIGCONT)
            killAt = clock.now + request.killGrace
        }

        while true {
            if status == nil, hasExited() {
                if stopReason != nil { kill(-processID, SIGKILL) }
                status = reap()
            }
            if status != nil {
                // One last turn: what the shell wrote before it exited is in the pipe; a background child that
                // keeps writing after it is not waited for.
                if !endOfOutput { _ = readTurn() }
                break
            }
            let now = clock.now
            if stopReason == nil {
                if cancelRequested() {
                    stop(.cancelled)
                } else if now >= deadline {
                    stop(.timedOut)
                }
            } else if let killTime = killAt, now >= killTime {
                kill(-processID, SIGKILL)
                killAt = nil
            }
            var descriptors = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            if !endOfOutput { descriptors.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            // In 64 bits: a timeout of weeks does not fit a poll timeout in milliseconds.
            let untilDeadline = stopReason == nil ? max(0, (deadline - now).milliseconds) : Int64(Self.checkInterval)
            _ = poll(&descriptors, nfds_t(descriptors.count), Int32(min(Int64(Self.checkInterval), untilDeadline + 1)))
            if descriptors[0].revents != 0 {
                var drained: UInt8 = 0
                while read(wake, &drained, 1) > 0 {}
            }
            if descriptors.count > 1, descriptors[1].revents != 0, readTurn() == .ended {
                endOfOutput = true
            }
            transcript.showHeld(now: clock.now)
        }
        transcript.finish()
        var log = transcript.log
        log.close()
        close(output)
        let duration = (clock.now - start).seconds
        let ended = WaitStatus(status ?? 0)
        var exitCode: Int32?
        var signal: Int32?
        switch ended {
        case .exited(let code): exitCode = transcript.firstFailure ?? code
        case .signaled(let number): signal = number
        }
        return CommandResult(
            commandLine: request.commandLine, exitCode: exitCode, signal: signal,
            stoppedBecause: stopReason, startedAt: startedAt, durationSeconds: duration,
            outputExcerpt: transcript.excerpt.excerpt(redact: redact), outputFile: log.relativePath,
            outputBytes: transcript.outputBytes, outputDroppedBytes: transcript.droppedBytes, outputCap: log.cap,
            outputFileProblem: log.failure)
    }

    /// Whether the shell has exited, without reaping it: its process group stays valid for a last SIGKILL.
    private func hasExited() -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(processID), &info, WEXITED | WNOHANG | WNOWAIT) != 0 {
            if errno != EINTR { return true }
        }
        return info.si_signo == SIGCHLD
    }

    /// Reaps the shell and returns its wait status.
    private func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 {
            if errno != EINTR { return 0 }
        }
        return status
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
