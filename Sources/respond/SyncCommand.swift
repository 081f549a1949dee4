import ArgumentParser
import FoundationEssentials
import Localization

/// `respond sync`: one sync of an incidents home that is a git work tree with a remote (`HomeSync`), so that the
/// incidents recorded on other machines arrive here and those recorded here reach them.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit this machine's journal data, fetch, merge and push the incidents home's git repository.",
        discussion: """
            The home must be a git work tree with a remote (git clone REMOTE DIR, then RESPOND_HOME=DIR). Each \
            machine appends to its own journal file, so merges never conflict. Exit status 78 when the home is not \
            set up for syncing, 69 when the remote cannot be reached.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let localizer = global.localizer()
        let home = global.homeDirectory()
        do {
            let report = try HomeSync(home: home, actor: global.actorName()).run()
            print(
                localizer.tr(
                    report.merged ? "cli.sync.done_merged" : "cli.sync.done",
                    ["home": home]))
            if report.retries > 0 { print(localizer.tr("cli.sync.retried", ["retries": String(report.retries)])) }
        } catch {
            throw CLIError(error.description(in: localizer), status: error.exitStatus)
        }
    }
}
