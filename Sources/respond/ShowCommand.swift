import ArgumentParser
import RunbookKit
import TerminalText

/// `respond show ID`: one runbook as plain text, with nothing hidden.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a runbook as plain text (ID may be a unique prefix or a fuzzy match).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The runbook id, a unique prefix of it, or letters of it in order.", completion: .runbookID)
    var id: String

    @Flag(help: "Print the parsed runbook as JSON: id, title, kind, severity, file, sections, steps, checklist.")
    var json = false

    func run() throws {
        let catalog = try options.loadCatalog()
        let runbook: Runbook
        do {
            runbook = try catalog.resolve(id)
        } catch {
            throw CLIError(error.description(in: options.localizer()))
        }
        if json {
            try printJSON(RunbookJSON(runbook))
            return
        }
        // `show` is how an author checks what a runbook holds: every character a terminal would act on or not
        // show is printed in its visible form (`␛`, `\u{200B}`), in prose as in commands.
        print(
            sanitizeCommand(
                RunbookText.render(runbook, entry: catalog.entry(id: runbook.id), localizer: options.localizer())),
            terminator: "")
    }
}
