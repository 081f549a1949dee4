/// Tabs expand to the next multiple of this many columns, counted from the start of the line.
public let tabStop = 4

/// Makes untrusted text (runbooks, notes, command output) safe to draw: nothing in it can drive the terminal.
///
/// - Escape sequences are removed whole: ESC followed by `[` (CSI, up to its final byte), `]` (OSC, up to BEL or
///   ST), `P` (DCS), `_` (APC), `^` (PM), `X` (SOS) (up to ST), or any other two- or three-byte escape; the
///   8-bit C1 introducers (CSI U+009B, OSC U+009D, DCS U+0090, APC U+009F, PM U+009E, SOS U+0098) likewise.
///   An unterminated string sequence swallows the rest of the text, as a terminal would.
/// - Other C0 and C1 controls, DEL, bidirectional overrides and isolates (which could make text read
///   differently from what it is), and every scalar `wcwidth` calls non-printable are removed.
/// - A tab becomes spaces up to the next multiple of `tabStop` columns.
/// - A line feed is kept when `keepNewlines` is true, else it becomes a space; a carriage return is removed.
public func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
    // Most text has nothing to remove or expand; it is returned as it is instead of being copied scalar by scalar.
    if text.unicodeScalars.allSatisfy(isKeptAsIs) { return text }
    // Built as UTF-8 bytes: appending to a `String.UnicodeScalarView` one scalar at a time costs several times
    // more, and a journal's notes are sanitized by the thousand when a timeline is loaded.
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    var column = 0
    var scalars = Array(text.unicodeScalars)[...]

    while let scalar = scalars.popFirst() {
        switch scalar.value {
        case 0x1B:
            skipEscape(&scalars)
        case 0x9B:
            skipControlSequence(&scalars)
        case 0x9D:
            skipString(&scalars, bellEnds: true)
        case 0x90, 0x98, 0x9E, 0x9F:
            skipString(&scalars, bellEnds: false)
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
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            continue
        default:
            let width = scalarWidth(scalar)
            guard width >= 0 else { continue }
            UTF8.encode(scalar) { output.append($0) }
            column += width
        }
    }
    return String(decoding: output, as: UTF8.self)
}

/// Whether `sanitize` keeps the scalar as it is, whatever surrounds it: it is printable and neither a control
/// nor a bidirectional override or isolate.
private func isKeptAsIs(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E: true
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: false
    default: scalarWidth(scalar) >= 0
    }
}

/// Skips what follows an ESC: a CSI, a string sequence, or an ordinary escape (intermediates and a final).
private func skipEscape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
    guard let next = scalars.popFirst() else { return }
    switch next {
    case "[":
        skipControlSequence(&scalars)
    case "]":
        skipString(&scalars, bellEnds: true)
    case "P", "X", "^", "_":
        skipString(&scalars, bellEnds: false)
    case "\u{1B}":
        // A second ESC abandons the first and starts its own sequence.
        skipEscape(&scalars)
    default:
        // nF escapes carry intermediate bytes (0x20–0x2F) before their final byte, e.g. ESC ( B.
        var current = next
        while (0x20...0x2F).contains(current.value), let following = scalars.popFirst() {
            current = following
        }
    }
}

/// Skips a control sequence's parameter and intermediate bytes and its final byte (0x40–0x7E). Any other
/// scalar ends it early, so a malformed sequence never eats ordinary text beyond that point.
private func skipControlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
    while let scalar = scalars.first {
        guard (0x20...0x7E).contains(scalar.value) else { return }
        scalars.removeFirst()
        if scalar.value >= 0x40 { return }
    }
}

/// Skips a string sequence's body up to its terminator: ST (ESC `\` or U+009C), or BEL for OSC.
private func skipString(_ scalars: inout ArraySlice<Unicode.Scalar>, bellEnds: Bool) {
    while let scalar = scalars.popFirst() {
        switch scalar.value {
        case 0x9C:
            return
        case 0x07 where bellEnds:
            return
        case 0x1B:
            // ESC \ is ST; any other escape aborts the string and starts a sequence of its own.
            skipEscape(&scalars)
            return
        default:
            continue
        }
    }
}
