import RunbookKit

/// The diagnostics as `respond lint` prints them, one a line, for expectations that show every problem on failure.
func messages(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(\.description).joined(separator: "\n")
}
