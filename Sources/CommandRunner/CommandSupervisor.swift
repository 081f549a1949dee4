import Foundation

/// The loop that watches one running command on its own thread: reads its output as it comes, notices its
/// exit, a cancel or the timeout, stops its process group, and builds the result.
struct CommandSupervisor: @unchecked Sendable {
    let request: CommandRequest
    let processID: pid_t
    let output: Int32
    let wake: Int32
    var log: OutputLog
    let redact: @Sendable (String) -> String
    let startedAt: Date

    /// How often the loop looks at the shell's state when no output arrives: a shell that exited while a
    /// background child keeps the pipe open sends no event.
    private static let checkInterval: Int32 = 50

    /// Runs until the shell has exited and its output is read; returns the result.
    func run(cancelRequested: () -> Bool, deliver: (String) -> Void) -> CommandResult {
        var log = self.log
        var decoder = UTF8ChunkDecoder()
        var excerpt = OutputExcerptBuilder(limits: request.excerptLimits)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + request.timeout
        var stopReason: StopReason?
        var killAt: ContinuousClock.Instant?
        var status: Int32?
        var endOfOutput = false

        func take(_ count: Int) {
            log.write(buffer[..<count])
            let text = decoder.decode(buffer[..<count])
            if !text.isEmpty {
                excerpt.append(text)
                deliver(text)
            }
        }

        /// Reads what the pipe holds now; false at end of output.
        func readAvailable() -> Bool {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count > 0 {
                    take(count)
                    continue
                }
                if count == 0 { return false }
                return errno == EINTR
                    ? true
                    : (errno == EAGAIN || errno == EWOULDBLOCK)
            }
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
                if !endOfOutput { _ = readAvailable() }
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
            if descriptors.count > 1, descriptors[1].revents != 0, !readAvailable() {
                endOfOutput = true
            }
        }
        let tail = decoder.finish()
        if !tail.isEmpty {
            excerpt.append(tail)
            deliver(tail)
        }
        log.close()
        close(output)
        let duration = (clock.now - start).seconds
        let exitStatus = status ?? 0
        let signaled = exitStatus & 0x7F != 0
        return CommandResult(
            commandLine: request.commandLine,
            exitCode: signaled ? nil : (exitStatus >> 8) & 0xFF,
            signal: signaled ? exitStatus & 0x7F : nil,
            stoppedBecause: stopReason, startedAt: startedAt, durationSeconds: duration,
            outputExcerpt: excerpt.excerpt(redact: redact), outputFile: log.relativePath,
            outputBytes: log.bytesWritten, outputFileProblem: log.failure)
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
