/// Tabs expand to the next multiple of this many columns, counted from the start of the line.
public let tabStop = 4

/// Makes untrusted text (runbooks, notes, alerts, command output) safe to draw: nothing in it can drive the
/// terminal, and nothing in it is hidden.
///
/// Nothing is removed, because text cleaned by deletion can hide what it still holds: an OSC string swallows
/// every line up to its BEL, so deleting it would also delete a command written inside it. Instead:
/// - Every control character (`isControlCharacter`) and every scalar `wcwidth` calls non-printable is replaced
///   by its `visibleForm(of:)`: `␛` for ESC, `␇` for BEL, `␍` for CR, `\u{9B}` for a C1 control, `\u{202E}` for
///   a bidirectional override. An escape sequence so reads as `␛` followed by its own bytes, `␛]0;title␇`.
/// - A tab becomes spaces up to the next multiple of `tabStop` columns.
/// - A line feed is kept when `keepNewlines` is true, else it becomes a space.
///
/// The work is one pass over the scalars without recursion or lookahead, so no input can exhaust the stack.
public func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
    revealing(text, keepNewlines: keepNewlines, isRevealed: isControlCharacter)
}

/// A command as the guide, `show` and the postmortem display it: `sanitize(_:keepNewlines:)` with line feeds
/// kept, and every scalar that `isHiddenInCommand` also shown in its `visibleForm(of:)`, so that the text on the
/// screen is exactly what the shell would run, with nothing between its visible characters.
public func sanitizeCommand(_ command: String) -> String {
    revealing(command, keepNewlines: true, isRevealed: isHiddenInCommand)
}

/// Whether a terminal acts on the scalar, or it changes how the text around it reads: a C0 control other than
/// tab and line feed (carriage return included), DEL, a C1 control, or a bidirectional override, embedding or
/// isolate (U+202A–U+202E, U+2066–U+2069).
public func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}

/// Whether any scalar of `text` is a control character (`isControlCharacter`). Decided over the UTF-8 bytes, so
/// that text without one (nearly all) is not decoded: a C0 control or DEL is one byte, a C1 control is C2 80–9F,
/// and the bidirectional controls are E2 80 AA–AE and E2 81 A6–A9.
public func containsControlCharacter(_ text: String) -> Bool {
    var text = text
    // Native strings are contiguous UTF-8; the byte loop below is the whole cost of checking a runbook file.
    return text.withUTF8(containsControlCharacter)
}

private func containsControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    // Eight bytes at a time: a word without a byte that can start a control character is passed over whole, and
    // only a word with one is looked at byte by byte. Most words of CJK or English text have none.
    while index + 8 <= bytes.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if mayStartControlCharacter(word) {
            for offset in index..<index + 8 where controlCharacterStarts(at: offset, in: bytes) { return true }
        }
        index += 8
    }
    while index < bytes.count {
        if controlCharacterStarts(at: index, in: bytes) { return true }
        index += 1
    }
    return false
}

/// Whether the control character's UTF-8 bytes start at `index`.
private func controlCharacterStarts(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let byte = bytes[index]
    if byte < 0x20 { return byte != 0x09 && byte != 0x0A }
    if byte == 0x7F { return true }
    if byte == 0xC2, index + 1 < bytes.count { return (0x80...0x9F).contains(bytes[index + 1]) }
    if byte == 0xE2, index + 2 < bytes.count {
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        return (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }
    return false
}

/// Whether any of the eight bytes of `word` is one a control character starts with: below 0x20 but tab and
/// line feed, 7F, C2 or E2. Never false when one is; each byte is tested on its own, without a carry or borrow
/// reaching the next.
private func mayStartControlCharacter(_ word: UInt64) -> Bool {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let highs: UInt64 = 0x8080_8080_8080_8080
    // The high bit of each byte of `x` that is zero.
    func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x) & highs }
    // (b & 0x7F) + 0x60 reaches 0x80 exactly when b & 0x7F is at least 0x20.
    let belowSpace = ~(((word & lows) &+ 0x6060_6060_6060_6060) | word) & highs
    let tabOrLineFeed = zeroBytes(word ^ 0x0909_0909_0909_0909) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
    let delete = zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
    // C2 and E2 differ only in the bit 0x20: with it set in every byte, both read E2.
    let leadC2OrE2 = zeroBytes((word | 0x2020_2020_2020_2020) ^ 0xE2E2_E2E2_E2E2_E2E2)
    return ((belowSpace & ~tabOrLineFeed) | delete | leadC2OrE2) != 0
}

