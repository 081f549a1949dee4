/// Where in shell syntax a piece of text sits, which decides how a value put there has to be quoted.
public enum ShellQuoting: String, Hashable, Sendable {
    /// Outside any quotes: the shell splits words and expands there.
    case unquoted
    /// Inside `'…'`: nothing expands, only a `'` ends it.
    case singleQuoted
    /// Inside `"…"`: `$`, `` ` ``, `\` and `"` are special.
    case doubleQuoted
    /// In the body of a here-document with an unquoted delimiter (`<<EOF`): `$`, `` ` `` and `\` are special.
    case expandingHeredoc
    /// In the body of a here-document with a quoted delimiter (`<<'EOF'`): nothing is special.
    case literalHeredoc
}

/// One place a placeholder is written in a command, as character offsets into the command text.
struct PlaceholderOccurrence: Hashable, Sendable {
    var name: String
    var form: PlaceholderForm
    var range: Range<Int>
    var defaultValue: String?
    var quoting: ShellQuoting
}

/// A small shell lexer that knows just enough syntax (quotes, escapes, comments, command substitution,
/// here-documents) to find placeholders where the shell would see them, and comments where it would not.
struct CommandTemplateScanner {
    private enum Frame {
        case top
        case single
        case double
        case substitution(depth: Int)
        case backtick
    }

    private struct PendingHeredoc {
        var delimiter: String
        var stripsTabs: Bool
        var expands: Bool
    }

    private let chars: [Character]
    private var index = 0
    private var stack: [Frame] = [.top]
    private var pending: [PendingHeredoc] = []
    private(set) var occurrences: [PlaceholderOccurrence] = []
    private(set) var comments: [Range<Int>] = []

    /// Scans `chars` once; the results are in `occurrences` and `comments`.
    init(_ chars: [Character]) {
        self.chars = chars
        scan()
    }

    private mutating func scan() {
        while index < chars.count {
            switch stack.last ?? .top {
            case .single:
                scanSingleQuoted()
            case .double:
                scanDoubleQuoted()
            case .top, .substitution, .backtick:
                scanUnquoted()
            }
        }
    }

    private mutating func scanSingleQuoted() {
        if chars[index] == "'" {
            stack.removeLast()
            index += 1
        } else if !detectLiteralForms(quoting: .singleQuoted) {
            index += 1
        }
    }

    private mutating func scanDoubleQuoted() {
        let character = chars[index]
        if character == "\\" {
            index += 2
        } else if character == "\"" {
            stack.removeLast()
            index += 1
        } else if character == "`" {
            stack.append(.backtick)
            index += 1
        } else if character == "$", peek(1) == "(" {
            stack.append(.substitution(depth: 0))
            index += 2
        } else if !detectVariable(quoting: .doubleQuoted), !detectLiteralForms(quoting: .doubleQuoted) {
            index += 1
        }
    }

    private mutating func scanUnquoted() {
        let character = chars[index]
        let frame = stack.last ?? .top
        switch character {
        case "\\":
            index += 2
        case "\n":
            index += 1
            readHeredocBodies()
        case "#" where atWordStart:
            skipComment()
        case "'":
            stack.append(.single)
            index += 1
        case "\"":
            stack.append(.double)
            index += 1
        case "`":
            if case .backtick = frame { stack.removeLast() } else { stack.append(.backtick) }
            index += 1
        case "$" where peek(1) == "(":
            stack.append(.substitution(depth: 0))
            index += 2
        case "$" where peek(1) == "'":
            stack.append(.single)
            index += 2
        case "(":
            if case .substitution(let depth) = frame { stack[stack.count - 1] = .substitution(depth: depth + 1) }
            index += 1
        case ")":
            if case .substitution(let depth) = frame {
                if depth == 0 { stack.removeLast() } else { stack[stack.count - 1] = .substitution(depth: depth - 1) }
            }
            index += 1
        case "<" where peek(1) == "<":
            readHeredocOperator()
        default:
            if !detectVariable(quoting: .unquoted), !detectLiteralForms(quoting: .unquoted) {
                index += 1
            }
        }
    }

