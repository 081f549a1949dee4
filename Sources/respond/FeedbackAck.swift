import Foundation
import IncidentModel
import IncidentStore

/// Marking runbook feedback reviewed, the one way `respond feedback ack` and the guide's catalog key both do it: a
/// record per note not reviewed yet, appended to `feedback-reviewed.jsonl` in one write.
enum FeedbackAck {
    /// Marks those of `notes` not reviewed yet as reviewed by `actor` at `now`; returns how many were marked. When
    /// this returns they are on disk.
    static func acknowledge(
        _ notes: [FeedbackNote], in reviews: FeedbackReviews, by actor: String, at now: Date
    ) throws(IncidentStoreError) -> Int {
        let at = JournalTime.string(from: now)
        let records = notes.filter { !$0.reviewed }.map {
            FeedbackReviews.Record(reference: $0.reference, runbook: $0.runbook, by: actor, at: at)
        }
        try reviews.append(records)
        return records.count
    }

    /// Marks every note about `runbook` in `store` not reviewed yet as reviewed by `actor` at `now`, as
    /// `respond feedback ack --runbook` does; returns how many were marked (none when none waited).
    static func acknowledge(
        runbook: String, in store: IncidentStore, by actor: String, at now: Date
    ) throws(IncidentStoreError) -> Int {
        let reviews = FeedbackReviews(store: store)
        let notes = try FeedbackNote.every(in: store, reviewed: try reviews.reviewed()).notes
        return try acknowledge(notes.filter { $0.runbook == runbook }, in: reviews, by: actor, at: now)
    }
}
