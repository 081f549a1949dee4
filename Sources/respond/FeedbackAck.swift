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
    /// `respond feedback ack --runbook` does, when exactly `expected` wait: returns how many were marked, or nil,
    /// marking nothing, when another number waits (a note recorded or marked since the caller counted them).
    static func acknowledge(
        runbook: String, expecting expected: Int, in store: IncidentStore, by actor: String, at now: Date
    ) throws(IncidentStoreError) -> Int? {
        let reviews = FeedbackReviews(store: store)
        let waiting = try FeedbackNote.every(in: store, reviewed: try reviews.reviewed()).notes.filter {
            $0.runbook == runbook && !$0.reviewed
        }
        guard waiting.count == expected else { return nil }
        return try acknowledge(waiting, in: reviews, by: actor, at: now)
    }
}
