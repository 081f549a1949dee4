import ArgumentParser
import FoundationEssentials
import Glibc
import Localization
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
        let path = FilePaths.appending(id + ".md", to: directory)
        let index = FilePaths.appending("README.md", to: directory)
        let name = title ?? RunbookTemplate.title(forID: id)
        let text = RunbookTemplate.incident(title: name, severity: level, owner: owner, today: CalendarDay(utc: Date()))
        // Created only if absent (O_EXCL), with the umask's mode, as a new file from an editor would be.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        let cannotWrite = { (failure: Int32) in
            CLIError(
                localizer.tr("cli.new.cannot_write", ["path": path, "reason": String(cString: strerror(failure))]))
        }
        guard fd >= 0 else {
            let failure = errno
            if failure == EEXIST { throw CLIError(localizer.tr("cli.new.exists", ["path": path])) }
            throw cannotWrite(failure)
        }
        var file = BufferedFile(fd: fd)
        file.write(text)
        file.flush()
        close(fd)
        if let failure = file.failure {
            // A skeleton cut short (a full disk) is no runbook; left behind, it would make the next try say "exists".
            unlink(path)
            throw cannotWrite(failure)
        }
        print(localizer.tr("cli.new.created", ["path": path]))
        print(
            category.map { localizer.tr("cli.new.add_row_under", ["index": index, "category": $0]) }
                ?? localizer.tr("cli.new.add_row", ["index": index]))
        print(RunbookTemplate.indexRow(id: id, title: name, severity: level, description: "[one-line symptom]"))
    }
}
