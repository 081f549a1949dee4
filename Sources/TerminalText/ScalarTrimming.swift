/// A set of Unicode scalars trimmed from the ends of text: Foundation's `CharacterSet.whitespaces`, `.newlines` and
/// `.whitespacesAndNewlines` as they hold on Linux, a list of scalars, or any test on a scalar.
///
/// Trimming with it needs no Foundation proper (whose first use links its ICU data into the binary).
public struct ScalarSet: Sendable {
    private enum Members: Sendable {
        case whitespaces
        case newlines
        case whitespacesAndNewlines
        case listed([Unicode.Scalar])
        case matching(@Sendable (Unicode.Scalar) -> Bool)
    }

    private let members: Members

    private init(members: Members) {
        self.members = members
    }

    /// The scalars listed.
    public init(_ scalars: [Unicode.Scalar]) {
        members = .listed(scalars)
    }

    /// The scalars for which `isMember` holds.
    public init(where isMember: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        members = .matching(isMember)
    }

    /// The tab and the space separators (general category Zs), with U+200B as Foundation counts it:
    /// `CharacterSet.whitespaces`.
    public static let whitespaces = ScalarSet(members: .whitespaces)
    /// U+000A to U+000D, U+0085 and the line and paragraph separators: `CharacterSet.newlines`.
    public static let newlines = ScalarSet(members: .newlines)
    /// `whitespaces` and `newlines` together: `CharacterSet.whitespacesAndNewlines`.
    public static let whitespacesAndNewlines = ScalarSet(members: .whitespacesAndNewlines)

    /// Whether the scalar is in the set.
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch members {
        case .whitespaces: Self.isWhitespace(scalar.value)
        case .newlines: Self.isNewline(scalar.value)
        case .whitespacesAndNewlines: Self.isWhitespace(scalar.value) || Self.isNewline(scalar.value)
        case .listed(let scalars): scalars.contains(scalar)
        case .matching(let isMember): isMember(scalar)
        }
    }

    private static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    private static func isNewline(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension StringProtocol {
    /// The text without the leading and trailing scalars in `set`, scalar by scalar as Foundation's
    /// `trimmingCharacters(in:)` trims (a combining mark after a trimmed space stays, on its own).
    public func trimmingScalars(in set: ScalarSet) -> String {
        trimmingScalars(where: set.contains)
    }

    /// The text without the leading and trailing scalars for which `isTrimmed` holds, scalar by scalar.
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) {
            start = scalars.index(after: start)
        }
        while start < end {
            let last = scalars.index(before: end)
            guard isTrimmed(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex, end == scalars.endIndex, let whole = self as? String { return whole }
        // Through the scalars: a `String` slice would round the bounds to whole characters.
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
