import ArgumentParser
import Foundation
import GuideUI
import IncidentStore
import RunbookKit

/// `respond review ID`: the incident commander's read-only view of an incident, following its journal live;
/// `--plain` prints the same content as text.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Follow an incident as its commander: timeline, progress, adherence; annotate and pin.",
        discussion: """
            Opens a live view of the incident's timeline that another responder is writing. The only writes are \
            commander notes (a) and pins (p). With --plain, prints the review as text for a chat or a ticket.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: .incident)
    var incident: String

    @Flag(help: "Print the review as plain text on stdout instead of opening the live view.")
    var plain = false

    @Flag(help: "With --plain, include system events (exports written, commands copied, pin changes).")
    var all = false

    func validate() throws {
        if all, !plain { throw ValidationError("--all applies to --plain; in the live view s shows system events") }
    }

    func run() throws {
        let location = try options.resolveIncident(incident)
        if plain {
            let contents = try options.readIncident(location)
            let runbooks = options.runbookLookup(withoutThem: "progress shows only what the journal recorded")
            let text = ReviewPlainText.render(
                incidentID: location.id, events: contents.events, runbook: runbooks, now: Date(), includeSystem: all)
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try InteractiveGuide.run(.review(id: reviewReference(location)), options: options, commands: nil)
    }

    /// How the effect runner finds the incident again: its id when it lives under the home, else its journal.
    private func reviewReference(_ location: IncidentLocation) -> String {
        location == options.incidentStore().location(of: location.id) ? location.id : location.journalPath
    }
}
