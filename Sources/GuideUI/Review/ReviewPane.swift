import IncidentModel
import TerminalFrame
import TerminalText

/// The review's progress pane: the progress and adherence summary, and the row each of its lines starts on when
/// wrapped to the pane's text width.
///
/// `update` makes it again when the digest's revision or the width changes (its lines come from the digest and from
/// progress that only events which affect adherence change, see `EventKind.affectsAdherence`), and the view and
/// keys read the one it kept; a frame then wraps only the lines it shows,
/// and scrolling clamps with the total, so that neither costs more on a long incident than on a short one.
/// Counting the rows reads every line once (`wrappedLineCount`), without making the wrapped pieces.
struct ReviewPane: Sendable {
    /// The text width the rows were counted at.
    let width: Int
    /// The digest revision the lines were made from.
    let revision: Int
    /// The summary, one entry per line before wrapping.
    let lines: [ReviewLine]
    /// The row each line starts on, then the number of rows of the whole pane.
    private let starts: [Int]

    /// The pane of `lines` at `width`, made from the digest at `revision`.
    init(lines: [ReviewLine], width: Int, revision: Int) {
        self.width = width
        self.revision = revision
        self.lines = lines
        var starts = [0]
        starts.reserveCapacity(lines.count + 1)
        var row = 0
        for line in lines {
            row += max(1, wrappedLineCount(line.text, width: Self.textWidth(line, width)))
            starts.append(row)
        }
        self.starts = starts
    }

    /// The pane of the model's review at `width`; empty before the journal is loaded or when too narrow to read.
    init(_ model: AppModel, width: Int) {
        let revision = model.review?.digest.revision ?? 0
        guard let review = model.review, let state = model.progress, width > 4 else {
            self.init(lines: [], width: width, revision: revision)
            return
        }
        let summary =
            [ReviewLine(model.tr("ui.review.progress"), .heading)]
            + ReviewSummary.progress(state, runbooks: review.digest.runbooks, model.localizer)
            + [ReviewLine("")]
            + ReviewSummary.adherence(review.adherence, model.localizer, commandLimit: reviewPaneCommandLimit)
        self.init(lines: summary, width: width, revision: revision)
    }

    /// The number of rows of the whole pane.
    var rowCount: Int { starts[starts.count - 1] }

    /// Whether the pane shows the model's review at `width`.
    func isCurrent(width: Int, _ model: AppModel) -> Bool {
        width == self.width && revision == (model.review?.digest.revision ?? 0)
    }

    /// Rows `first` up to `first + count` (fewer at the end), laid out in `theme`: only the lines they cover
    /// are wrapped.
    func rows(from first: Int, count: Int, theme: Theme) -> [StyledLine] {
        guard count > 0, first >= 0, first < rowCount else { return [] }
        // The last line that starts on or before `first`.
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= first { low = middle } else { high = middle - 1 }
        }
        var rows: [StyledLine] = []
        var skip = first - starts[low]
        for line in lines[low...] where rows.count < count {
            rows += layOut(line, theme: theme).dropFirst(skip).prefix(count - rows.count)
            skip = 0
        }
        return rows
    }

    /// One summary line wrapped to the pane, its indentation kept on every row.
    func layOut(_ line: ReviewLine, theme: Theme) -> [StyledLine] {
        let style: Style =
            switch line.tone {
            case .heading: theme.heading
            case .plain: theme.plain
            case .done: theme.done
            case .skipped: theme.color ? Style(foreground: .yellow) : Style(bold: true)
            case .open: theme.strong
            case .dim: theme.dim
            }
        let indent = String(repeating: " ", count: line.indent * 2)
        let wrapped = wrapRuns([Run(line.text, style)], width: Self.textWidth(line, width))
        return wrapped.isEmpty ? [[]] : wrapped.map { [Run(indent, theme.plain)] + $0 }
    }

    /// The columns a line's text wraps to, inside its indentation.
    private static func textWidth(_ line: ReviewLine, _ width: Int) -> Int {
        max(1, width - line.indent * 2)
    }
}

// Two panes are the same when they lay out the same lines at the same width (the rows follow from those); the
// revision is bookkeeping, as it is for the digest.
extension ReviewPane: Hashable {
    static func == (lhs: ReviewPane, rhs: ReviewPane) -> Bool {
        lhs.width == rhs.width && lhs.lines == rhs.lines
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(lines)
    }
}

/// How many commands not in the runbook the progress pane lists before it counts the rest.
let reviewPaneCommandLimit = 10

extension AppModel {
    /// The text width of the review's progress pane, whether it is shown or not, so that the first Tab finds
    /// its rows counted.
    var reviewPaneWidth: Int {
        ReviewLayout(width: width, height: height, showProgress: true).paneTextWidth
    }

    /// Makes the review's progress pane again when the digest or the pane's width changed.
    mutating func refreshReviewPane() {
        guard let review, incident != nil else { return }
        let width = reviewPaneWidth
        if let pane = review.pane, pane.isCurrent(width: width, self) { return }
        let pane: ReviewPane
        if let kept = review.pane, kept.revision == review.digest.revision, !kept.lines.isEmpty, width > 4 {
            // A resize keeps the lines and counts their rows again.
            pane = ReviewPane(lines: kept.lines, width: width, revision: kept.revision)
        } else {
            pane = ReviewPane(self, width: width)
        }
        self.review?.pane = pane
    }
}
