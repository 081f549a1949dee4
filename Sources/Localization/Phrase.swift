/// A catalog text prepared once to be filled many times: `localizer.phrase(key, "title", "runbook")` followed by
/// `phrase.filled(title, runbook)` per row gives what `localizer.tr(key, ["title": title, "runbook": runbook])`
/// gives, without looking the key up, building a dictionary of arguments and looking each placeholder up in it
/// for every row (a timeline describes every event of a journal when it opens).
public struct Phrase: Sendable {
    /// A run of the text as it is, or the argument at a position among the names the phrase was prepared with.
    private enum Piece: Sendable {
        case text(Substring)
        case argument(Int)
    }

    private let pieces: [Piece]
    /// The text when no argument is given, as `tr(key, [:])` returns it.
    private let template: String

    /// The phrase of `template` whose placeholders named in `names` take the arguments at the same positions. A
    /// placeholder found by the same scan as `Localizer.fill`'s: from each `{`, to the first `}` after it; one not
    /// in `names`, or a `{` without a `}`, stays as it is.
    init(_ template: String, names: [String]) {
        self.template = template
        var pieces: [Piece] = []
        let utf8 = template.utf8
        var copied = utf8.startIndex
        var searched = utf8.startIndex
        while !names.isEmpty, let open = utf8[searched...].firstIndex(of: UInt8(ascii: "{")) {
            let name = utf8.index(after: open)
            searched = name
            guard let close = utf8[name...].firstIndex(of: UInt8(ascii: "}")),
                let position = names.firstIndex(where: { $0.utf8.elementsEqual(utf8[name..<close]) })
            else { continue }
            if copied < open { pieces.append(.text(template[copied..<open])) }
            pieces.append(.argument(position))
            copied = utf8.index(after: close)
            searched = copied
        }
        if copied < utf8.endIndex { pieces.append(.text(template[copied...])) }
        self.pieces = pieces
    }

    /// The text with each placeholder replaced by the argument at its name's position; `arguments` has one value
    /// per name the phrase was prepared with.
    public func filled(_ arguments: String...) -> String {
        filled(arguments)
    }

    /// `filled(_:)` with the arguments in an array.
    public func filled(_ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .argument(let position): result += arguments[position]
            }
        }
        return result
    }
}

extension Localizer {
    /// The text of `key` prepared to be filled with arguments named `names`, in that order (see `Phrase`).
    public func phrase(_ key: String, _ names: String...) -> Phrase {
        Phrase(tr(key), names: names)
    }
}