/// Whether the scalar, inside a command, can make what the screen shows differ from what the shell runs: a
/// control character (`isControlCharacter`), an invisible format character (Unicode category Cf: U+200B ZERO
/// WIDTH SPACE, U+200E LEFT-TO-RIGHT MARK, U+2060 WORD JOINER, U+FEFF …), or a line or paragraph separator.
public func isHiddenInCommand(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isControlCharacter(scalar) }
    if isControlCharacter(scalar) { return true }
    switch scalar.properties.generalCategory {
    case .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
}

/// The scalars of `command` that `isHiddenInCommand`, in order; empty for a command that shows as it runs.
public func hiddenCharacters(inCommand command: String) -> [Unicode.Scalar] {
    // Printable ASCII, tabs and line feeds are most commands: their bytes are checked without decoding scalars.
    if command.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A }) { return [] }
    return command.unicodeScalars.filter(isHiddenInCommand)
}

/// How an unsafe or unprintable scalar is shown: a C0 control or DEL as its Unicode control picture (`␀` … `␟`,
/// `␡`), one column wide, any other scalar as `\u{…}` with its hexadecimal value.
public func visibleForm(of scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    // U+2400 + n is the picture of control n: in UTF-8, E2 90 80+n.
    case 0x00...0x1F: String(decoding: [0xE2, 0x90, 0x80 + UInt8(scalar.value)], as: UTF8.self)
    case 0x7F: "\u{2421}"
    default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}

/// The scalar for a message: `U+001B ESC`, `U+009B CSI`, `U+202E RIGHT-TO-LEFT OVERRIDE`: a control by its
/// standard abbreviation (controls have no Unicode name), any other scalar by its Unicode name.
public func characterName(_ scalar: Unicode.Scalar) -> String {
    let code = "U+" + FixedWidthNumber.padded(scalar.value, width: 4, radix: 16, uppercase: true)
    let name: String? =
        switch scalar.value {
        case 0x00...0x1F: controlAbbreviations[Int(scalar.value)]
        case 0x7F: "DEL"
        case 0x80...0x9F: controlAbbreviations[Int(scalar.value) - 0x80 + 0x20]
        default: scalar.properties.name
        }
    return name.map { code + " " + $0 } ?? code
}

/// The distinct characters of a list for a message, in their first order: `U+001B ESC, U+0007 BEL`; past three,
/// `… and 2 more`.
public func characterNames(_ scalars: [Unicode.Scalar]) -> String {
    var distinct: [Unicode.Scalar] = []
    for scalar in scalars where !distinct.contains(scalar) { distinct.append(scalar) }
    let named = distinct.prefix(3).map(characterName).joined(separator: ", ")
    return distinct.count > 3 ? "\(named) and \(distinct.count - 3) more" : named
}

/// The abbreviations of the C0 controls (U+0000–U+001F) and then the C1 controls (U+0080–U+009F).
private let controlAbbreviations = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGC", "SCI", "CSI", "ST", "OSC", "PM", "APC",
]

/// `sanitize`'s pass: every scalar `isRevealed` picks, and every non-printable one, in its visible form.
private func revealing(_ text: String, keepNewlines: Bool, isRevealed: (Unicode.Scalar) -> Bool) -> String {
    // Most text has nothing to show escaped or expand; it is returned as it is instead of being copied scalar by
    // scalar.
    if text.unicodeScalars.allSatisfy({ isKeptAsIs($0, isRevealed) }) { return text }
    // Built as UTF-8 bytes: appending to a `String.UnicodeScalarView` one scalar at a time costs several times
    // more, and a journal's notes are sanitized by the thousand when a timeline is loaded.
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    var column = 0
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x09:
            let spaces = tabStop - column % tabStop
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
            column += spaces
        case 0x0A:
            if keepNewlines {
                output.append(UInt8(ascii: "\n"))
                column = 0
            } else {
                output.append(UInt8(ascii: " "))
                column += 1
            }
        default:
            let width = scalarWidth(scalar)
            if width >= 0 && !isRevealed(scalar) {
                UTF8.encode(scalar) { output.append($0) }
                column += width
            } else {
                let shown = visibleForm(of: scalar)
                output.append(contentsOf: shown.utf8)
                column += shown.unicodeScalars.count
            }
        }
    }
    return String(decoding: output, as: UTF8.self)
}

/// Whether the pass keeps the scalar as it is, whatever surrounds it: printable, and not picked by `isRevealed`.
private func isKeptAsIs(_ scalar: Unicode.Scalar, _ isRevealed: (Unicode.Scalar) -> Bool) -> Bool {
    switch scalar.value {
    case 0x20...0x7E: true
    case 0x00...0x1F, 0x7F...0x9F: false
    default: !isRevealed(scalar) && scalarWidth(scalar) >= 0
    }
}
