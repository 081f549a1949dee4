import Foundation

/// Makes untrusted text (notes, commands, reasons, runbook text) safe to place in a GitHub markdown document.
///
/// Nothing passed through here can open a heading, list, quote, table cell, code span, link, emphasis or raw
/// HTML: markdown punctuation is backslash-escaped, `<`, `>` and `&` become entities, control characters are
/// dropped and line breaks become `<br>` so the text stays inside the line (and table cell) it was put in.
public enum MarkdownEscape {
    /// `text` as literal inline markdown on one line.
    ///
    /// One pass over the characters, copying runs that need no escaping as they are: the timeline of a long
    /// incident escapes several strings per event.
    public static func inline(_ text: String) -> String {
        let text = normalisedLines(text)
        guard text.utf8.contains(where: { inlineSpecial[Int($0)] }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var line = LineStart()
        var runStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let replacement: String?
            if character == "\n" {
                replacement = "<br>"
                line = LineStart()
            } else {
                replacement = escaped(character, after: line)
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
    /// that the span can sit in a table cell, line breaks as spaces.
    public static func codeSpan(_ text: String) -> String {
        let flat = normalisedLines(text, lineBreak: " ")
        guard !flat.isEmpty else { return "` `" }
        var longest = 0
        var body = flat
        if flat.utf8.contains(where: { codeSpanSpecial[Int($0)] }) {
            var current = 0
            for character in flat {
                current = character == "`" ? current + 1 : 0
                longest = max(longest, current)
            }
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

    /// `text` as a fenced code block: a fence longer than any backtick run inside, so the text cannot close it.
    public static func codeBlock(_ text: String, language: String = "") -> [String] {
        let body = normalisedLines(text)
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body) + 1))
        let info = language.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" }
        var lines = [fence + info]
        lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines.append(fence)
        return lines
    }

    /// A link destination that cannot end the link early or smuggle in markup.
    public static func destination(_ url: String) -> String {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { !isControl($0) && $0 != " " }))
        return "<" + cleaned.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
    }

    /// One character escaped, given what came before it on its line, or nil when it stands as it is: `#`, `-`,
    /// `+` and `=` only open blocks at the start of a line, and `.` or `)` only after a leading number (`1.`
    /// starts an ordered list).
    private static func escaped(_ character: Character, after line: LineStart) -> String? {
        switch character {
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "&": return "&amp;"
        case "\\", "`", "*", "_", "[", "]", "|", "~":
            return "\\\(character)"
        case "#", "-", "+", "=":
            return line.onlyWhitespace ? "\\\(character)" : nil
        case ".", ")":
            return line.isListNumber ? "\\\(character)" : nil
        default:
            return nil
        }
    }

    /// What the characters so far on a line amount to, for deciding whether the next one could open a block.
    private struct LineStart {
        /// Whether every character so far is whitespace (true for an empty line).
        var onlyWhitespace = true
        /// Whether the line so far is spaces then one or more ASCII digits.
        var isListNumber = false
        /// Whether the line so far is only spaces.
        private var onlySpaces = true

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

    /// Line endings unified to `lineBreak` (`\n` by default), tabs to spaces, escape sequences (CSI, OSC, DCS …)
    /// and every other control character (C0, DEL, C1) dropped.
    private static func normalisedLines(_ text: String, lineBreak: Unicode.Scalar = "\n") -> String {
        let unchanged = !text.utf8.contains { byte in
            (byte < 0x20 && !(byte == 0x0A && lineBreak == "\n")) || byte == 0x7F || byte == 0xC2
        }
        if unchanged { return text }
        var scalars = String.UnicodeScalarView()
        var input = UnifiedLineEndings(text.unicodeScalars.makeIterator())
        while let scalar = input.next() {
            if scalar == "\n" {
                scalars.append(lineBreak)
            } else if scalar == "\t" {
                scalars.append(" ")
            } else if scalar == "\u{1B}" {
                skipEscapeSequence(&input)
            } else if !isControl(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The scalars of a text with `\r\n` and a lone `\r` read as `\n`.
    private struct UnifiedLineEndings: IteratorProtocol {
        private var base: String.UnicodeScalarView.Iterator
        private var pending: Unicode.Scalar?

        init(_ base: String.UnicodeScalarView.Iterator) {
            self.base = base
        }

        mutating func next() -> Unicode.Scalar? {
            let scalar: Unicode.Scalar?
            if let pending {
                scalar = pending
                self.pending = nil
            } else {
                scalar = base.next()
            }
            guard scalar == "\r" else { return scalar }
            if let following = base.next(), following != "\n" { pending = following }
            return "\n"
        }
    }

    /// Consumes an escape sequence after ESC: CSI up to its final byte, OSC, DCS, APC, PM and SOS up to BEL or ST.
    private static func skipEscapeSequence(_ input: inout UnifiedLineEndings) {
        guard let introducer = input.next() else { return }
        switch introducer {
        case "[":
            while let next = input.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "_", "^", "X":
            var previous: Unicode.Scalar?
            while let next = input.next() {
                if next.value == 0x07 || (previous == "\u{1B}" && next == "\\") { break }
                previous = next
            }
        default:
            return
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
