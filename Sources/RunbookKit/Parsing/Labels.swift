extension Severity {
    /// Reads a severity as runbooks write it: `P1`, `p1`, `P1 (High)`, `P1 - 重大`. Nil for anything else,
    /// including `P5`, `High` and the template's `[P0/P1/P2/P3]` placeholder.
    public init?(parsing text: String) {
        let value = Substring(text).trimmingCharacters(in: TrimmedScalars.severityDecoration)
        // The token starts with its letter: a word such as `critical` is answered without reading its scalars.
        guard let lead = value.utf8.first, lead == UInt8(ascii: "P") || lead == UInt8(ascii: "p") else { return nil }
        let token = value.unicodeScalars.prefix { !($0.properties.isWhitespace || Self.tokenEnds.contains($0)) }
        // A severity is two ASCII characters; anything longer is not one, whatever its case.
        guard token.count == 2, let letter = token.first, letter == "P" || letter == "p", let digit = token.last,
            let severity = Severity(rawValue: "P" + String(Character(digit)))
        else { return nil }
        self = severity
    }

    /// Reads a severity as runbooks or alerting rules write it: `P1`, or an alert's severity label, `critical`
    /// (P1), `warning` (P2) or `info` (P3), in any case. Nil for anything else, `High` included, which the
    /// template's severity table does not define.
    public init?(writtenAs text: String) {
        if let severity = Severity(parsing: text) {
            self = severity
            return
        }
        let word = Substring(text).trimmingCharacters(in: TrimmedScalars.severityDecoration).lowercased()
        switch word {
        case "critical": self = .p1
        case "warning": self = .p2
        case "info": self = .p3
        default: return nil
        }
    }

    /// What ends the severity's token: `P1 (High)`, `P1-重大`, `P1/P2`.
    private static let tokenEnds: Set<Unicode.Scalar> = Set("(（-–—,，/".unicodeScalars)
}

/// Reads `Label: value` pairs, the way the template writes its metadata (`**Severity**: P1`,
/// `**Last Updated**：2025-10-25`), with an ASCII or full-width colon.
enum LabelledValue {
    /// Splits `text` at its first colon into a label and a value, both trimmed; nil without a colon.
    static func split(_ text: String) -> (label: String, value: String)? {
        // Over scalars: both colons are single scalars, and an item has one per line of every list.
        let scalars = text.unicodeScalars
        guard let colon = scalars.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = Substring(scalars[..<colon]).trimmingCharacters(in: TrimmedScalars.whitespace)
        let value = Substring(scalars[scalars.index(after: colon)...]).trimmingCharacters(in: TrimmedScalars.whitespace)
        return label.isEmpty ? nil : (String(label), String(value))
    }

