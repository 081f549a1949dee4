import Foundation

/// Makes untrusted text (notes, commands, reasons, runbook text) safe to place in a GitHub markdown document.
///
/// Nothing passed through here can open a heading, list, quote, table cell, code span, link, emphasis or raw
/// HTML: markdown punctuation is backslash-escaped, `<`, `>` and `&` become entities, control characters are
/// dropped and line breaks become `<br>` so the text stays inside the line (and table cell) it was put in.
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
        let flat = normalisedLines(text, lineBreak: 0x20)
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
        if url.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // ASCII without controls (most output file names): the same result, byte by byte.
            var out: [UInt8] = [UInt8(ascii: "<")]
            for byte in url.utf8 where byte != UInt8(ascii: " ") {
                switch byte {
                case UInt8(ascii: "<"): out += Array("%3C".utf8)
                case UInt8(ascii: ">"): out += Array("%3E".utf8)
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: ">"))
            return String(decoding: out, as: UTF8.self)
        }
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

    /// Line endings unified to `lineBreak` (`\n` by default), tabs to spaces, escape sequences (CSI, OSC, DCS …)
    /// and every other control character (C0, DEL, C1) dropped. Works on the UTF-8 bytes, a scalar at a time.
    private static func normalisedLines(_ text: String, lineBreak: UInt8 = 0x0A) -> String {
        let unchanged = !text.utf8.contains { byte in
            (byte < 0x20 && !(byte == 0x0A && lineBreak == 0x0A)) || byte == 0x7F || byte == 0xC2
        }
        if unchanged { return text }
        if lineBreak != 0x0A, !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) {
            // Only line feeds to change (a command of several lines in a code span): one byte for one byte.
            return String(decoding: text.utf8.map { $0 == 0x0A ? lineBreak : $0 }, as: UTF8.self)
        }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var input = ScalarReader(bytes: bytes)
            while let scalar = input.next() {
                switch scalar.first {
                case 0x0A: out.append(lineBreak)
                case 0x09: out.append(0x20)
                case 0x1B: skipEscapeSequence(&input)
                default:
                    if !isControl(scalar.first, scalar.second) { out.append(contentsOf: bytes[scalar.range]) }
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The scalars of valid UTF-8 one at a time, with `\r\n` and a lone `\r` read as `\n`.
    private struct ScalarReader {
        /// One scalar: where its bytes are, and its first two bytes (enough to tell controls apart).
        struct Scalar {
            var range: Range<Int>
            var first: UInt8
            var second: UInt8
        }

        let bytes: UnsafeBufferPointer<UInt8>
        private var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func next() -> Scalar? {
            guard index < bytes.count else { return nil }
            let first = bytes[index]
            if first == 0x0D {
                index += 1
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                return Scalar(range: (index - 1)..<index, first: 0x0A, second: 0)
            }
            let length = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
            let start = index
            index += length
            return Scalar(range: start..<index, first: first, second: length > 1 ? bytes[start + 1] : 0)
        }
    }

    /// Consumes an escape sequence after ESC: CSI up to its final byte, OSC, DCS, APC, PM and SOS up to BEL or ST.
    private static func skipEscapeSequence(_ input: inout ScalarReader) {
        guard let introducer = input.next() else { return }
        switch introducer.first {
        case UInt8(ascii: "["):
            while let next = input.next(), !(0x40...0x7E).contains(next.first) {}
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            var previousWasEscape = false
            while let next = input.next() {
                if next.first == 0x07 || (previousWasEscape && next.first == UInt8(ascii: "\\")) { break }
                previousWasEscape = next.first == 0x1B
            }
        default:
            return
        }
    }

    /// Whether the scalar whose UTF-8 starts with `first`, `second` is a control character: C0, DEL or C1
    /// (U+0080–U+009F, encoded as 0xC2 0x80–0x9F).
    private static func isControl(_ first: UInt8, _ second: UInt8) -> Bool {
        first < 0x20 || first == 0x7F || (first == 0xC2 && second >= 0x80 && second <= 0x9F)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
