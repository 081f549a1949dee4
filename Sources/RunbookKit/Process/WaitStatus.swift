/// How a child ended, read from the status `waitpid` gives (glibc's `WIFSIGNALED`, `WTERMSIG`, `WEXITSTATUS`,
/// which Swift's Glibc module does not import).
package enum WaitStatus: Equatable {
    /// It exited with this code.
    case exited(Int32)
    /// A signal of this number ended it.
    case signaled(Int32)

    /// The ending `raw`, a status from `waitpid`, stands for.
    package init(_ raw: Int32) {
        let signal = raw & 0x7F
        self = signal == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(signal)
    }
}
