import ArgumentParser
import FoundationEssentials
import Localization
import RunbookKit
import TerminalText

/// `respond lint [DIR]`: checks the runbooks against the template and the index.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check runbooks against the template and the index; exit 1 on errors.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The runbook directory (default: the one --runbooks names).")
    var directory: String?

    @Flag(help: "Print the diagnostics as a JSON array of objects with file, line, severity and message.")
    var json = false

    @Flag(
        help: """
            Ask bash about every shell block afresh, neither reading nor writing the verdicts kept in \
            $XDG_CACHE_HOME/respond/bash-verdicts (default ~/.cache/respond/bash-verdicts).
            """)
    var noCache = false

    func run() throws {
        let catalog = try options.loadCatalog(directory: directory)
        let localizer = options.localizer()
        let cache = noCache ? nil : BashVerdictCache.defaultFile().map { BashVerdictCache(file: $0) }
        let diagnostics = Linter(
            checker: BashSyntaxChecker(cache: cache), today: CalendarDay(utc: Date()), linkTargets: DiskLinkTargets()
        ).lint(catalog)
        if json {
            try printJSON(diagnostics.map { DiagnosticJSON($0, localizer) })
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
            return
        }
        for diagnostic in diagnostics {
            print(sanitize(diagnostic.description(in: localizer), keepNewlines: true))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print(
            localizer.tr(
                "cli.lint.summary",
                [
                    "files": localizer.tr("cli.lint.files", count: catalog.files.count),
                    "errors": localizer.tr("cli.lint.errors", count: errors),
                    "warnings": localizer.tr("cli.lint.warnings", count: warnings),
                ]))
        if errors > 0 {
            throw ExitCode(1)
        }
    }
}

/// One diagnostic as `lint --json` prints it; the field names are a contract with the scripts that read them, the
/// message is in the user's language.
struct DiagnosticJSON: Encodable {
    var file: String
    var line: Int
    var severity: String
    var message: String

    init(_ diagnostic: Diagnostic, _ localizer: Localizer) {
        file = diagnostic.location.file
        line = diagnostic.location.line
        severity = diagnostic.severity.rawValue
        message = diagnostic.message(in: localizer)
    }
}
