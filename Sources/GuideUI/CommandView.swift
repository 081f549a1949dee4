import Foundation
import IncidentKit
import RunbookKit
import TerminalText

/// The walkthrough's keys for a step with code blocks; `Tab block` only when there is more than one.
func commandHints(_ count: Int) -> String {
    count > 1 ? "Tab block · y copy · R run" : "y copy · R run"
}

/// How the selected code block's title line starts.
let selectionMark = "▶ "

extension BlockRenderer {
    /// The line above the selected code block: `▶ [2/3] bash`, reversed so it reads without color.
    func selectionTitle(_ index: Int, of count: Int, _ block: CodeBlock) -> StyledLine {
        let kind = block.info.isEmpty ? "shell" : sanitize(block.info)
        let runnable = CommandTemplate.isRunnable(block.code) ? "" : " · no-run"
        return [Run("\(selectionMark)[\(index + 1)/\(count)] \(kind)\(runnable)", theme.selected.with(bold: true))]
    }
}

/// Where the command output screen's parts go; the view and the scrolling keys share it so that the keys stop
/// where the view does.
struct CommandOutputLayout {
    /// The pane's rows: the screen less the incident header above and the status bar and bottom line below.
    let rows: Range<Int>
    /// The output's rows, between the command line (the pane's first row) and how the run stands (its last).
    let output: Range<Int>
    /// The columns a line takes inside the pane's margins.
    let lineWidth: Int

    init(_ model: AppModel) {
        rows = 1..<max(1, model.height - 2)
        output = (rows.lowerBound + 1)..<max(rows.lowerBound + 1, rows.upperBound - 1)
        lineWidth = model.width - 2
    }
}

/// The output's lines as the pane shows them, wrapped to the pane's line width.
private func wrappedOutput(_ pane: CommandPane, _ layout: CommandOutputLayout) -> [String] {
    pane.shownLines.flatMap { wrapCode($0, width: layout.lineWidth) }
}

/// How far the output pane can scroll up from its newest row: the keys stop where the view does, at the oldest.
func maxOutputScroll(_ model: AppModel) -> Int {
    guard let pane = model.commands.pane else { return 0 }
    let layout = CommandOutputLayout(model)
    return max(0, wrappedOutput(pane, layout).count - layout.output.count)
}

