import CNcursesw
import Glibc
import Synchronization

/// Puts the terminal back the way the shell had it on every way out of the guide: a normal return, `exit`,
/// a terminating signal (noted here and acted on by the run loop, outside the handler) and a crash (restored
/// from the handler with async-signal-safe calls only, then the crash proceeds).
public enum TerminalGuard {
    /// The signals that end the guide in an orderly way: the loop notices them within one tick.
    public static let terminatingSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    private static let pending = Atomic<Int32>(0)
    private static let cursesActive = Atomic<Bool>(false)
    private static let installed = Atomic<Bool>(false)

    // Prepared before any handler is installed, so the crash handler only reads memory and makes system calls.
    nonisolated(unsafe) private static let shellModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let shellModesSaved = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    nonisolated(unsafe) private static let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static let resetBytes: UnsafeMutableBufferPointer<UInt8> = {
        // Leave the alternate screen, reset attributes, show the cursor, stop bracketing pastes.
        let bytes = Array("\u{1B}[?1049l\u{1B}[0m\u{1B}[?25h\u{1B}[?2004l\r\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return buffer
    }()

    /// Saves the shell's terminal modes and installs the handlers; call once, before curses starts.
    public static func install() {
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        shellModesSaved.pointee = tcgetattr(STDIN_FILENO, shellModes) == 0
        _ = resetBytes.count
        _ = pending.load(ordering: .relaxed)
        for signal in terminatingSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                TerminalGuard.pending.store(signal, ordering: .sequentiallyConsistent)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                TerminalGuard.restoreFromSignalHandler(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previousActions + Int(signal))
        }
        // A parent may have left these blocked (test runners and some supervisors do); blocked, a signal would
        // wait forever instead of ending the guide, and a resize or a resume from Ctrl-Z would go unseen.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in terminatingSignals + crashSignals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&handled, signal) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        atexit { TerminalGuard.restoreCurses() }
    }

    /// The terminating signal that arrived since `install`, if any.
    public static var pendingSignal: Int32? {
        let signal = pending.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Records whether curses owns the terminal, so the exit paths know whether to end it.
    static func setCursesActive(_ active: Bool) {
        cursesActive.store(active, ordering: .sequentiallyConsistent)
    }

    /// Ends curses if it is still active, and bracketed paste with it; safe to call more than once.
    static func restoreCurses() {
        guard cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
        if !isendwin() { endwin() }
        setBracketedPaste(false)
    }

    /// Asks the terminal to mark pastes (mode 2004) or to stop; a terminal without the mode ignores both.
    static func setBracketedPaste(_ on: Bool) {
        let sequence = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        var written = 0
        while written < sequence.count {
            let count = sequence.withUnsafeBytes {
                write(STDOUT_FILENO, $0.baseAddress! + written, sequence.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    private static func restoreFromSignalHandler(_ signal: Int32) {
        if cursesActive.load(ordering: .relaxed) {
            if shellModesSaved.pointee { tcsetattr(STDIN_FILENO, TCSANOW, shellModes) }
            _ = write(STDOUT_FILENO, resetBytes.baseAddress, resetBytes.count)
        }
        sigaction(signal, previousActions + Int(signal), nil)
        raise(signal)
    }
}
