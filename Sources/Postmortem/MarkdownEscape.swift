import Foundation

/// Makes untrusted text (notes, commands, reasons, runbook text) safe to place in a GitHub markdown document.
///
/// Nothing passed through here can open a heading, list, quote, table cell, code span, link, emphasis or raw
/// HTML: markdown punctuation is backslash-escaped, `<`, `>` and `&` become entities, control characters are
/// dropped and line breaks become `<br>` so the text stays inside the line (and table cell) it was put in.
public enum MarkdownEscape {
    /// `text` as literal inline markdown on one line.
    public static func inline(_ text: String) -> String {
        var out = ""
        var lineSoFar = ""
        for character in normalisedLines(text) {
            if character == "\n" {
                out += "<br>"
                lineSoFar = ""
                continue
            }
            out += escaped(character, after: lineSoFar)
            lineSoFar.append(character)
        }
        return out
    }

    /// `text` as a code span on one line: a backtick fence longer than any backtick run inside, pipes escaped so
    /// that the span can sit in a table cell, line breaks as spaces.
    public static func codeSpan(_ text: String) -> String {
        let flat = normalisedLines(text).replacingOccurrences(of: "\n", with: " ")
        guard !flat.isEmpty else { return "` `" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") ? " \(flat) " : flat
        return fence + padded.replacingOccurrences(of: "|", with: "\\|") + fence
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

    /// One character escaped, given the text before it on its line: `#`, `-`, `+` and `=` only open blocks at
    /// the start of a line, and `.` or `)` only after a leading number (`1.` starts an ordered list).
    private static func escaped(_ character: Character, after lineSoFar: String) -> String {
        let startsBlock = lineSoFar.allSatisfy(\.isWhitespace)
        switch character {
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "&": return "&amp;"
        case "\\", "`", "*", "_", "[", "]", "|", "~":
            return "\\\(character)"
        case "#", "-", "+", "=":
            return startsBlock ? "\\\(character)" : String(character)
        case ".", ")":
            let number = lineSoFar.drop { $0 == " " }
            let listNumber = !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
            return listNumber ? "\\\(character)" : String(character)
        default:
            return String(character)
        }
    }

    /// Line endings unified to `\n`, tabs to spaces, escape sequences (CSI, OSC, DCS …) and every other control
    /// character (C0, DEL, C1) dropped.
    private static func normalisedLines(_ text: String) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var scalars = String.UnicodeScalarView()
        var input = unified.unicodeScalars.makeIterator()
        while let scalar = input.next() {
            if scalar == "\n" {
                scalars.append(scalar)
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

    /// Consumes an escape sequence after ESC: CSI up to its final byte, OSC, DCS, APC, PM and SOS up to BEL or ST.
    private static func skipEscapeSequence(_ input: inout String.UnicodeScalarView.Iterator) {
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