/// The output pane: the command line, the output's tail (scrollable), and how the run stands.
func drawCommandOutput(_ frame: inout Frame, _ model: AppModel) {
    let theme = model.theme
    let layout = CommandOutputLayout(model)
    let rows = layout.rows
    guard let pane = model.commands.pane, rows.count >= 3 else { return }
    let lineWidth = layout.lineWidth
    let commandLines = sanitize(pane.commandLine, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
    let first = "$ " + (commandLines.first.map(String.init) ?? "") + (commandLines.count > 1 ? " …" : "")
    frame.put(first, column: 1, row: rows.lowerBound, style: theme.strong, limit: lineWidth)

    let outputRows = layout.output
    let lines = wrappedOutput(pane, layout)
    let scroll = min(pane.scroll, max(0, lines.count - outputRows.count))
    let end = lines.count - scroll
    let shown = lines[max(0, end - outputRows.count)..<end]
    for (row, line) in zip(outputRows, shown) {
        frame.put(line, column: 1, row: row, limit: lineWidth)
    }
    if lines.isEmpty, let row = outputRows.first {
        frame.put(pane.isRunning ? "(no output yet)" : "(no output)", column: 1, row: row, style: theme.dim)
    }

    let statusRow = rows.upperBound - 1
    let status: String
    let style: Style
    if pane.isRunning {
        let elapsed = DurationFormat.clock(max(0, model.now.timeIntervalSince(pane.startedAt)))
        status = pane.stopRequested ? "stopping… \(elapsed)" : "running \(elapsed) · Ctrl-C stops"
        style = theme.warning
    } else {
        let file = pane.outputFile.map { " · \($0)" } ?? ""
        status = "\(pane.summary ?? "ended") · q closes\(file)"
        style = pane.exitCode == 0 ? theme.done.with(bold: true) : theme.error
    }
    let scrolled = scroll > 0 ? " · ↓ \(scroll) newer" : ""
    frame.put(status + scrolled, column: 1, row: statusRow, style: style, limit: lineWidth)
}

/// The dialogs on the way to a run: a placeholder's value, the confirmation, quitting while it runs.
func drawCommandDialog(_ frame: inout Frame, _ model: AppModel, _ dialog: CommandDialog) {
    let theme = model.theme
    switch dialog {
    case .placeholder(let draft, let index, let editor):
        let placeholders = draft.template.placeholders
        let name = placeholders[safe: index]?.token ?? ""
        var box = centeredBox(frame, width: 64, height: 5)
        frame.box(column: box.column, row: box.row, width: box.width, height: box.height,
                  title: "value for \(name) (\(index + 1)/\(placeholders.count))", style: theme.frame)
        let line = sanitize(draft.template.text).replacingOccurrences(of: "\t", with: " ")
        frame.put(line, column: box.column + 2, row: box.next, style: theme.dim, limit: box.width - 4)
        box.next += 1
        frame.put("Enter next · Esc cancels · Ctrl-U clears", column: box.column + 2, row: box.next + 1, style: theme.dim, limit: box.width - 4)
        drawEditor(&frame, editor, column: box.column + 2, row: box.next, width: box.width - 4, theme: theme)
    case .confirm(let draft, let typedYes):
        drawConfirmation(&frame, model, draft, typedYes)
    case .confirmQuit:
        let box = centeredBox(frame, width: 56, height: 4)
        frame.box(column: box.column, row: box.row, width: box.width, height: box.height, title: "quit?", style: theme.frame)
        frame.put("a command is still running", column: box.column + 2, row: box.next, style: theme.strong, limit: box.width - 4)
        frame.put("y stops it and quits · any other key stays", column: box.column + 2, row: box.next + 1, style: theme.dim, limit: box.width - 4)
        frame.cursor = nil
    }
}

/// The confirmation: the final line wrapped as it will run, which values were quoted, a destructive pattern's
/// reason, and the `yes` prompt when one is needed.
private func drawConfirmation(_ frame: inout Frame, _ model: AppModel, _ draft: CommandDraft, _ typedYes: LineEditor?) {
    let theme = model.theme
    let filled = draft.filled
    let width = min(72, frame.width - 2)
    var notes: [(String, Style)] = []
    if !filled.quoted.isEmpty {
        notes.append(("quoted: " + filled.quoted.joined(separator: ", "), theme.dim))
    }
    if draft.template.isScript { notes.append(("runs as one script (bash -e)", theme.dim)) }
    let danger = DestructiveCommand.match(in: filled.commandLine)
    if let danger {
        let ask = typedYes != nil ? " — type yes to run" : ""
        notes.append(("⚠ \(sanitize(danger.reason))\(ask)", theme.warning))
    }
    let footerRows = typedYes != nil ? 2 : 1
    // Borders, notes and footer around the command; it gets the rest, at least one row.
    let room = max(1, frame.height - 4 - notes.count - footerRows)
    let wrapped = wrapCode(sanitize(filled.commandLine, keepNewlines: true), width: width - 6)
    let shown = Array(wrapped.prefix(room))
    var box = centeredBox(frame, width: width, height: shown.count + notes.count + footerRows + 2)
    frame.box(column: box.column, row: box.row, width: box.width, height: box.height, title: "run this command?", style: theme.frame)
    let inner = box.width - 4
    for (index, line) in shown.enumerated() where box.next < box.bottom {
        let cut = index == shown.count - 1 && wrapped.count > shown.count
        frame.put((index == 0 ? "$ " : "  ") + (cut ? "… +\(wrapped.count - shown.count) lines" : line),
                  column: box.column + 2, row: box.next, style: theme.code.with(bold: true), limit: inner)
        box.next += 1
    }
    for (text, style) in notes where box.next < box.bottom {
        frame.put(text, column: box.column + 2, row: box.next, style: style, limit: inner)
        box.next += 1
    }
    if let typedYes {
        frame.put("type yes:", column: box.column + 2, row: box.bottom - 2, style: theme.strong)
        frame.put("Enter runs only after yes · Esc cancels", column: box.column + 2, row: box.bottom - 1, style: theme.dim, limit: inner)
        drawEditor(&frame, typedYes, column: box.column + 12, row: box.bottom - 2, width: inner - 10, theme: theme)
    } else {
        frame.put("Enter/y runs · Esc/n cancels", column: box.column + 2, row: box.bottom - 1, style: theme.strong, limit: inner)
        frame.cursor = nil
    }
}

/// The output pane's keys, for the help overlay.
let commandOutputHelp: [(String, String)] = [
    ("↑↓ j k", "scroll the output"), ("PgUp PgDn", "scroll a page"), ("g G", "oldest, newest"),
    ("Ctrl-C", "stop the command (not the guide)"), ("q Esc", "back to the walkthrough; o returns"),
]

extension AppModel {
    /// The step under the walkthrough's cursor, or nil on a verification item or without a runbook.
    var currentStep: Step? {
        guard let session = incident, let items = currentRunbook?.walkthroughItems,
              case .step(let step)? = items[safe: session.cursor] else { return nil }
        return step
    }
}
