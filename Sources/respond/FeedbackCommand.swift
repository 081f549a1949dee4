import ArgumentParser
import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import TerminalText

/// `respond feedback`: the runbook feedback notes not yet reviewed, across every incident, with the reference
/// each is acknowledged by; `respond feedback ack REFERENCE… | --runbook ID` marks notes reviewed. One command
/// with the action as its first argument, as `respond home` is, so the shared options may come before it.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract:
            "List runbook feedback not yet reviewed, or mark it reviewed: respond feedback ack INCIDENT#SEQ[@WRITER].",
        discussion:
            "Marks are kept in feedback-reviewed.jsonl in the home; `respond list` and "
            + "`respond report` stop flagging a runbook once all its feedback is reviewed."
    )

    /// What `feedback` does besides listing.
    enum Action: String, ExpressibleByArgument, CaseIterable {
        case ack
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "ack: mark the notes named after it (or --runbook's) reviewed; without it, list them.")
    var action: Action?

    @Argument(
        help:
            "The notes to mark reviewed, as listed: INCIDENT#SEQ, or INCIDENT#SEQ@WRITER for a note another machine recorded."
    )
    var references: [String] = []

    @Option(help: "With ack: every unreviewed note about this runbook; without: list only its notes.")
    var runbook: String?

    @Flag(help: "List reviewed notes too.")
    var all = false

    @Flag(help: "Print JSON for other tools.")
    var json = false

    func run() throws {
        let localizer = global.localizer()
        let store = global.incidentStore()
        let reviews = FeedbackReviews(store: store)
        let notes: [FeedbackNote]
        do {
            let marks = try reviews.read()
            if marks.damagedLines > 0 {
                printWarning(
                    localizer.tr("cli.marks.file_damaged", count: marks.damagedLines, ["file": reviews.path]), localizer
                )
            }
            let found = try FeedbackNote.every(in: store, reviewed: marks.references)
            for incident in found.unreadable {
                printWarning(localizer.tr("cli.incidents.unreadable", ["incident": incident.description]), localizer)
            }
            notes = found.notes
        } catch {
            throw CLIError(errorText(error, localizer))
        }
        guard action == .ack else {
            guard references.isEmpty else { throw usageError(localizer.tr("cli.feedback.ack.nothing")) }
            return try list(
                notes.filter { (all || !$0.reviewed) && (runbook == nil || $0.runbook == runbook) }, localizer)
        }
        let chosen = try chosenNotes(notes, localizer)
        let marked: Int
        do {
            marked = try FeedbackAck.acknowledge(chosen, in: reviews, by: global.actorName(), at: Date())
        } catch {
            throw CLIError(errorText(error, localizer))
        }
        print(localizer.tr("cli.feedback.acked", count: marked))
    }

    /// The notes `ack` names: each reference given (one that names no note is a usage error), and with
    /// `--runbook` every unreviewed note about that runbook.
    private func chosenNotes(_ notes: [FeedbackNote], _ localizer: Localizer) throws -> [FeedbackNote] {
        guard !references.isEmpty || runbook != nil else { throw usageError(localizer.tr("cli.feedback.ack.nothing")) }
        var chosen: [FeedbackNote] = []
        for reference in references {
            guard let note = notes.first(where: { $0.reference == reference }) else {
                throw usageError(localizer.tr("cli.feedback.ack.unknown", ["reference": reference]))
            }
            chosen.append(note)
        }
        if let runbook {
            let about = notes.filter { $0.runbook == runbook && !$0.reviewed }
            guard !about.isEmpty else {
                throw usageError(localizer.tr("cli.feedback.ack.runbook_none", ["runbook": runbook]))
            }
            chosen += about
        }
        return chosen
    }

    private func list(_ notes: [FeedbackNote], _ localizer: Localizer) throws {
        if json { return try printJSON(notes) }
        guard !notes.isEmpty else { return print(localizer.tr("cli.feedback.none")) }
        for note in notes {
            let step = note.step.map { " " + oneLine($0) } ?? ""
            let mark = note.reviewed ? " (" + localizer.tr("cli.feedback.reviewed_mark") + ")" : ""
            print(
                "\(oneLine(note.reference))  \(oneLine(note.runbook))\(step)  \(oneLine(note.author))  "
                    + "\(oneLine(note.text))\(mark)")
        }
    }
}

/// A runbook feedback note, where it was written and whether it is reviewed: a row of `respond feedback`.
struct FeedbackNote: Encodable, Hashable {
    /// `<incident>#<seq>`, or `<incident>#<seq>@<writer>` for a note in another machine's file (`Event.reference`).
    var reference: String
    /// The incident it was written in.
    var incident: String
    /// The runbook it is about.
    var runbook: String
    /// The step it is about, when it names one.
    var step: String?
    /// Who wrote it.
    var author: String
    /// When, in UTC.
    var at: String
    /// What it says.
    var text: String
    /// Whether it is marked reviewed.
    var reviewed: Bool

    /// Every feedback note of every incident in `store`, oldest first, and the incidents that could not be read
    /// (for the caller to warn of: a terminal program must not write over its screen).
    static func every(in store: IncidentStore, reviewed: Set<String>) throws(IncidentStoreError)
        -> (notes: [FeedbackNote], unreadable: [IncidentListing.Unreadable])
    {
        var notes: [FeedbackNote] = []
        let unreadable = try store.readEach(linesHolding: EventKind.Name.runbookFeedback.rawValue) {
            location, contents in
            for event in contents.events {
                guard case .runbookFeedback(let runbook, let step, let text) = event.kind else { continue }
                let reference = event.reference(inIncident: location.id)
                notes.append(
                    FeedbackNote(
                        reference: reference, incident: location.id, runbook: runbook, step: step, author: event.actor,
                        at: JournalTime.string(from: event.occurredAt), text: text,
                        reviewed: reviewed.contains(reference)))
            }
        }
        return (notes.sorted { ($0.at, $0.reference) < ($1.at, $1.reference) }, unreadable)
    }
}
