import FoundationEssentials
import TerminalText

/// Makes untrusted text (notes, commands, reasons, runbook text) safe to place in a GitHub markdown document.
///
/// Nothing passed through here can open a heading, list, quote, table cell, code span, link, emphasis, entity or
/// raw HTML, and line breaks become `<br>` so the text stays inside the line (and table cell) it was put in. The
/// escaping is as light as GitHub's markdown allows, so that prose reads as written in the source too: a character
/// gets a backslash only where it could mean something there (`>` opens a quote only at the start of a line, `&`
/// starts an entity only before a letter, digit or `#`, `<` starts a tag or autolink only before a letter, `/`,
/// `!` or `?`, and `_` between letters or digits can neither open nor close emphasis). Backticks, pipes, brackets,
/// `*` and `~` are escaped wherever they could pair with another, because text escaped here is placed next to
/// other text the escaper never sees. Nothing is dropped: a control character is
/// written in its visible form (`␛`, `␇`, `\u{202E}`, see `TerminalText.visibleForm(of:)`), because a postmortem
/// read in a terminal must not drive it, and text cleaned by deletion can hide what it still holds.
public enum MarkdownEscape {
    /// `text` as literal inline markdown on one line.
    ///
    /// The timeline of a long incident escapes several strings per event, so the text is scanned as UTF-8 for the
    /// bytes that may need escaping, and only the characters there (and at the start of each line, where `#`,
    /// `-` or `1.` could open a block) are looked at as characters; runs between them are copied as they are.
    public static func inline(_ text: String) -> String {
        let text = normalisedLines(text)
        guard text.utf8.contains(where: { inlineSpecial[Int($0)] }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var line = LineStart()
        var runStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if line.isSettled {
                // Past the start of the line only a character holding a special byte can need escaping.
                guard let special = text.utf8[index...].firstIndex(where: { inlineSpecial[Int($0)] }) else { break }
                index = text.index(before: text.index(after: special))
                if index < special {
                    // The byte belongs to a character that began earlier (after a prepended mark): not special.
                    index = text.index(after: special)
                    continue
                }
            }
            let character = text[index]
            let next = text.index(after: index)
            let replacement: String?
            if character == "\n" {
                replacement = "<br>"
                line = LineStart()
            } else {
                let neighbours = Neighbours(
                    before: index > text.startIndex ? text[text.index(before: index)] : nil,
                    after: next < text.endIndex ? text[next] : nil)
                replacement = escaped(character, after: line, between: neighbours)
                line.append(character)
            }
            if let replacement {
                out += text[runStart..<index]
                out += replacement
                runStart = next
            }
            index = next
        }
        out += text[runStart...]
        return out
    }

