import CDisplayWidth

/// One thing the terminal draws in one place: a scalar that takes columns, with the zero-width scalars
/// (combining marks, variation selectors, joiners) that ride on it. ncursesw stores exactly this in a cell
/// (one spacing character and its non-spacing ones), so a `DisplayUnit` maps onto one cell, or one cell and a
/// continuation cell when it is wide.
public struct DisplayUnit: Hashable, Sendable {
    /// The scalars drawn together, the spacing one first.
    public var text: String
    /// The columns it takes: 1 or 2.
    public var width: Int

    /// Creates a unit.
    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

/// The columns one scalar takes, as glibc's `wcwidth` gives it in a UTF-8 locale: 0, 1, 2, or -1 when the
/// scalar is not printable.
public func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    Int(respond_wcwidth(scalar.value))
}

/// The variation selector that asks for emoji presentation, which terminals draw two columns wide.
private let emojiPresentation: Unicode.Scalar = "\u{FE0F}"

/// Splits text into what the terminal draws, left to right.
///
/// Within a grapheme, each scalar with a nonzero width starts a unit and the zero-width scalars after it join
/// that unit. So a letter with combining marks is one unit of the letter's width; a ZWJ sequence such as 👨‍👩‍👧
/// becomes one unit per person (6 columns), because ncursesw draws each spacing scalar in its own cell and the
/// layout must agree with the cursor positions it keeps. A unit that carries VS16 (U+FE0F) is two columns wide,
/// as emoji-presentation sequences are drawn. Zero-width scalars with no spacing scalar before them in their
/// grapheme, and non-printable scalars, draw nothing and are left out.
public func displayUnits(of text: String) -> [DisplayUnit] {
    if isPrintableASCII(text) {
        return text.utf8.map { DisplayUnit(text: String(Unicode.Scalar($0)), width: 1) }
    }
    var units: [DisplayUnit] = []
    for character in text {
        var current: DisplayUnit?
        for scalar in character.unicodeScalars {
            let width = scalarWidth(scalar)
            if width > 0 {
                if let finished = current { units.append(finished) }
                current = DisplayUnit(text: String(scalar), width: width)
            } else if width == 0, var unit = current {
                unit.text.unicodeScalars.append(scalar)
                if scalar == emojiPresentation { unit.width = 2 }
                current = unit
            }
        }
        if let finished = current { units.append(finished) }
    }
    return units
}

/// The columns a grapheme takes on the terminal: the sum of its display units (see `displayUnits(of:)`).
/// For an ordinary grapheme this is the width of its first scalar with a nonzero width; 0 for a grapheme that
/// draws nothing.
public func displayWidth(of character: Character) -> Int {
    if let ascii = character.asciiValue {
        return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
    }
    return graphemeWidth(character.unicodeScalars)
}

/// The columns a string takes on the terminal.
public func displayWidth(of text: String) -> Int {
    if isPrintableASCII(text) { return text.utf8.count }
    return text.reduce(0) { $0 + graphemeWidth($1.unicodeScalars) }
}

/// The sum of the widths of the units `displayUnits(of:)` makes of one grapheme's scalars, without making them:
/// widths are asked for far more often than units, a character at a time when text is wrapped.
private func graphemeWidth(_ scalars: Character.UnicodeScalarView) -> Int {
    var total = 0
    var current: Int?
    for scalar in scalars {
        let width = scalarWidth(scalar)
        if width > 0 {
            total += current ?? 0
            current = width
        } else if width == 0, current != nil, scalar == emojiPresentation {
            current = 2
        }
    }
    return total + (current ?? 0)
}

/// Whether every byte is printable ASCII: each is then a grapheme, a unit and a column of its own (CR LF, the
/// one ASCII pair that makes a grapheme, is not printable). Most of what the guide lays out is.
private func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}
