import FoundationEssentials
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame
import TerminalText

/// How the selected code block's title line starts.
let selectionMark = "▶ "

extension BlockRenderer {
    /// The line above the selected code block: `▶ [2/3] bash`, reversed so it reads without color.
    func selectionTitle(_ index: Int, of count: Int, _ block: CodeBlock) -> StyledLine {
        let kind = block.info.isEmpty ? words.tr("ui.block.shell") : sanitize(block.info)
        let runnable = CommandTemplate.isRunnable(block) ? "" : words.tr("ui.block.no_run")
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
    let commandLines = sanitizeCommand(pane.commandLine).split(separator: "\n", omittingEmptySubsequences: false)
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
        frame.put(
            pane.isRunning ? model.tr("ui.command.no_output_yet") : model.tr("ui.command.no_output"), column: 1,
            row: row, style: theme.dim)
    }

    let statusRow = rows.upperBound - 1
    let status: String
    let style: Style
    if pane.isRunning {
        let elapsed = DurationFormat.clock(max(0, model.now.timeIntervalSince(pane.startedAt)))
        status =
            pane.stopRequested
            ? model.tr("ui.command.stopping", ["elapsed": elapsed])
            : model.tr("ui.command.running", ["elapsed": elapsed])
        style = theme.warning
    } else {
        let file = pane.outputFile.map { " · \($0)" } ?? ""
        status = model.tr("ui.command.ended", ["summary": pane.summary ?? model.tr("ui.command.ended_word")]) + file
        style = pane.exitCode == 0 ? theme.done.with(bold: true) : theme.error
    }
    let scrolled = scroll > 0 ? model.tr("ui.command.newer", ["count": String(scroll)]) : ""
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
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height,
            title: model.tr(
                "ui.placeholder.title",
                ["name": name, "index": String(index + 1), "count": String(placeholders.count)]),
            style: theme.frame)
        let context = PlaceholderContext(command: draft.template.text, token: name, width: box.width - 4)
        var x = box.column + 2
        let end = box.column + box.width - 2
        x += frame.put(context.before, column: x, row: box.next, style: theme.dim, limit: end - x)
        x += frame.put(context.token, column: x, row: box.next, style: theme.strong, limit: end - x)
        frame.put(context.after, column: x, row: box.next, style: theme.dim, limit: end - x)
        box.next += 1
        frame.put(
            model.tr("ui.placeholder.keys"), column: box.column + 2, row: box.next + 1, style: theme.dim,
            limit: box.width - 4)
        drawEditor(&frame, editor, column: box.column + 2, row: box.next, width: box.width - 4, theme: theme)
    case .confirm(let draft, let typedYes):
        drawConfirmation(&frame, model, draft, typedYes)
    case .confirmQuit:
        let box = centeredBox(frame, width: 56, height: 4)
        frame.box(
            column: box.column, row: box.row, width: box.width, height: box.height,
            title: model.tr("ui.quit_running.title"),
            style: theme.frame)
        frame.put(
            model.tr("ui.quit_running.text"), column: box.column + 2, row: box.next, style: theme.strong,
            limit: box.width - 4)
        frame.put(
            model.tr("ui.quit_running.keys"), column: box.column + 2, row: box.next + 1, style: theme.dim,
            limit: box.width - 4)
        frame.cursor = nil
    }
}

/// How far the run confirmation's command is scrolled, and whether its last line has been on screen: only then
/// can it be confirmed, so that every line that will run has been shown.
public struct ConfirmationScroll: Hashable, Sendable {
    /// The first of the command's wrapped lines on screen.
    public internal(set) var top = 0
    /// Whether the last line has been on screen since the confirmation opened.
    public internal(set) var sawEnd = false
}

/// Where the run confirmation's parts go; the view and the keys share it, so that the keys know what is shown.
struct ConfirmationLayout {
    /// The box's width.
    let width: Int
    /// The command as it will run, every hidden character escaped, wrapped to the box.
    let lines: [String]
    /// What the box says under the command: quoted values, script mode, a destructive pattern's reason.
    let notes: [(String, Style)]
    /// The rows of the footer: the `yes` prompt and the keys, or the keys.
    let footerRows: Int
    /// How many of the command's lines the box shows at once.
    let room: Int

