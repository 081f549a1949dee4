import ArgumentParser
import CommandRunner
import CursesBackend
import FoundationEssentials
import GuideUI
import Localization
import RunbookKit

/// `respond` with no subcommand: the catalog of runbooks, to find one by symptom and start an incident.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Open the runbook catalog (the default when respond is run without a subcommand)."
    )

    @OptionGroup var options: GlobalOptions

    @OptionGroup var commands: CommandOptions

    @OptionGroup var alerts: AlertmanagerOption

    @OptionGroup var sync: SyncOption

    func run() throws {
        try InteractiveGuide.run(.catalog, options: options, commands: commands, alerts: alerts, sync: sync)
    }
}

/// Starts the curses guide for one launch, and gives the terminal back on the way out, whatever the way.
enum InteractiveGuide {
    /// Checks the terminal, loads the library, runs the loop; exits with 2 when there is no usable terminal.
    /// `commands` nil runs none (the read-only review); `alerts` nil reads no Alertmanager; `sync` says how often
    /// the home is synced with its git remote in the background.
    static func run(
        _ start: Launch, options: GlobalOptions, commands: CommandOptions?, alerts: AlertmanagerOption? = nil,
        sync: SyncOption
    ) throws {
        // The language of the line (`--lang`) or the environment, for everything the guide says.
        let localizer = options.localizer()
        // A bad option is the first thing to say, before anything about the terminal it would run in.
        let settings = try commands?.settings(localizer: localizer) ?? .readOnly(localizer)
        let watch = try alerts?.watch(localizer: localizer)
        let syncInterval = try sync.interval(home: options.homeDirectory(), localizer: localizer)
        let check = TerminalCheck.current()
        let term: String
        do {
            term = try check.terminalType()
        } catch {
            StandardStream.writeError((error.description(in: localizer) + "\n"))
            throw ExitCode(2)
        }
        let catalog = try options.loadCatalog()
        let library = Library(catalog: catalog, localizer: localizer)
        let launch = try resolved(start, in: catalog, localizer)
        let runner = EffectRunner(
            home: options.homeDirectory(), actor: options.actorName(), catalog: catalog,
            clipboard: Clipboard.current(localizer: localizer), commands: settings,
            alerts: watch.map { AlertFetcher(client: $0.client, catalog: catalog, localizer: localizer) },
            sync: syncInterval.map {
                BackgroundSync(
                    home: options.homeDirectory(), actor: options.actorName(), interval: $0, localizer: localizer)
            },
            localizer: localizer)
        TerminalGuard.install()
        let screen = try CursesScreen(term: term)
        defer { screen.close() }
        let size = screen.size
        var model = AppModel(
            library: library, actor: options.actorName(), colorEnabled: check.colorEnabled, width: size.width,
            height: size.height, now: Date(),
            localizer: localizer,
            clock: ZoneClock(zone: .current))
        model.commandsDisabledBy = settings.policy.disabledBy
        model.alertRefreshInterval = watch?.interval
        var status = RunLoop(backend: screen, runner: runner, model: model).run(launch)
        screen.close()
        if reportRescue(runner, localizer), status == 0 { status = rescuedStatus }
        if status != 0 { throw ExitCode(status) }
    }

    /// The exit status of a guide that quit with events in a rescue file rather than in the journal.
    static let rescuedStatus: Int32 = 3

    /// Says on the restored terminal where unsaved events went (or, when no file could take them, prints them);
    /// returns whether there were any.
    private static func reportRescue(_ runner: EffectRunner, _ localizer: Localizer) -> Bool {
        for path in runner.rescueFiles {
            StandardStream.writeError((localizer.tr("cli.guide.rescued", ["path": path]) + "\n"))
        }
        if let unrescued = runner.unrescued {
            let message = localizer.tr("cli.guide.not_rescued", ["reason": unrescued.reason])
            StandardStream.writeError((message + "\n" + unrescued.lines))
        }
        return !runner.rescueFiles.isEmpty || runner.unrescued != nil
    }

    /// The launch with the runbook named on the command line (a unique prefix or close match) made exact,
    /// so that a typo or a moved stub is a clear error before the screen is taken over.
    private static func resolved(_ start: Launch, in catalog: Catalog, _ localizer: Localizer) throws -> Launch {
        guard case .start(let query, let title, let severity, let drill, let id) = start else { return start }
        let runbook: Runbook
        do {
            runbook = try catalog.resolve(query)
        } catch {
            throw CLIError(error.description(in: localizer))
        }
        try requireStartable(runbook, localizer)
        return .start(runbook: runbook.id, title: title, severity: severity, drill: drill, id: id)
    }
}
