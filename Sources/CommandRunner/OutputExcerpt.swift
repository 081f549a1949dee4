import IncidentModel
import TerminalText

/// How much of a command's output the journal keeps.
public struct ExcerptLimits: Hashable, Sendable {
    /// Lines kept from the start.
    public var headLines: Int
    /// Lines kept from the end.
    public var tailLines: Int
    /// The most characters kept of one line; longer lines end in `…`.
    public var lineLength: Int
    /// The most UTF-8 bytes of the whole excerpt.
    public var maximumBytes: Int

    /// 20 lines from each end, lines of up to 240 characters, at most 4 KiB.
    public static let standard = ExcerptLimits(headLines: 20, tailLines: 20, lineLength: 240, maximumBytes: 4096)

    /// Creates limits.
    public init(headLines: Int, tailLines: Int, lineLength: Int, maximumBytes: Int) {
        self.headLines = max(0, headLines)
        self.tailLines = max(0, tailLines)
        self.lineLength = max(1, lineLength)
        self.maximumBytes = max(64, maximumBytes)
    }
}

/// Collects the first and last lines of output as it streams, in bounded memory, and makes the excerpt the
/// journal keeps: control characters in their visible form (`␛[31m`), secrets redacted, `… K lines omitted …`
/// between the ends, and no more than `maximumBytes`. Pure: the redaction is passed in.
public struct OutputExcerptBuilder: Sendable {
    private let limits: ExcerptLimits
    /// Lines are held up to this length before redaction, so that a secret is seen whole before lines are cut.
    private let heldLength: Int
    private var head: [String] = []
    private var tail: [String] = []
    private var current = ""
    /// `current.count`, kept so that a long line costs one step a character, not one a character held.
    private var currentLength = 0
    private var currentStarted = false
    private var totalLines = 0
    /// Private key blocks span lines, which the excerpt redacts one at a time: every line is seen here in order,
    /// so a key's lines are dropped even when its BEGIN line was kept in the head and its END reaches the tail.
    private var privateKeys = PrivateKeyBlockFilter()
    /// Set when a line is dropped before the head is full, so that what follows goes to the tail and the
    /// `… K lines omitted …` line stands where the dropped lines were.
    private var headClosed = false

    /// Creates an empty builder.
    public init(limits: ExcerptLimits = .standard) {
        self.limits = limits
        heldLength = max(limits.lineLength * 4, 1024)
    }

    /// Adds decoded output text.
    public mutating func append(_ text: String) {
        for character in text {
            if character.isNewline {
                endLine()
            } else {
                currentStarted = true
                if currentLength < heldLength {
                    current.append(character)
                    currentLength += 1
                }
            }
        }
    }

    /// The excerpt of everything appended so far (an unterminated last line counts as a line).
    public func excerpt(redact: (String) -> String) -> String {
        var copy = self
        if copy.currentStarted { copy.endLine() }
        let omitted = copy.totalLines - copy.head.count - copy.tail.count
        let redactedHead = copy.head.map { Self.cut(redact(sanitize($0, keepNewlines: true)), to: limits.lineLength) }
        let redactedTail = copy.tail.map { Self.cut(redact(sanitize($0, keepNewlines: true)), to: limits.lineLength) }
        return Self.bounded(head: redactedHead, tail: redactedTail, omitted: omitted, maximumBytes: limits.maximumBytes)
    }

    private mutating func endLine() {
        totalLines += 1
        defer {
            current = ""
            currentLength = 0
            currentStarted = false
        }
        // A dropped key line is counted among the omitted lines.
        guard let line = privateKeys.filter(current) else {
            headClosed = true
            return
        }
        if head.count < limits.headLines, !headClosed {
            head.append(line)
        } else if limits.tailLines > 0 {
            tail.append(line)
            if tail.count > limits.tailLines { tail.removeFirst() }
        }
    }

    private static func cut(_ line: String, to length: Int) -> String {
        line.count <= length ? line : String(line.prefix(length - 1)) + "…"
    }

    /// Drops lines from the middle outwards (the last head line, then the first tail line) until the text fits.
    private static func bounded(head: [String], tail: [String], omitted: Int, maximumBytes: Int) -> String {
        var head = head
        var tail = tail
        var omitted = omitted
        while true {
            let text = compose(head: head, tail: tail, omitted: omitted)
            if text.utf8.count <= maximumBytes { return text }
            if head.count > tail.count, !head.isEmpty {
                head.removeLast()
            } else if !tail.isEmpty {
                tail.removeFirst()
            } else if !head.isEmpty {
                head.removeLast()
            } else {
                return String(decoding: text.utf8.prefix(maximumBytes), as: UTF8.self)
            }
            omitted += 1
        }
    }

    private static func compose(head: [String], tail: [String], omitted: Int) -> String {
        var lines = head
        if omitted > 0 { lines.append("… \(omitted) line\(omitted == 1 ? "" : "s") omitted …") }
        lines += tail
        return lines.joined(separator: "\n")
    }
}