    /// The value following any of `labels` (case-insensitive) in `text`, up to the next footer label or the
    /// end; finds footer fields whether they sit on their own lines or were joined by soft breaks.
    static func value(of labels: [String], in text: String) -> String? {
        var text = text
        let others = footerNeedles
        return text.withUTF8 { bytes -> String? in
            for label in labels {
                let needle = ASCIICase.needle(label)
                var searchStart = 0
                while let found = ASCIICase.firstRange(of: needle, in: bytes, from: searchStart) {
                    searchStart = found.upperBound
                    var afterLabel = found.upperBound
                    while afterLabel < bytes.count,
                        bytes[afterLabel] == UInt8(ascii: " ") || bytes[afterLabel] == UInt8(ascii: "*")
                    {
                        afterLabel += 1
                    }
                    guard let colonLength = colon(in: bytes, at: afterLabel) else { continue }
                    let valueStart = afterLabel + colonLength
                    var valueEnd = bytes.count
                    for other in others {
                        if let next = ASCIICase.firstRange(of: other, in: bytes, from: valueStart),
                            next.lowerBound < valueEnd
                        {
                            valueEnd = next.lowerBound
                        }
                    }
                    let value = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self
                    ).trimmed
                    return value.isEmpty ? nil : value
                }
            }
            return nil
        }
    }

    /// The length in bytes of the ASCII (`:`) or full-width (`：`, EF BC 9A) colon at `offset`, or nil.
    private static func colon(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ":") { return 1 }
        return ASCIICase.matches(bytes, at: offset, [0xEF, 0xBC, 0x9A]) ? 3 : nil
    }

    static let severityLabels = ["severity", "嚴重度", "嚴重程度", "嚴重性", "严重程度", "優先級"]
    static let lastUpdatedLabels = ["last updated", "最後更新", "更新日期", "最后更新"]
    static let ownerLabels = ["owner", "負責人", "負責團隊", "擁有者", "负责人"]
    static let reviewCycleLabels = ["review cycle", "審查週期", "審查頻率", "审查周期"]
    static let footerLabels = lastUpdatedLabels + ownerLabels + reviewCycleLabels
    /// The footer labels as lowered UTF-8 bytes, made once rather than per paragraph.
    static let footerNeedles = footerLabels.map(ASCIICase.needle)
    /// Whether a footer label starts with a byte, by byte (lowered): a table, as hashing a byte into a set costs
    /// more than the rest of most lines' test.
    private static let footerFirstBytes: [Bool] = (0...255).map { byte in
        footerNeedles.contains { $0.first == UInt8(byte) }
    }
    /// The longest footer label, in bytes.
    private static let longestFooterNeedle = footerNeedles.map(\.count).max() ?? 0

    /// Whether a paragraph's text, trimmed, starts with a footer label, so that prose which merely mentions an
    /// owner is left alone. Reads only as many of the inlines as the longest label needs: the text of every
    /// paragraph of a large library is not made just to look at its first words.
    static func startsWithFooterLabel(_ inlines: [Inline]) -> Bool {
        // The paragraph's start without its leading whitespace, which is dropped from each inline until text
        // arrives: trimming all that was gathered after every inline made a paragraph of thousands of blank code
        // spans quadratic. Trailing whitespace is kept; no label ends in whitespace, so a prefix match is the same.
        var start = ""
        for inline in inlines {
            let text = inline.plainText
            start +=
                start.isEmpty
                ? String(Substring(text).trimmingLeadingCharacters(in: TrimmedScalars.whitespace)) : text
            if start.utf8.count >= longestFooterNeedle { break }
        }
        return start.withUTF8 { bytes in footerNeedles.contains { ASCIICase.matches(bytes, at: 0, $0) } }
    }

    /// Whether a line of a runbook's file may start a footer paragraph: after its indentation, its first letters
    /// spell a footer label once emphasis marks are passed over (`**Owner**:`, `*Last* updated:`). Decides
    /// from bytes which of a tail's lines are worth parsing.
    static func lineStartsWithFooterLabel(_ line: ArraySlice<UInt8>) -> Bool {
        func isMark(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") }
        let start =
            line.firstIndex { byte in byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && !isMark(byte) }
            ?? line.endIndex
        // Most lines of a tail start with a letter no label starts with: answered before any label is compared.
        guard start < line.endIndex, footerFirstBytes[Int(ASCIICase.lower(line[start]))] else { return false }
        return footerNeedles.contains { needle in
            var index = start
            for wanted in needle {
                while index < line.endIndex, isMark(line[index]) { index = line.index(after: index) }
                guard index < line.endIndex, ASCIICase.lower(line[index]) == wanted else { return false }
                index = line.index(after: index)
            }
            return true
        }
    }

    /// Whether `label` is one of `labels`, ignoring case.
    static func matches(_ label: String, _ labels: [String]) -> Bool {
        labels.contains { ASCIICase.equal(label, $0) }
    }
}

