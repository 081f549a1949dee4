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
    displayUnits(of: text, upToWidth: .max)
}

/// The first of `displayUnits(of: text)`: all of them when they take at most `limit` columns, else those up to and
/// including the first that goes past `limit`. A long text cut to a screen's width is not split whole.
public func displayUnits(of text: String, upToWidth limit: Int) -> [DisplayUnit] {
    if isPrintableASCII(text) {
        return text.utf8.prefix(limit == .max ? .max : limit + 1).map {
            DisplayUnit(text: String(Unicode.Scalar($0)), width: 1)
        }
    }
    var units: [DisplayUnit] = []
    var used = 0
    for character in text {
        var graphemeUnits = GraphemeUnits(character.unicodeScalars)
        while let unit = graphemeUnits.next() {
            units.append(DisplayUnit(text: graphemeUnits.text(of: unit), width: unit.width))
            used += unit.width
            if used > limit { return units }
        }
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
    var units = GraphemeUnits(scalars)
    while let unit = units.next() { total += unit.width }
    return total
}

/// One display unit of a grapheme, as `GraphemeUnits` finds it.
struct GraphemeUnit {
    /// The columns it takes: 1 or 2.
    var width: Int
    /// The scalar that takes the columns.
    var first: Unicode.Scalar
    /// Whether no zero-width scalar rides on `first`, so that its text is `first` alone.
    var alone: Bool
    /// Where it lies among the grapheme's scalars, counted from 0: from `first` to the last scalar before the next
    /// unit.
    var offsets: Range<Int>
}

/// The display units of one grapheme, left to right, by the rule `displayUnits(of:)` describes: each scalar with a
/// nonzero width starts a unit, the zero-width scalars after it join that unit, a U+FE0F among them makes it two
/// columns wide, and zero-width scalars with no spacing scalar before them, and non-printable scalars, are left out.
/// Everything that measures or splits text into display units reads graphemes through this.
struct GraphemeUnits: IteratorProtocol {
    private let scalars: Character.UnicodeScalarView
    private var iterator: Character.UnicodeScalarView.Iterator
    /// How many scalars have been read.
    private var offset = 0
    /// The spacing scalar that ended the last unit, which starts the next.
    private var pending: (scalar: Unicode.Scalar, width: Int)?

    init(_ scalars: Character.UnicodeScalarView) {
        self.scalars = scalars
        iterator = scalars.makeIterator()
    }

    /// The next unit, nil after the last.
    @inline(__always)
    mutating func next() -> GraphemeUnit? {
        var unit: GraphemeUnit
        if let start = pending {
            pending = nil
            unit = GraphemeUnit(width: start.width, first: start.scalar, alone: true, offsets: offset - 1..<offset)
        } else {
            while true {
                guard let scalar = iterator.next() else { return nil }
                offset += 1
                let width = Self.columns(scalar)
                if width > 0 {
                    unit = GraphemeUnit(width: width, first: scalar, alone: true, offsets: offset - 1..<offset)
                    break
                }
            }
        }
        while let scalar = iterator.next() {
            offset += 1
            let width = Self.columns(scalar)
            if width > 0 {
                pending = (scalar, width)
                return unit
            }
            if width == 0 {
                unit.alone = false
                if scalar == emojiPresentation { unit.width = 2 }
            }
            unit.offsets = unit.offsets.lowerBound..<offset
        }
        return unit
    }

    /// The scalars `unit` draws: its spacing scalar and the zero-width ones riding on it.
    func text(of unit: GraphemeUnit) -> String {
        var text = String(unit.first)
        guard !unit.alone else { return text }
        for (offset, scalar) in scalars.enumerated()
        where offset > unit.offsets.lowerBound && unit.offsets.contains(offset) && Self.columns(scalar) == 0 {
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    /// The columns of one scalar: printable ASCII is one in every locale, so it needs no `wcwidth`.
    @inline(__always)
    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        (0x20...0x7E).contains(scalar.value) ? 1 : scalarWidth(scalar)
    }
}

/// Whether every byte is printable ASCII: each is then a grapheme, a unit and a column of its own (CR LF, the
/// one ASCII pair that makes a grapheme, is not printable). Most of what the guide lays out is.
private func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}
