import FoundationEssentials
import IncidentModel
import RunbookKit
import TerminalText

/// What the runtime needs to run a confirmed command: the final line, how to run it, and what to record.
public struct CommandRunRequest: Hashable, Sendable {
    /// The command line exactly as confirmed, placeholders filled.
    public var commandLine: String
    /// Stops at the first failing command (see `CommandTemplate.isScript`).
    public var isScript: Bool
    /// The step the block belongs to.
    public var step: StepRef
    /// The values given for the placeholders, by name; recorded in the event.
    public var placeholders: [String: String]
    /// The incident the run is recorded in; its directory keeps the output file.
    public var incidentID: String

    /// Creates a request.
    public init(commandLine: String, isScript: Bool, step: StepRef, placeholders: [String: String], incidentID: String)
    {
        self.commandLine = commandLine
        self.isScript = isScript
        self.step = step
        self.placeholders = placeholders
        self.incidentID = incidentID
    }
}

/// What the runtime reports about the command it runs for `Effect.runCommand`.
public enum CommandUpdate: Sendable {
    /// Output text that arrived since the last report, as the command wrote it (the pane sanitizes it).
    case output(String)
    /// The command ended: the record to append to the journal and a one-line summary (`exit 0 · 1.2s`).
    case finished(CommandRun, summary: String)
    /// The command could not start; nothing ran.
    case failedToStart(reason: String)
}

/// The walkthrough's commands: which block is selected, and the run in progress or last finished.
public struct CommandPanelState: Hashable, Sendable {
    /// The step whose block `selectedBlock` counts in; another step starts at its first block.
    public internal(set) var selectedStep: String?
    /// The selected block's index among the step's code blocks.
    public internal(set) var selectedBlock = 0
    /// The output pane of the current or last run.
    public internal(set) var pane: CommandPane?
    /// Set when the responder chose to quit while a command ran: the guide quits once its end is recorded.
    public internal(set) var quitWhenFinished = false
    /// How far the open run confirmation is scrolled, and whether its last line has been shown.
    public internal(set) var confirmation = ConfirmationScroll()

    /// Whether a command is running now.
    public var isRunning: Bool { pane?.isRunning ?? false }

    /// The selected block's index for a step with `count` blocks.
    func selected(in stepKey: String, count: Int) -> Int {
        guard selectedStep == stepKey, count > 0 else { return 0 }
        return min(selectedBlock, count - 1)
    }
}

/// The output pane: the command line, its output as lines, and how it ended.
public struct CommandPane: Hashable, Sendable {
    /// The most output lines kept on screen; the output file keeps the rest, up to its cap.
    public static let lineLimit = 2000
    /// The most characters of one line kept on screen: a longer line keeps its newest characters after `…`, so
    /// a command printing one endless line costs the guide bounded memory and layout.
    public static let lineLengthLimit = 1000

    /// The command line as run.
    public internal(set) var commandLine: String
    /// When it was started, by the guide's clock.
    public internal(set) var startedAt: Date
    /// The output so far, sanitized, one element per line; the last one is the line still being written.
    public internal(set) var lines: [String] = [""]
    /// How far the output is scrolled up from its newest line.
    public internal(set) var scroll = 0
    /// Whether the command is still running.
    public internal(set) var isRunning = true
    /// Whether Ctrl-C was pressed and the command is being stopped.
    public internal(set) var stopRequested = false
    /// How it ended (`exit 0 · 1.2s`), once it has.
    public internal(set) var summary: String?
    /// The exit code, once it exited on its own.
    public internal(set) var exitCode: Int32?
    /// The full output's file, relative to the incident directory.
    public internal(set) var outputFile: String?

    /// Adds output text: line breaks end lines, control characters and escape sequences are shown escaped, and a
    /// line longer than `lineLengthLimit` keeps its end.
    mutating func append(_ text: String) {
        let pieces = text.replacing("\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { lines.append("") }
            var line = lines.removeLast()
            let tail = piece.suffix(Self.lineLengthLimit)
            if tail.startIndex != piece.startIndex { line = "…" }
            line += sanitize(String(tail))
            // A line has no more characters than UTF-8 bytes: the byte count, which costs nothing, rules most out.
            if line.utf8.count > Self.lineLengthLimit, line.count > Self.lineLengthLimit {
                line = "…" + line.suffix(Self.lineLengthLimit - 1)
            }
            lines.append(line)
        }
        if lines.count > Self.lineLimit { lines.removeFirst(lines.count - Self.lineLimit) }
    }

    /// The lines to show: without the empty line the last line break opened.
    public var shownLines: [String] {
        lines.last == "" ? Array(lines.dropLast()) : lines
    }
}

/// A dialog on the way to running a command, or about the one running.
public enum CommandDialog: Hashable, Sendable {
    /// A value for one placeholder.
    case placeholder(CommandDraft, index: Int, editor: LineEditor)
    /// The final command line, to run or not; `typedYes` holds what is typed when the word `yes` is needed.
    case confirm(CommandDraft, typedYes: LineEditor?)
    /// Quitting while a command runs.
    case confirmQuit
}

/// A block on its way to running: the block, where it is from, and the values given so far.
public struct CommandDraft: Hashable, Sendable {
    /// The block as a command.
    public var template: CommandTemplate
    /// The step it belongs to.
    public var step: StepRef
    /// The values given, by placeholder name.
    public var values: [String: String] = [:]

    /// The line with the values in, and which were quoted.
    var filled: FilledCommand { template.filling(with: values) }
}
