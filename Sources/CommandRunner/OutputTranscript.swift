import FoundationEssentials

/// What a run's output becomes, as its bytes arrive: the output file (up to its cap), the journal's excerpt and
/// the text for the output pane, with a line `+ command` before each command's output and `! exit N` after a
/// command that failed, both redacted. It keeps the block's first failure, which is the block's result.
///
/// bash runs the `DEBUG` trap once more, for the `ERR` trap's own command, just before the failure marker: the
/// last command marker is therefore held until something else arrives, and one that a failure marker follows
/// at once is that echo and not shown. A held marker is shown once the output has been quiet for `holdLimit`,
/// so a command that prints nothing for a while is still named while it runs.
struct OutputTranscript {
    /// How long a command marker with nothing after it is held before it is shown.
    static let holdLimit: Duration = .milliseconds(200)

    private(set) var log: OutputLog
    private var scanner: MarkerScanner
    private var decoder = UTF8ChunkDecoder()
    private(set) var excerpt: OutputExcerptBuilder
    private let redact: @Sendable (String) -> String
    private let deliver: (String) -> Void
    /// The last command marker, not yet shown, and when it arrived.
    private var held: (command: String, since: ContinuousClock.Instant)?
    /// The last command marker shown.
    private var lastShown: String?
    /// Whether the last text shown ended a line, so a marker starts on a line of its own.
    private var atLineStart = true
    /// Whether the file has said that it reached its cap.
    private var capNoted = false
    /// Command markers already redacted, by their text: a loop repeats the same few commands thousands of times.
    private var redactedCommands: [String: String] = [:]
    /// The most entries `redactedCommands` holds before it starts afresh.
    private static let redactedCommandsLimit = 256
    /// The status of the block's first failing command.
    private(set) var firstFailure: Int32?
    /// Bytes the commands wrote.
    private(set) var outputBytes = 0
    /// Bytes the commands wrote that the file did not keep.
    private(set) var droppedBytes = 0

    /// A transcript into `log`, with markers framed by `tag`, excerpt lines as `limits` say and text for the
    /// pane given to `deliver`.
    init(
        log: OutputLog, tag: MarkerTag, limits: ExcerptLimits, redact: @escaping @Sendable (String) -> String,
        deliver: @escaping (String) -> Void
    ) {
        self.log = log
        scanner = MarkerScanner(tag: tag)
        excerpt = OutputExcerptBuilder(limits: limits)
        self.redact = redact
        self.deliver = deliver
    }

    /// Takes bytes read from the command at `now`.
    mutating func take(_ bytes: ArraySlice<UInt8>, now: ContinuousClock.Instant) {
        for piece in scanner.scan(bytes) { take(piece, now: now) }
    }

    /// Shows the held command marker once the output has been quiet for `holdLimit`.
    mutating func showHeld(now: ContinuousClock.Instant) {
        if let held, now - held.since >= Self.holdLimit { showHeld() }
    }

    /// Takes what is left at the end of the output, shows the held marker, and notes in the file how much
    /// output it did not keep.
    mutating func finish() {
        for piece in scanner.finish() { take(piece, now: .now) }
        showHeld()
        show(decoder.finish())
        if droppedBytes > 0 {
            let size = ByteSize.format(droppedBytes)
            log.note("[respond: \(droppedBytes) bytes (\(size)) of output past the cap were not kept]")
        }
    }

    private mutating func take(_ piece: OutputPiece, now: ContinuousClock.Instant) {
        switch piece {
        case .output(let bytes):
            showHeld()
            outputBytes += bytes.count
            droppedBytes += log.write(bytes[...])
            show(decoder.decode(bytes))
            noteCap()
        case .command(let command):
            showHeld()
            held = (command, now)
        case .failure(let status):
            let failed = held?.command
            held = nil
            if firstFailure == nil { firstFailure = status }
            let which = failed.flatMap { $0 == lastShown ? nil : $0 }
            line("! exit \(status)" + (which.map { ": " + redacted($0) } ?? ""))
        }
    }

    private mutating func showHeld() {
        guard let command = held?.command else { return }
        held = nil
        lastShown = command
        // Every line of a command of several lines gets its `+ `, so the transcript shows where its text ends.
        var marked = String.UnicodeScalarView()
        for scalar in redacted(command).unicodeScalars {
            marked.append(scalar)
            if scalar == "\n" { marked.append(contentsOf: "+ ".unicodeScalars) }
        }
        line("+ " + String(marked))
    }

    /// The command's text redacted, remembered for the next time the same command runs.
    private mutating func redacted(_ command: String) -> String {
        if let known = redactedCommands[command] { return known }
        if redactedCommands.count >= Self.redactedCommandsLimit { redactedCommands.removeAll(keepingCapacity: true) }
        let text = redact(command)
        redactedCommands[command] = text
        return text
    }

    /// Output text for the excerpt and the pane.
    private mutating func show(_ text: String) {
        guard !text.isEmpty else { return }
        excerpt.append(text)
        deliver(text)
        atLineStart = text.utf8.last == UInt8(ascii: "\n")
    }

    /// A line of `respond`'s own, on a line of its own, in the file (within its cap), the excerpt and the pane.
    private mutating func line(_ text: String) {
        show(decoder.finish())
        let whole = (atLineStart ? "" : "\n") + text + "\n"
        _ = log.write(ArraySlice(whole.utf8))
        noteCap()
        excerpt.append(whole)
        deliver(whole)
        atLineStart = true
    }

    /// Says once, in the file and the pane, that the file is full and what follows is only counted.
    private mutating func noteCap() {
        guard log.isFull, !capNoted else { return }
        capNoted = true
        let note =
            "[respond: the output file keeps the first \(ByteSize.format(log.cap)); "
            + "the rest of the output is counted, not kept]"
        log.note(note)
        deliver((atLineStart ? "" : "\n") + note + "\n")
        atLineStart = true
    }
}
