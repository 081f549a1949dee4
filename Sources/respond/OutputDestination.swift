import FoundationEssentials
import Glibc
import RunbookKit

/// Where a command's `-o`/`--output` sends a document: `-` is standard output, as in most Unix tools, and
/// anything else a file (a relative path taken from the current directory, `~` expanded). Every command with an
/// output option reads it through here, so `-` means the same thing everywhere.
enum OutputDestination: Equatable {
    case standardOutput
    case file(String)

    /// The destination `argument` names.
    init(_ argument: String) {
        if argument == "-" {
            self = .standardOutput
            return
        }
        let expanded = FilePaths.expandingTilde(in: argument)
        self =
            expanded.hasPrefix("/")
            ? .file(expanded)
            : .file(FilePaths.appending(expanded, to: FileManager.default.currentDirectoryPath))
    }

    /// Writes what `body` produces to standard output through a buffer, failing with a one-line error when the
    /// output cannot take it (a closed pipe, a full disk behind a redirection).
    static func writeToStandardOutput(_ body: (inout BufferedFile) throws -> Void) throws {
        var output = BufferedFile(fd: STDOUT_FILENO)
        try body(&output)
        output.flush()
        if let failure = output.failure {
            throw OutputFailure(step: .standardOutput, path: "", code: failure)
        }
    }
}
