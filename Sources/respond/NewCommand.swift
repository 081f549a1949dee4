import ArgumentParser
import Foundation
import RunbookKit

/// `respond new ID`: writes a runbook skeleton from the template and says how to list it in the index.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create <runbooks>/<ID>.md from the template; never overwrites.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The new runbook's id: a lowercase slug such as disk-full.")
    var id: String

    @Option(help: "The title (default: from the id).")
    var title: String?

    @Option(help: "The severity, P0 to P3.")
    var severity: String = "P2"

    @Option(help: "The index category to add it under.")
    var category: String?

    @Option(help: "The owning team, for the footer.")
    var owner: String = "[Team]"

    func run() throws {
        let localizer = options.localizer()
        guard RunbookTemplate.isValidID(id) else {
            throw CLIError(localizer.tr("cli.new.invalid_id", ["id": id]))
        }
        let level = try parseSeverity(severity, localizer)
        let directory = try options.runbookDirectory()
        let path = (directory as NSString).appendingPathComponent(id + ".md")
        let index = (directory as NSString).appendingPathComponent("README.md")
        let name = title ?? RunbookTemplate.title(forID: id)
        let text = RunbookTemplate.incident(title: name, severity: level, owner: owner, today: CalendarDay(utc: Date()))
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: path) {
                throw CLIError(localizer.tr("cli.new.exists", ["path": path]))
            }
            throw CLIError(localizer.tr("cli.new.cannot_write", ["path": path, "reason": error.localizedDescription]))
        }
        print(localizer.tr("cli.new.created", ["path": path]))
        print(
            category.map { localizer.tr("cli.new.add_row_under", ["index": index, "category": $0]) }
                ?? localizer.tr("cli.new.add_row", ["index": index]))
        print(RunbookTemplate.indexRow(id: id, title: name, severity: level, description: "[one-line symptom]"))
    }
}
