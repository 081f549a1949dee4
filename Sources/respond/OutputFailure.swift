import FoundationEssentials
import Glibc
import Localization

/// A document that could not be written where it was sent, with the system's reason; nothing was left half
/// written.
struct OutputFailure: Error, CustomStringConvertible {
    /// The step that failed.
    enum Step {
        /// Creating or writing the file (or its temporary file).
        case write
        /// Renaming the finished temporary file over the target.
        case move
        /// Syncing the directory after the rename.
        case flushDirectory
        /// Writing to standard output (`-o -`).
        case standardOutput
        /// Keeping a draft's lists in scratch files in a directory for temporary files.
        case scratch
    }

    let step: Step
    /// The file; empty for standard output.
    let path: String
    /// The `errno` of the failure.
    let code: Int32

    /// One line in English, for logs and tests.
    var description: String { description(in: Localizer(.english)) }

    /// One line in the words of `localizer`.
    func description(in localizer: Localizer) -> String {
        let reason = String(cString: strerror(code))
        return switch step {
        case .write: localizer.tr("cli.output.cannot_write", ["path": path, "reason": reason])
        case .move: localizer.tr("cli.output.cannot_move", ["path": path, "reason": reason])
        case .flushDirectory: localizer.tr("cli.output.cannot_flush", ["path": path, "reason": reason])
        case .standardOutput: localizer.tr("cli.output.cannot_write_stdout", ["reason": reason])
        case .scratch: localizer.tr("cli.output.cannot_scratch", ["path": path, "reason": reason])
        }
    }
}
