import ArgumentParser
import FoundationEssentials
import IncidentStore
import Localization
import RunbookKit

/// `respond home init DIR --group GROUP`: makes DIR an incidents home shared by GROUP (mode 2770, setgid), so that
/// several accounts on one host can follow and append to the same incidents, and says how to point everyone at
/// it. One command with the action as its first argument rather than a command with subcommands, so that the
/// shared options may come before `home` as before any other command (`ArgumentOrder`).
struct HomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "Create or fix DIR as an incidents home shared by GROUP: respond home init DIR --group GROUP.",
        discussion:
            "The folder gets GROUP and mode 2770 (setgid); incident folders created there are 2770 and journals, "
            + "logs and exports 0660, all in GROUP, so every member can follow and append. Then everyone sets "
            + "RESPOND_HOME=DIR."
    )

    /// What `home` does; `init` is the only action.
    enum Action: String, ExpressibleByArgument, CaseIterable {
        case initialize = "init"
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "init: create or fix the folder.")
    var action: Action

    @Argument(help: "The folder to share (its parent must exist).")
    var directory: String

    @Option(help: "The group whose members work the incidents.")
    var group: String

    func run() throws {
        let localizer = global.localizer()
        do {
            try SharedHome.prepare(directory, group: group)
        } catch {
            if case .unknownGroup = error { throw usageError(error.description(in: localizer)) }
            throw CLIError(error.description(in: localizer))
        }
        let absolute =
            directory.hasPrefix("/")
            ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        let path = FilePaths.standardizing(absolute)
        print(localizer.tr("cli.home.ready", ["path": path, "group": group]))
        print("  export RESPOND_HOME=" + shellQuoted(path))
    }

    /// `text` as one shell word: as it is when it holds only safe characters, else in single quotes.
    private func shellQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "/._-+:@%".unicodeScalars.contains($0)
        }
        return safe ? text : "'" + text.replacingScalars(of: "'", with: "'\\''") + "'"
    }
}
