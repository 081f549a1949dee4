import ArgumentParser
import FoundationEssentials
import GuideUI
import IncidentModel
import IncidentStore
import Localization
import Postmortem
import RunbookKit

/// `respond review ID`: the incident commander's read-only view of an incident, following its journal live;
/// `--plain` prints the same content as text.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Follow an incident as its commander: timeline, progress, adherence; annotate and pin.",
        discussion: """
            Opens a live view of the incident's timeline that another responder is writing. The only writes are \
            commander notes (a) and pins (p). With --plain, prints the review as text for a chat or a ticket; with \
            --plain --json, as the JSON document `export --format json` writes, without recording an export.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: .incident, completion: .incidentID)
    var incident: String

    @Flag(help: "Print the review as plain text on stdout instead of opening the live view.")
    var plain = false

    @Flag(help: "With --plain, include system events (exports written, commands copied, pin changes).")
    var all = false

    @Flag(help: "With --plain, print the incident as JSON (the document `export --format json` writes).")
    var json = false

    @OptionGroup var sync: SyncOption

    func validate() throws {
        let localizer = options.localizer()
        if all, !plain { throw ValidationError(localizer.tr("cli.review.all_needs_plain")) }
        if json, !plain { throw ValidationError(localizer.tr("cli.review.json_needs_plain")) }
        if json, all { throw ValidationError(localizer.tr("cli.review.json_with_all")) }
    }

    func run() throws {
        let location = try options.resolveIncident(incident)
        if plain {
            let contents = try options.readIncident(location)
            let runbooks = options.runbookLookup(
                withoutThem: options.localizer().tr("cli.review.without_runbooks"))
            if json {
                try printIncidentJSON(location, events: contents.events, runbook: runbooks)
                return
            }
            let text = ReviewPlainText.render(
                incidentID: location.id, events: contents.events, runbook: runbooks, now: Date(), includeSystem: all,
                localizer: options.localizer())
            StandardStream.writeOutput(text)
            return
        }
        try InteractiveGuide.run(.review(id: reviewReference(location)), options: options, commands: nil, sync: sync)
    }

    /// The incident as the JSON export describes it, made safe for a terminal; nothing is recorded, since the
    /// review only reads.
    private func printIncidentJSON(
        _ location: IncidentLocation, events: [Event], runbook: (String) -> Runbook?
    ) throws {
        let state = IncidentState.fold(events)
        var bytes: [UInt8] = []
        do {
            try PostmortemRenderer.writeJSON(
                state: state, events: events, runbooks: state.runbooks(lookup: runbook), incidentID: location.id,
                generatedAt: Date()
            ) { bytes.append(contentsOf: $0) }
        } catch {
            throw CLIError(
                options.localizer().tr("cli.export.json_failed", ["incident": location.id, "problem": "\(error)"]))
        }
        StandardStream.writeOutput(terminalSafeJSON(String(decoding: bytes, as: UTF8.self)))
    }

    /// How the effect runner finds the incident again: its id when it lives under the home, else its journal.
    private func reviewReference(_ location: IncidentLocation) -> String {
        location == options.incidentStore().location(of: location.id) ? location.id : location.journalPath
    }
}
