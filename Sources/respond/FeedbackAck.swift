import FoundationEssentials
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

    /// Marks the notes about `runbook` in `store` named by `references` reviewed by `actor` at `now`, when they
    /// are exactly the notes about it not reviewed yet: returns how many were marked, or nil, marking nothing, when
    /// the notes waiting are others (one recorded, or one of them marked, since the caller showed them; two changes
    /// that keep the count are still a change). What the guide's catalog asks after its confirmation.
    static func acknowledge(
        runbook: String, exactly references: [String], in store: IncidentStore, by actor: String, at now: Date
    ) throws(IncidentStoreError) -> Int? {
        let reviews = FeedbackReviews(store: store)
        let waiting = try FeedbackNote.every(in: store, reviewed: try reviews.reviewed()).notes.filter {
            $0.runbook == runbook && !$0.reviewed
        }
        guard Set(waiting.map(\.reference)) == Set(references) else { return nil }
        return try acknowledge(waiting, in: reviews, by: actor, at: now)
    }
}
