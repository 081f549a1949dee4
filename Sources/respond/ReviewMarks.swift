import Foundation
import IncidentModel
import IncidentStore
import RunbookKit

/// The review marks of a library's runbooks: a review past due (from each runbook's footer, read from the end of
/// its file) and feedback not marked reviewed (from every incident of the home, less `feedback-reviewed.jsonl`).
/// What `respond list` shows in its marks column and the guide's catalog in its rows.
enum ReviewMarks {
    /// The marks of every runbook of `catalog` that has one, by id, on `today`; an incident or a mark file that
    /// cannot be read leaves its feedback uncounted rather than failing the listing.
    static func load(_ catalog: Catalog, store: IncidentStore, today: CalendarDay) -> [String: RunbookReviewMark] {
        let feedback = unreviewedFeedback(store)
        // Each footer is an open and a read of its file's tail: on every core, as a library can have thousands.
        let reviews = catalog.runbookIDs.parallelMap { ReviewStatus(catalog.footer(of: $0), today: today) }
        var marks: [String: RunbookReviewMark] = [:]
        for (id, review) in zip(catalog.runbookIDs, reviews) {
            let mark = RunbookReviewMark(review: review, unreviewedFeedback: feedback[id] ?? 0)
            if !mark.isEmpty { marks[id] = mark }
        }
        return marks
    }

    /// How many feedback notes about each runbook are not marked reviewed.
    private static func unreviewedFeedback(_ store: IncidentStore) -> [String: Int] {
        let reviewed = (try? FeedbackReviews(store: store).reviewed()) ?? []
        var counts: [String: Int] = [:]
        // Feedback is a few lines of journals of thousands: only those lines are decoded.
        _ = try? store.readEach(linesHolding: EventKind.Name.runbookFeedback.rawValue) { location, contents in
            for event in contents.events {
                guard case .runbookFeedback(let runbook, _, _) = event.kind,
                    !reviewed.contains(event.reference(inIncident: location.id))
                else { continue }
                counts[runbook, default: 0] += 1
            }
        }
        return counts
    }
}
