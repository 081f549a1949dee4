import FoundationEssentials

/// Something in a journal that was set aside while reading it.
public struct JournalProblem: Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Hashable, Sendable {
        /// The last line has no newline: a write was cut short. Its bytes are set aside.
        case tornTail
        /// A complete line that is not a valid event.
        case corrupt(reason: CorruptLineReason)
        /// A valid event whose seq does not follow the one before it.
        case outOfOrder(seq: Int, previous: Int)
    }

    /// The journal's path.
    public var path: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong with it.
    public var kind: Kind

    /// Creates a problem report.
    public init(path: String, line: Int, kind: Kind) {
        self.path = path
        self.line = line
        self.kind = kind
    }

    /// `path:line: what`, one line.
    public var description: String { "\(Self.visible(path)):\(line): \(message)" }

    /// What is wrong and what was done about it, without where. A reason quotes fields of the line (an unknown
    /// kind, an invalid severity) with their control characters shown as escapes, so that printing it cannot drive
    /// the terminal and the responder sees what the file holds.
    public var message: String {
        switch kind {
        case .tornTail:
            "incomplete last line (a write was cut short); set aside, every complete event loaded"
        case .corrupt(let reason):
            "corrupt line set aside: \(Self.visible(reason.description))"
        case .outOfOrder(let seq, let previous):
            "seq \(seq) does not follow seq \(previous); kept in file order"
        }
    }
}

extension JournalProblem {
    /// `text` with each C0 and C1 control, DEL and bidirectional override or isolate written as `\u{…}`: one
    /// line, nothing a terminal acts on, and every character of the file still accounted for.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
