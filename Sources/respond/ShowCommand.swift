import ArgumentParser
import RunbookKit
import TerminalText

/// `respond show ID`: one runbook as plain text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a runbook as plain text (ID may be a unique prefix or a fuzzy match).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The runbook id, a unique prefix of it, or letters of it in order.")
    var id: String

    func run() throws {
        let catalog = try options.loadCatalog()
        let runbook: Runbook
        do {
            runbook = try catalog.resolve(id)
        } catch {
            throw CLIError(error.description)
        }
        print(sanitize(RunbookText.render(runbook, entry: catalog.entry(id: runbook.id)), keepNewlines: true), terminator: "")
    }
}
