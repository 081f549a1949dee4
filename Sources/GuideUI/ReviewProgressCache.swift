import TerminalText

/// The review's progress pane laid out once per change of the journal or of the pane's width, not once per
/// frame: with a long runbook and a long journal, wrapping every line of the pane on every key costs more than
/// a key may.
struct ReviewProgressCache: Sendable {
    /// The pane width the lines were wrapped to.
    let width: Int
    /// The number of events the lines were made from.
    let eventCount: Int
    /// The last sequence number among those events.
    let lastSeq: Int
    /// The pane's lines.
    let lines: [StyledLine]

    /// Whether the lines still describe the model at this width.
    func isCurrent(width: Int, _ model: AppModel) -> Bool {
        width == self.width && eventCount == (model.incident?.events.count ?? 0)
            && lastSeq == (model.review?.digest.state.lastSeq ?? 0)
    }
}

// The cache is derived from the rest of the review; two reviews that differ only in it are the same review.
extension ReviewProgressCache: Hashable {
    static func == (lhs: ReviewProgressCache, rhs: ReviewProgressCache) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

extension AppModel {
    /// Lays out the progress pane again when it is shown and the journal or the pane's width changed.
    mutating func refreshReviewProgress() {
        guard let review, review.showProgress, incident != nil else { return }
        let width = ReviewLayout(self).paneTextWidth
        if review.progressCache?.isCurrent(width: width, self) == true { return }
        let cache = ReviewProgressCache(
            width: width, eventCount: incident?.events.count ?? 0, lastSeq: review.digest.state.lastSeq,
            lines: reviewProgressLines(self, width: width))
        self.review?.progressCache = cache
    }
}

/// The progress pane's lines at `width`: the cached ones when they are current, else laid out now.
func currentProgressLines(_ model: AppModel, width: Int) -> [StyledLine] {
    if let cache = model.review?.progressCache, cache.isCurrent(width: width, model) { return cache.lines }
    return reviewProgressLines(model, width: width)
}
