/// Where the review's parts go on a screen of a given size; the view and the keys share it so that scrolling
/// knows how many rows the table has.
struct ReviewLayout {
    /// The width from which the progress pane is shown beside the timeline instead of over it.
    static let splitWidth = 120

    /// The row of the column titles, when the screen is tall enough for them.
    let columnTitles: Int?
    /// The rows of the timeline table, or of the progress pane when it covers the table.
    let table: Range<Int>
    /// The rows under the table that show the selected event in full (empty on short screens).
    let detail: Range<Int>
    /// The columns of the table.
    let tableWidth: Int
    /// Whether the progress pane is beside the table.
    let isSplit: Bool
    /// Whether the progress pane is shown (beside the table or over it).
    let showsProgress: Bool
    /// The first column of the progress pane.
    let paneColumn: Int
    /// The columns of the progress pane.
    let paneWidth: Int
    /// The status bar's row.
    let status: Int

    init(width: Int, height: Int, showProgress: Bool) {
        let tall = height >= 20
        columnTitles = tall ? 3 : nil
        let bottom = height - 2
        detail = tall ? (bottom - 2)..<bottom : bottom..<bottom
        table = (tall ? 4 : 3)..<max(tall ? 4 : 3, detail.lowerBound)
        isSplit = showProgress && width >= Self.splitWidth
        showsProgress = showProgress
        paneWidth = isSplit ? width * 2 / 5 : width
        paneColumn = isSplit ? width - paneWidth : 0
        tableWidth = isSplit ? width - paneWidth - 1 : width
        status = bottom
    }

    /// The columns the progress pane's text is wrapped to, inside its one-column margins.
    var paneTextWidth: Int { max(0, paneWidth - 2) }

    /// The rows of the progress pane: everything between the header and the status bar.
    var paneRows: Range<Int> { 3..<max(3, status) }

    init(_ model: AppModel) {
        self.init(width: model.width, height: model.height, showProgress: model.review?.showProgress ?? false)
    }
}