    /// `text` as a code span on one line: a backtick fence longer than any backtick run inside, pipes escaped so
    /// that the span can sit in a table cell, line breaks as spaces, and every character that could hide what a
    /// command runs shown in its visible form, as the guide shows it.
    public static func codeSpan(_ text: String) -> String {
        let flat = normalisedLines(text, lineBreak: 0x20, code: true)
        guard !flat.isEmpty else { return "` `" }
        var longest = 0
        var body = flat
        if flat.utf8.contains(where: { codeSpanSpecial[Int($0)] }) {
            longest = longestBacktickRun(flat)
            // Pipes are escaped wherever they are, even joined to a combining mark, as a table reads them.
            var escaped: [UInt8] = []
            escaped.reserveCapacity(flat.utf8.count + 8)
            for byte in flat.utf8 {
                if byte == UInt8(ascii: "|") { escaped.append(UInt8(ascii: "\\")) }
                escaped.append(byte)
            }
            body = String(decoding: escaped, as: UTF8.self)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") ? " \(body) " : body
        return fence + padded + fence
    }

    /// `text` as a fenced code block: a fence longer than any backtick run inside, so the text cannot close it;
    /// every character that could hide what a command runs is shown in its visible form, as the guide shows it.
    public static func codeBlock(_ text: String, language: String = "") -> [String] {
        let body = normalisedLines(text, code: true)
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(body) + 1))
        let info = language.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" }
        var lines = [fence + info]
        // A line feed is a character of its own except after a carriage return, so without one the bytes split
        // the body where its characters would, without breaking it into characters.
        if body.utf8.contains(0x0D) {
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } else {
            lines += body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String($0)! }
        }
        if lines.last == "" { lines.removeLast() }
        lines.append(fence)
        return lines
    }

    /// A link destination that cannot end the link early, leave its table cell or smuggle in markup; `|` and
    /// control characters are percent-encoded, so they are neither dropped nor raw.
    public static func destination(_ url: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "<")]
        for scalar in url.unicodeScalars where scalar != " " {
            if scalar == "<" || scalar == ">" || scalar == "|" || isControlCharacter(scalar) {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += Array(("%" + (hex.count < 2 ? "0" : "") + hex).utf8)
                }
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }

    /// One character escaped, given what came before it on its line and its neighbours, or nil when it stands as
    /// it is. `#`, `-`, `+`, `=` and `>` open blocks only at the start of a line (where `*`, `_` and `~` could
    /// too), and `.` or `)` only after a leading number (`1.` starts an ordered list). A neighbour outside the
    /// text is unknown, so a character at either end is escaped whenever some neighbour could give it a meaning.
    private static func escaped(_ character: Character, after line: LineStart, between neighbours: Neighbours)
        -> String?
    {
        let before = neighbours.before
        let after = neighbours.after
        switch character {
        case "`", "[", "]", "|":
            return "\\\(character)"
        case "<":
            // A tag, comment, declaration or autolink needs one of these right after the `<`.
            guard let after, !(after.isASCII && after.isLetter), !"/!?".contains(after) else { return "\\<" }
            return nil
        case "&":
            // A named or numeric character reference needs a letter, digit or `#` right after the `&`.
            guard let after, !(after.isASCII && (after.isLetter || after.isNumber)), after != "#" else {
                return "\\&"
            }
            return nil
        case "\\":
            // A backslash escapes only ASCII punctuation, and before a line break it would make a hard break.
            guard let after, !(after.isASCII && after.isPunctuationOrSymbol), after != "\n" else { return "\\\\" }
            return nil
        case "*", "~":
            // Between two spaces a delimiter can neither open nor close emphasis or strikethrough.
            let inert = !line.onlyWhitespace && before == " " && after == " "
            return inert ? nil : "\\\(character)"
        case "_":
            // Inside a word an underscore can neither open nor close emphasis, nor between two spaces.
            let inWord =
                before?.unicodeScalars.last.map(isWordScalar) == true
                && after?.unicodeScalars.first.map(isWordScalar) == true
            let spaced = before == " " && after == " "
            return !line.onlyWhitespace && (inWord || spaced) ? nil : "\\_"
        case "#", "-", "+", "=", ">":
            return line.onlyWhitespace ? "\\\(character)" : nil
        case ".", ")":
            return line.isListNumber ? "\\\(character)" : nil
        default:
            return nil
        }
    }

    /// The characters on either side of the one being escaped; nil past either end of the text.
    private struct Neighbours {
        var before: Character?
        var after: Character?
    }

    /// What the characters so far on a line amount to, for deciding whether the next one could open a block.
    private struct LineStart {
        /// Whether every character so far is whitespace (true for an empty line).
        var onlyWhitespace = true
        /// Whether the line so far is spaces then one or more ASCII digits.
        var isListNumber = false
        /// Whether the line so far is only spaces.
        private var onlySpaces = true

        /// Whether no character can change this any more: the line has something that is neither whitespace nor
        /// part of a leading number.
        var isSettled: Bool { !onlyWhitespace && !isListNumber && !onlySpaces }

        mutating func append(_ character: Character) {
            onlyWhitespace = onlyWhitespace && character.isWhitespace
            if onlySpaces && character == " " { return }
            let digit = character.isASCII && character.isNumber
            isListNumber = (onlySpaces || isListNumber) && digit
            onlySpaces = false
        }
    }

    /// The bytes that may need escaping in inline text: markdown punctuation, line breaks, and 0xE1, which leads
    /// U+1FEF GREEK VARIA, canonically equivalent to a backtick and so equal to one as a `Character`.
    private static let inlineSpecial: [Bool] = (0..<256).map { (byte: Int) in
        byte == 0xE1 || "\n<>&\\`*_[]|~#-+=.)".utf8.contains(UInt8(byte))
    }

    /// The bytes that may need attention in a code span: backticks (and 0xE1, as above) and pipes.
    private static let codeSpanSpecial: [Bool] = (0..<256).map { (byte: Int) in
        byte == 0xE1 || byte == Int(UInt8(ascii: "`")) || byte == Int(UInt8(ascii: "|"))
    }

    /// Line endings unified to `lineBreak` (`\n` by default), tabs to spaces, and every control character written
    /// in its `visibleForm(of:)` instead of being acted on or dropped. In prose, CR LF and a lone CR are line
    /// endings; in `code`, only a line feed is, and a carriage return and every character `isHiddenInCommand` is
    /// shown, so that the code reads as the shell is given it. One pass over the scalars, without recursion.
    private static func normalisedLines(_ text: String, lineBreak: UInt8 = 0x0A, code: Bool = false) -> String {
        let lineFeedsOnly =
            !text.utf8.contains(0x09)
            && (code ? hiddenCharacters(inCommand: text).isEmpty : !containsControlCharacter(text))
        if lineFeedsOnly {
            guard lineBreak != 0x0A, text.utf8.contains(0x0A) else { return text }
            // Only line feeds to change (a command of several lines in a code span): one byte for one byte.
            return String(decoding: text.utf8.map { $0 == 0x0A ? lineBreak : $0 }, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            let endsCarriageReturnLine = afterCarriageReturn && scalar == "\n"
            afterCarriageReturn = !code && scalar == "\r"
            if endsCarriageReturnLine { continue }
            switch scalar {
            case "\n": out.append(lineBreak)
            case "\r" where !code: out.append(lineBreak)
            case "\t": out.append(0x20)
            default:
                if code ? isHiddenInCommand(scalar) : isControlCharacter(scalar) {
                    out += visibleForm(of: scalar).utf8
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest run of backtick characters, counted over the UTF-8 bytes when they are all ASCII (each byte
    /// a character) and over the characters otherwise; zero without a backtick byte or U+1FEF, which equals one.
    private static func longestBacktickRun(_ text: String) -> Int {
        var ascii = true
        var mayHaveBacktick = false
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "`") || byte == 0xE1 { mayHaveBacktick = true }
        }
        guard mayHaveBacktick else { return 0 }
        guard ascii else { return longestRun(of: "`", in: text) }
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == mark ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

extension Character {
    /// Whether this is ASCII punctuation or an ASCII symbol: the characters a markdown backslash escapes.
    fileprivate var isPunctuationOrSymbol: Bool {
        isASCII && (isPunctuation || isSymbol)
    }
}

/// Whether `scalar` is a letter, digit or combining mark: neither whitespace nor punctuation, so an underscore
/// right beside it is inside a word, as the markdown parser reads the scalars on either side of a delimiter.
private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
        .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
        true
    default:
        false
    }
}
