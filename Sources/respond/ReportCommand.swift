import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import Postmortem
import RunbookKit

/// `respond report`: the review meeting's agenda across the incidents opened in a window, per runbook of the
/// library, with the drills due; markdown in the user's language, or JSON for other tools.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "The runbook review: each runbook's use in recent incidents and drills, and the updates they suggest.",
        discussion:
            "Counts the incidents opened from --since up to the end of --until, drills apart, for every runbook of "
            + "the library (unused ones too), and lists the P0 and P1 runbooks nobody drilled in the last 92 days."
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        help:
            "The window's start: a number of days (7d, 30d) before its end, or a date YYYY-MM-DD, from its midnight in your time zone (default: 7d)."
    )
    var since: String?

    @Option(help: "The window's last day, YYYY-MM-DD in your time zone, included (default: the window ends now).")
    var until: String?

    @Flag(help: "Print JSON for other tools (English field names, UTC times).")
    var json = false

    @Option(name: .shortAndLong, help: "Where to write; - for standard output (the default).")
    var output: String?

    func run() throws {
        let localizer = global.localizer()
        let now = Date()
        let window: ReportWindow
        do {
            window = try ReportWindow.read(since: since, until: until, now: now, timeZone: .current)
        } catch {
            throw usageError(error.description(in: localizer))
        }
        let report = try Self.report(window: window, now: now, global: global, localizer: localizer)
        let render = { (file: inout BufferedFile) throws in
            if json {
                try report.writeJSON { file.write(bytes: $0) }
            } else {
                // Line by line: a busy home's agenda runs to thousands of lines, never held whole.
                RunbookReportMarkdown(report, localizer: localizer, clock: ZoneClock(zone: .current)).write { line in
                    file.write(line)
                    file.write("\n")
                }
            }
        }
        switch output.map(OutputDestination.init) ?? .standardOutput {
        case .standardOutput: try OutputDestination.writeToStandardOutput(render)
        case .file(let path): try AtomicFile.write(to: path, render)
        }
    }

    /// The report over every incident of the home and every runbook of the library, with a warning for each
    /// incident that could not be read.
    static func report(window: ReportWindow, now: Date, global: GlobalOptions, localizer: Localizer) throws
        -> RunbookReport
    {
        let library: [Runbook]
        do {
            library = try global.loadCatalog().mapRunbooks { $0 }
        } catch {
            printWarning(
                localizer.tr(
                    "cli.warning.without_runbooks",
                    ["problem": "\(error)", "consequence": localizer.tr("cli.report.without_runbooks")]),
                localizer)
            library = []
        }
        let store = global.incidentStore()
        do {
            var builder = RunbookReportBuilder(
                library: library, window: window, now: now, reviewed: try FeedbackReviews(store: store).reviewed())
            // Which incidents matter, and what each tells, depend on the window and the library alone, which adding
            // incidents does not change.
            let scope = builder
            // Each journal is digested where it was read, on every core; only the digests come back here.
            let unreadable = try store.mapEach(reading: RunbookReportBuilder.reading, opening: scope.matters(opening:))
            {
                location, contents in
                scope.digest(
                    incident: location.id, events: contents.events,
                    damagedLines: contents.problems.filter(\.isDamagedLine).count)
            } _: { _, digest in
                if let digest { builder.add(digest) }
            }
            for incident in unreadable {
                printWarning(localizer.tr("cli.incidents.unreadable", ["incident": incident.description]), localizer)
            }
            return builder.report()
        } catch {
            throw CLIError(errorText(error, localizer))
        }
    }
}

extension JournalProblem {
    /// Whether the problem is a line that could not be read: cut short or not an event.
    var isDamagedLine: Bool {
        switch kind {
        case .tornTail, .corrupt: true
        case .outOfOrder: false
        }
    }
}
