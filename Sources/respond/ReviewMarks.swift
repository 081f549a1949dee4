import FoundationEssentials
import IncidentModel
import IncidentStore
import Localization
import RunbookKit

/// The review marks of a library's runbooks: a review past due (from each runbook's footer, read from the end of
/// its file, and its front matter) and feedback not marked reviewed (from every incident of the home, less
/// `feedback-reviewed.jsonl`). What `respond list` shows in its marks column and the guide's catalog in its rows.
enum ReviewMarks {
    /// The marks, and what could not be read for them: a listing goes on without it, but says so.
    struct Loaded: Sendable {
        /// The marks of every runbook that has one, by id.
        var marks: [String: RunbookReviewMark] = [:]
        /// Why `feedback-reviewed.jsonl` could not be read, in the reader's language: every note then counts as
        /// not reviewed.
        var markFileRefused: String?
        /// How many lines of `feedback-reviewed.jsonl` were not a record.
        var damagedMarkLines = 0
        /// The file those lines are in.
        var markFile = ""
        /// Why the incidents could not be listed at all, in the reader's language: no feedback is counted then.
        var incidentsRefused: String?
        /// How many incidents could not be read, whose feedback is not counted.
        var unreadableIncidents = 0

        /// One sentence per problem, in the words of `localizer`, each saying what it costs and what to do.
        func warnings(_ localizer: Localizer) -> [String] {
            var warnings: [String] = []
            if let markFileRefused {
                warnings.append(localizer.tr("cli.marks.file_refused", ["reason": markFileRefused]))
            }
            if damagedMarkLines > 0 {
                warnings.append(localizer.tr("cli.marks.file_damaged", count: damagedMarkLines, ["file": markFile]))
            }
            if let incidentsRefused {
                warnings.append(localizer.tr("cli.marks.incidents_refused", ["reason": incidentsRefused]))
            }
            if unreadableIncidents > 0 {
                warnings.append(localizer.tr("cli.marks.incidents_unreadable", count: unreadableIncidents))
            }
            return warnings
        }
    }

    /// The marks of every runbook of `catalog` that has one, on `today`, with what could not be read for them
    /// (reasons in the words of `localizer`): a mark file or an incident that cannot be read leaves feedback
    /// uncounted, or counted as not reviewed, rather than failing the listing, and the caller says so.
    static func load(_ catalog: Catalog, store: IncidentStore, today: CalendarDay, localizer: Localizer) -> Loaded {
        var loaded = Loaded()
        let reviews = FeedbackReviews(store: store)
        loaded.markFile = reviews.path
        var reviewed: Set<String> = []
        do {
            let contents = try reviews.read()
            reviewed = contents.references
            loaded.damagedMarkLines = contents.damagedLines
        } catch {
            loaded.markFileRefused = errorText(error, localizer)
        }
        var notes: [String: [String]] = [:]
        do {
            // Feedback is a few lines of journals of thousands: only those lines are decoded.
            let unreadable = try store.readEach(linesHolding: EventKind.Name.runbookFeedback.rawValue) {
                location, contents in
                for event in contents.events {
                    guard case .runbookFeedback(let runbook, _, _) = event.kind else { continue }
                    let reference = event.reference(inIncident: location.id)
                    if !reviewed.contains(reference) { notes[runbook, default: []].append(reference) }
                }
            }
            loaded.unreadableIncidents = unreadable.count
        } catch {
            loaded.incidentsRefused = errorText(error, localizer)
        }
        // Each footer is an open and a read of its file's tail: on every core, as a library can have thousands.
        let statuses = catalog.runbookIDs.parallelMap { ReviewStatus(catalog.footer(of: $0), today: today) }
        for (id, review) in zip(catalog.runbookIDs, statuses) {
            let mark = RunbookReviewMark(review: review, unreviewedNotes: (notes[id] ?? []).sorted())
            if !mark.isEmpty { loaded.marks[id] = mark }
        }
        return loaded
    }
}