    private var atWordStart: Bool {
        guard index > 0 else { return true }
        let previous = chars[index - 1]
        return previous.isWhitespace || ";&|()".contains(previous)
    }

    private func peek(_ offset: Int) -> Character? {
        let position = index + offset
        return position < chars.count ? chars[position] : nil
    }

    private mutating func skipComment() {
        let start = index
        while index < chars.count, chars[index] != "\n" { index += 1 }
        comments.append(start..<index)
    }

    /// `<<WORD`, `<<-WORD`, `<<'WORD'`: remembers the delimiter so the body is read after this line ends.
    /// `<<<` (a here-string) is left to the ordinary scan.
    private mutating func readHeredocOperator() {
        if peek(2) == "<" {
            index += 3
            return
        }
        var position = index + 2
        let stripsTabs = position < chars.count && chars[position] == "-"
        if stripsTabs { position += 1 }
        while position < chars.count, chars[position] == " " || chars[position] == "\t" { position += 1 }
        var word = ""
        var quoted = false
        while position < chars.count, !chars[position].isWhitespace, !";|&<>()".contains(chars[position]) {
            if "'\"\\".contains(chars[position]) { quoted = true } else { word.append(chars[position]) }
            position += 1
        }
        if !word.isEmpty {
            pending.append(PendingHeredoc(delimiter: word, stripsTabs: stripsTabs, expands: !quoted))
        }
        index = position
    }

    private mutating func readHeredocBodies() {
        let heredocs = pending
        pending = []
        for heredoc in heredocs {
            while index < chars.count {
                var end = index
                while end < chars.count, chars[end] != "\n" { end += 1 }
                var lineStart = index
                if heredoc.stripsTabs { while lineStart < end, chars[lineStart] == "\t" { lineStart += 1 } }
                if String(chars[lineStart..<end]) == heredoc.delimiter {
                    index = min(end + 1, chars.count)
                    break
                }
                scanHeredocLine(upTo: end, expands: heredoc.expands)
                index = min(end + 1, chars.count)
            }
        }
    }

    private mutating func scanHeredocLine(upTo end: Int, expands: Bool) {
        let quoting: ShellQuoting = expands ? .expandingHeredoc : .literalHeredoc
        while index < end {
            if expands, chars[index] == "\\" {
                index += 2
            } else if !(expands && detectVariable(quoting: quoting)), !detectLiteralForms(quoting: quoting) {
                index += 1
            }
        }
    }

    /// `$NAME`, `${NAME}` or `${NAME:-default}` with an upper-case name; lower-case and positional
    /// parameters are the script's own variables.
    private mutating func detectVariable(quoting: ShellQuoting) -> Bool {
        guard chars[index] == "$" else { return false }
        if peek(1) == "{" {
            var position = index + 2
            guard let name = upperCaseName(from: &position), position < chars.count else { return false }
            if chars[position] == "}" {
                record(name, .bracedVariable, index..<(position + 1), nil, quoting)
                index = position + 1
                return true
            }
            guard chars[position] == ":", position + 1 < chars.count, chars[position + 1] == "-" else { return false }
            var end = position + 2
            while end < chars.count, chars[end] != "}", chars[end] != "\n" { end += 1 }
            guard end < chars.count, chars[end] == "}" else { return false }
            record(name, .bracedVariable, index..<(end + 1), String(chars[(position + 2)..<end]), quoting)
            index = end + 1
            return true
        }
        var position = index + 1
        guard let name = upperCaseName(from: &position) else { return false }
        if position < chars.count, chars[position].isLowercase { return false }
        record(name, .variable, index..<position, nil, quoting)
        index = position
        return true
    }

    private func upperCaseName(from position: inout Int) -> String? {
        guard position < chars.count, chars[position].isASCII, chars[position].isUppercase else { return nil }
        var name = ""
        while position < chars.count, chars[position].isASCII,
            chars[position].isUppercase || chars[position].isNumber || chars[position] == "_"
        {
            name.append(chars[position])
            position += 1
        }
        return name
    }

