/// Where the draft keeps a list that grows with the journal (the timeline's rows, the commands run, the pinned
/// notes, …) from the moment the events pass until the sections before it are written: in memory for a journal
/// already held, in a scratch file for one read from its files.
public protocol DraftSpool {
    /// How many lines were added.
    var lineCount: Int { get }

    /// Adds `line`, which holds no line feed of its own.
    mutating func append(line: String)

    /// Passes back everything added, in order, each line followed by a line feed, in pieces that end at a line's
    /// end. A spool that could not keep its lines says so in its own way, after the fact.
    func replay(_ piece: (String) throws -> Void) rethrows
}

/// A spool in memory.
public struct MemorySpool: DraftSpool {
    private var text = ""
    /// How many lines were added.
    public private(set) var lineCount = 0

    /// An empty spool.
    public init() {}

    /// Adds `line`.
    public mutating func append(line: String) {
        text += line
        text += "\n"
        lineCount += 1
    }

    /// Passes back everything added, in one piece.
    public func replay(_ piece: (String) throws -> Void) rethrows {
        if !text.isEmpty { try piece(text) }
    }
}
