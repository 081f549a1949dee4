import TerminalText

/// The line of a command that holds a placeholder, to show above the field asking for its value: the first line
/// where the token is written (one that is not a comment when there is one), cut at the front when the token
/// would otherwise fall beyond `width` columns, so the token is always on screen.
struct PlaceholderContext: Hashable {
    /// The text before the token, with `…` in front when the line's start is cut.
    var before: String
    /// The token as the command writes it.
    var token: String
    /// The rest of the line after the token.
    var after: String

    init(command: String, token: String, width: Int) {
        let lines = command.split(separator: "\n", omittingEmptySubsequences: false).map {
            sanitize(String($0)).replacing("\t", with: " ")
        }
        let shownToken = sanitize(token)
        let holding = lines.filter { $0.contains(shownToken) }
        let line =
            holding.first { !$0.drop { $0 == " " }.hasPrefix("#") } ?? holding.first ?? lines.first ?? ""
        guard !shownToken.isEmpty, let range = line.firstRange(of: shownToken) else {
            (before, self.token, after) = (line, "", "")
            return
        }
        var before = String(line[..<range.lowerBound])
        let after = String(line[range.upperBound...])
        let tokenWidth = min(displayWidth(of: shownToken), width)
        // Leave the token and a few columns of what follows it on screen; the cut front is marked.
        let room = max(0, width - tokenWidth - min(displayWidth(of: after), 8, width / 4))
        if displayWidth(of: before) > room {
            while displayWidth(of: before) > max(0, room - 1), !before.isEmpty { before.removeFirst() }
            before = "…" + before
        }
        (self.before, self.token, self.after) = (before, shownToken, after)
    }
}
