import FoundationEssentials
import Glibc

/// Why a command could not be run, in words the walkthrough can show as they are.
public enum CommandRunnerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Running commands is switched off (`--no-exec` or `RESPOND_NO_EXEC=1`, named in `source`).
    case executionDisabled(source: String)
    /// The working directory does not exist or is not a directory.
    case missingWorkingDirectory(path: String)
    /// The output file or its `commands/` directory could not be created.
    case cannotCreateOutputFile(path: String, reason: String)
    /// The pipe for the command's output could not be made.
    case cannotCreatePipe(reason: String)
    /// The shell (`/bin/bash`) could not be started.
    case cannotStart(reason: String)

    /// One line for the status bar or the output pane.
    public var description: String {
        switch self {
        case .executionDisabled(let source):
            "running commands is disabled (\(source)); copy it with y instead"
        case .missingWorkingDirectory(let path):
            "cannot run the command: working directory \(path) does not exist"
        case .cannotCreateOutputFile(let path, let reason):
            "cannot create the output file \(path): \(reason); check the incident directory's permissions and free space"
        case .cannotCreatePipe(let reason):
            "cannot create a pipe for the command's output: \(reason)"
        case .cannotStart(let reason):
            "cannot start \(ShellInvocation.shell): \(reason); running a runbook's commands needs bash there"
        }
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