    init(_ model: AppModel, _ draft: CommandDraft, typedYes: Bool) {
        let theme = model.theme
        let filled = draft.filled
        width = min(72, model.width - 2)
        var notes: [(String, Style)] = []
        if !filled.quoted.isEmpty {
            notes.append((model.tr("ui.confirm.quoted", ["names": filled.quoted.joined(separator: ", ")]), theme.dim))
        }
        if draft.template.isScript { notes.append((model.tr("ui.confirm.script"), theme.dim)) }
        if let danger = DestructiveCommand.match(in: filled.commandLine) {
            let ask = typedYes ? model.tr("ui.confirm.type_yes_to_run") : ""
            notes.append(("⚠ \(sanitize(destructiveReason(danger, model.localizer)))\(ask)", theme.warning))
        }
        self.notes = notes
        footerRows = typedYes ? 2 : 1
        lines = wrapCode(sanitizeCommand(filled.commandLine), width: width - 6)
        // Borders, notes and footer around the command; it gets the rest, less a row saying which lines are shown
        // when they do not all fit, and at least one row.
        let fullRoom = max(1, model.height - 4 - notes.count - footerRows)
        room = lines.count > fullRoom ? max(1, fullRoom - 1) : fullRoom
    }

    /// Whether the command is longer than the box, so that it scrolls and says which lines are shown.
    var scrolls: Bool { lines.count > room }

    /// `top` kept where the box is full: from the first line to the last screenful.
    func clamped(_ top: Int) -> Int {
        min(max(0, top), max(0, lines.count - room))
    }

    /// Whether the box shows the last line when scrolled to `top`.
    func showsEnd(from top: Int) -> Bool {
        clamped(top) + room >= lines.count
    }
}

/// Whether every line of the command in the open confirmation has been on screen.
func confirmationSeen(_ model: AppModel, _ draft: CommandDraft, typedYes: Bool) -> Bool {
    let scroll = model.commands.confirmation
    return scroll.sawEnd || ConfirmationLayout(model, draft, typedYes: typedYes).showsEnd(from: scroll.top)
}

/// The confirmation: the command wrapped as it will run, every line of it (scrolling when it is longer than the
/// screen), which values were quoted, a destructive pattern's reason, and the `yes` prompt when one is needed.
private func drawConfirmation(_ frame: inout Frame, _ model: AppModel, _ draft: CommandDraft, _ typedYes: LineEditor?) {
    let theme = model.theme
    let layout = ConfirmationLayout(model, draft, typedYes: typedYes != nil)
    let top = layout.clamped(model.commands.confirmation.top)
    let shown = layout.lines[top..<min(layout.lines.count, top + layout.room)]
    let positionRows = layout.scrolls ? 1 : 0
    var box = centeredBox(
        frame, width: layout.width,
        height: shown.count + positionRows + layout.notes.count + layout.footerRows + 2)
    frame.box(
        column: box.column, row: box.row, width: box.width, height: box.height, title: model.tr("ui.confirm.title"),
        style: theme.frame)
    let inner = box.width - 4
    for (index, line) in zip(shown.indices, shown) where box.next < box.bottom {
        frame.put(
            (index == 0 ? "$ " : "  ") + line, column: box.column + 2, row: box.next,
            style: theme.code.with(bold: true), limit: inner)
        box.next += 1
    }
    let seen = confirmationSeen(model, draft, typedYes: typedYes != nil)
    if layout.scrolls, box.next < box.bottom {
        let more = layout.showsEnd(from: top) ? "" : model.tr("ui.confirm.more")
        let position = model.tr(
            "ui.confirm.lines",
            ["first": String(top + 1), "last": String(top + shown.count), "count": String(layout.lines.count)])
        frame.put(
            position + more, column: box.column + 2,
            row: box.next, style: seen ? theme.dim : theme.warning, limit: inner)
        box.next += 1
    }
    for (text, style) in layout.notes where box.next < box.bottom {
        frame.put(text, column: box.column + 2, row: box.next, style: style, limit: inner)
        box.next += 1
    }
    let keys: String
    if let typedYes {
        frame.put(model.tr("ui.confirm.type_yes"), column: box.column + 2, row: box.bottom - 2, style: theme.strong)
        keys = seen ? model.tr("ui.confirm.keys_yes") : model.tr("ui.confirm.keys_read_on")
        drawEditor(&frame, typedYes, column: box.column + 12, row: box.bottom - 2, width: inner - 10, theme: theme)
    } else {
        keys = seen ? model.tr("ui.confirm.keys") : model.tr("ui.confirm.keys_read_on_n")
        frame.cursor = nil
    }
    let keysStyle = typedYes == nil ? theme.strong : theme.dim
    frame.put(keys, column: box.column + 2, row: box.bottom - 1, style: keysStyle, limit: inner)
}

extension AppModel {
    /// The step under the walkthrough's cursor, or nil on a verification item or without a runbook.
    var currentStep: Step? {
        guard let session = incident, let items = currentRunbook?.walkthroughItems,
            case .step(let step)? = items[safe: session.cursor]
        else { return nil }
        return step
    }
}