/// Splits a step heading into its number and title: `Step 3: Check pods` → (3, "Check pods"),
/// `步驟 2：檢查` → (2, "檢查"), `2. Restart` → (2, "Restart"), `B) Restart` → (2, "Restart"); anything else keeps its text and no number.
enum StepHeading {
    static func split(_ heading: String) -> (number: Int?, title: String) {
        let text = Substring(heading.trimmed)
        for prefix in prefixes {
            guard let afterPrefix = dropPrefix(prefix, of: text.unicodeScalars) else { continue }
            let rest = afterPrefix.drop { $0 == " " || $0 == "\u{3000}" }
            if let parsed = numbered(rest, whole: text, required: false) {
                return parsed
            }
        }
        return numbered(text.unicodeScalars, whole: text, required: true) ?? lettered(text) ?? (nil, String(text))
    }

    /// Reads `A) title` (or `b) title`), a letter numbering options: the letter's place in the alphabet is the
    /// number, so the walkthrough does not show `1. A) title`.
    private static func lettered(_ text: Substring) -> (number: Int?, title: String)? {
        let scalars = Array(text.unicodeScalars.prefix(3))
        guard scalars.count == 3, scalars[0].isASCII, scalars[1] == ")", scalars[2] == " " else { return nil }
        let lowered = ASCIICase.lower(UInt8(scalars[0].value))
        guard lowered >= UInt8(ascii: "a"), lowered <= UInt8(ascii: "z") else { return nil }
        let title = text.dropFirst(3).trimmingCharacters(in: TrimmedScalars.spaces)
        return title.isEmpty ? nil : (Int(lowered - UInt8(ascii: "a")) + 1, String(title))
    }

    /// The words a numbered heading starts with, lowered.
    private static let prefixes: [[Unicode.Scalar]] = ["step", "步驟", "步骤", "第"].map { Array($0.unicodeScalars) }
    /// The most digits a step number has; a heading with a longer number is text, its step numbered by position.
    static let maximumDigits = 5
    /// What may follow the number.
    private static let separators: Set<Unicode.Scalar> = Set(":：.)、-–—".unicodeScalars)

    /// `scalars` after `prefix`, ASCII letters compared in either case; nil when it does not start with it.
    private static func dropPrefix(_ prefix: [Unicode.Scalar], of scalars: Substring.UnicodeScalarView) -> Substring
        .UnicodeScalarView?
    {
        var index = scalars.startIndex
        for wanted in prefix {
            guard index < scalars.endIndex else { return nil }
            let scalar = scalars[index]
            let lowered = scalar.isASCII ? Unicode.Scalar(ASCIICase.lower(UInt8(scalar.value))) : scalar
            guard lowered == wanted else { return nil }
            index = scalars.index(after: index)
        }
        return scalars[index...]
    }

    /// Reads `3: title`, `3. title`, `3 title`, `3 步 title`; when `required`, a separator must follow the number.
    /// Works on scalars: a heading is short, but there is one per step of every runbook.
    private static func numbered(
        _ scalars: Substring.UnicodeScalarView, whole text: Substring, required: Bool
    ) -> (number: Int?, title: String)? {
        var number = 0
        var digits = 0
        var index = scalars.startIndex
        while index < scalars.endIndex, let digit = asciiDigit(scalars[index]) {
            // Only the digits of a step number are added up: a longer run (`99999999999999999999`) is counted
            // and refused below, never multiplied past Int's range.
            if digits < maximumDigits { number = number * 10 + digit }
            digits += 1
            index = scalars.index(after: index)
        }
        guard digits > 0, digits <= maximumDigits else { return nil }
        var rest = scalars[index...].drop { $0 == " " }
        if rest.first == "步" { rest = rest.dropFirst() }
        if let first = rest.first, separators.contains(first) {
            rest = rest.dropFirst()
        } else if required {
            return nil
        }
        let title = Substring(rest).trimmingCharacters(in: TrimmedScalars.spaces)
        return (number, title.isEmpty ? String(text) : String(title))
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }
}