    /// `<pod-name>` and `{{ host }}`, which the shell never expands, so they are found inside any quotes.
    private mutating func detectLiteralForms(quoting: ShellQuoting) -> Bool {
        detectAngle(quoting: quoting) || detectMoustache(quoting: quoting) || detectBracket(quoting: quoting)
    }

    private mutating func detectAngle(quoting: ShellQuoting) -> Bool {
        guard chars[index] == "<", index == 0 || chars[index - 1] != "<" else { return false }
        var position = index + 1
        guard position < chars.count, chars[position].isASCII, chars[position].isLetter else { return false }
        var name = ""
        while position < chars.count, chars[position].isASCII,
            chars[position].isLetter || chars[position].isNumber || "-_ ".contains(chars[position])
        {
            name.append(chars[position])
            position += 1
        }
        guard position < chars.count, chars[position] == ">", name.last != " ",
            !Self.neverAngleNames.contains(name.lowercased())
        else { return false }
        record(name, .angle, index..<(position + 1), nil, quoting)
        index = position + 1
        return true
    }

    /// Words in angle brackets that tools print or markup writes, never values to ask for: `<none>` in kubectl's
    /// output, `<stdin>`, HTML line breaks.
    static let neverAngleNames: Set<String> = ["none", "stdin", "stdout", "stderr", "br", "unknown", "nil", "null"]

    /// `[POD_NAME]`: an upper-case name with an underscore, or of four letters or more, in square brackets, as a
    /// word of its own; never in single quotes, where brackets are a pattern's character class.
    private mutating func detectBracket(quoting: ShellQuoting) -> Bool {
        guard chars[index] == "[", quoting != .singleQuoted, quoting != .literalHeredoc,
            index == 0 || chars[index - 1].isWhitespace || "=/:".contains(chars[index - 1])
        else { return false }
        var position = index + 1
        guard let name = upperCaseName(from: &position), position < chars.count, chars[position] == "]",
            name.contains("_") || name.count >= 4, name.first?.isLetter == true
        else { return false }
        let after = position + 1
        guard after == chars.count || chars[after].isWhitespace || "/.:;".contains(chars[after]) else { return false }
        record(name, .bracket, index..<after, nil, quoting)
        index = after
        return true
    }

    private static let goTemplateKeywords: Set<String> = ["end", "else", "break", "continue", "nil"]

    private mutating func detectMoustache(quoting: ShellQuoting) -> Bool {
        guard chars[index] == "{", peek(1) == "{" else { return false }
        var position = index + 2
        while position < chars.count, chars[position] == " " { position += 1 }
        // Alertmanager's `{{ $labels.namespace }}` asks for the label's value, named like `<namespace>`.
        let labels = Array("$labels.")
        if position + labels.count <= chars.count, Array(chars[position..<(position + labels.count)]) == labels {
            position += labels.count
        }
        guard position < chars.count, chars[position].isASCII, chars[position].isLetter || chars[position] == "_" else {
            return false
        }
        var name = ""
        while position < chars.count, chars[position].isASCII,
            chars[position].isLetter || chars[position].isNumber || chars[position] == "_" || chars[position] == "-"
        {
            name.append(chars[position])
            position += 1
        }
        while position < chars.count, chars[position] == " " { position += 1 }
        guard position + 1 < chars.count, chars[position] == "}", chars[position + 1] == "}",
            !Self.goTemplateKeywords.contains(name)
        else { return false }
        record(name, .moustache, index..<(position + 2), nil, quoting)
        index = position + 2
        return true
    }

    private mutating func record(
        _ name: String, _ form: PlaceholderForm, _ range: Range<Int>, _ defaultValue: String?, _ quoting: ShellQuoting
    ) {
        occurrences.append(
            PlaceholderOccurrence(name: name, form: form, range: range, defaultValue: defaultValue, quoting: quoting))
    }
}
