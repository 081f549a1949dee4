/// A text in which some pieces are wildcards: a text matches when it is the literal pieces in order with at least
/// one scalar of anything in place of each wildcard, as the anchored expression `^lit(.+?)lit…$` with dot-all
/// would match it. Compared scalar by scalar, as a regular expression compares, with no normalisation.
struct WildcardPattern: Sendable {
    /// The literal pieces, one more than the wildcards; the first and last may be empty, and so may a piece
    /// between two adjacent wildcards.
    let pieces: [[Unicode.Scalar]]

    /// `text` with every occurrence of the `wildcards` strings taken as a wildcard, found left to right, the
    /// longest (in characters) first where several begin at one place; nil when none occurs in it.
    init?(_ text: String, wildcards: [String]) {
        let tokens = wildcards.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.map { Array($0.unicodeScalars) }
        let scalars = Array(text.unicodeScalars)
        var pieces: [[Unicode.Scalar]] = []
        var pieceStart = 0
        var position = 0
        while position < scalars.count {
            if let token = tokens.first(where: { Self.holds($0, in: scalars, at: position) }) {
                pieces.append(Array(scalars[pieceStart..<position]))
                position += token.count
                pieceStart = position
            } else {
                position += 1
            }
        }
        guard !pieces.isEmpty else { return nil }
        pieces.append(Array(scalars[pieceStart...]))
        self.pieces = pieces
    }

    /// Whether `text` is the pieces with something in place of each wildcard. The first piece is a prefix and
    /// the last a suffix; each piece between is placed as far left as it can go, which leaves the most room
    /// for those after it.
    func matches(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = pieces.first, let last = pieces.last, text.count >= first.count + last.count,
            Self.holds(first, in: text, at: 0), Self.holds(last, in: text, at: text.count - last.count)
        else { return false }
        let end = text.count - last.count
        var position = first.count
        for piece in pieces.dropFirst().dropLast() {
            var start = position + 1
            while start + piece.count < end, !Self.holds(piece, in: text, at: start) { start += 1 }
            guard start + piece.count < end else { return false }
            position = start + piece.count
        }
        return end - position >= 1
    }

    private static func holds(_ piece: [Unicode.Scalar], in text: [Unicode.Scalar], at start: Int) -> Bool {
        guard start >= 0, text.count - start >= piece.count else { return false }
        for offset in piece.indices where text[start + offset] != piece[offset] { return false }
        return true
    }
}
