extension Severity {
    /// Reads a severity as runbooks write it: `P1`, `p1`, `P1 (High)`, `P1 - 重大`. Nil for anything else,
    /// including `P5`, `High` and the template's `[P0/P1/P2/P3]` placeholder.
    public init?(parsing text: String) {
        let value = Substring(text).trimmingCharacters(in: " \t\u{3000}*`")
        let token = value.prefix { !($0.isWhitespace || "(（-–—,，/".contains($0)) }
        guard let severity = Severity(rawValue: token.uppercased()) else { return nil }
        self = severity
    }
}

/// Reads `Label: value` pairs, the way the template writes its metadata (`**Severity**: P1`,
/// `**Last Updated**：2025-10-25`), with an ASCII or full-width colon.
enum LabelledValue {
    /// Splits `text` at its first colon into a label and a value, both trimmed; nil without a colon.
    static func split(_ text: String) -> (label: String, value: String)? {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = String(text[..<colon]).trimmed
        let value = String(text[text.index(after: colon)...]).trimmed
        return label.isEmpty ? nil : (label, value)
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
                    while afterLabel < bytes.count, bytes[afterLabel] == UInt8(ascii: " ") || bytes[afterLabel] == UInt8(ascii: "*") {
                        afterLabel += 1
                    }
                    guard let colonLength = colon(in: bytes, at: afterLabel) else { continue }
                    let valueStart = afterLabel + colonLength
                    var valueEnd = bytes.count
                    for other in others {
                        if let next = ASCIICase.firstRange(of: other, in: bytes, from: valueStart), next.lowerBound < valueEnd {
                            valueEnd = next.lowerBound
                        }
                    }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self).trimmed
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

    /// Whether `label` is one of `labels`, ignoring case.
    static func matches(_ label: String, _ labels: [String]) -> Bool {
        labels.contains { ASCIICase.equal(label, $0) }
    }
}

/// Splits a step heading into its number and title: `Step 3: Check pods` → (3, "Check pods"),
/// `步驟 2：檢查` → (2, "檢查"), `2. Restart` → (2, "Restart"); anything else keeps its text and no number.
enum StepHeading {
    static func split(_ heading: String) -> (number: Int?, title: String) {
        let text = Substring(heading.trimmed)
        for prefix in ["step", "步驟", "步骤", "第"] {
            guard text.prefix(prefix.count).elementsEqual(prefix, by: Self.sameIgnoringASCIICase) else { continue }
            let rest = text.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{3000}" }
            if let parsed = numbered(rest, required: false) {
                return parsed
            }
        }
        return numbered(text, required: true) ?? (nil, String(text))
    }

    /// Whether two characters are the same, an ASCII letter in either case; compared without building strings.
    private static func sameIgnoringASCIICase(_ character: Character, _ lowered: Character) -> Bool {
        guard character != lowered else { return true }
        guard let byte = character.asciiValue, let other = lowered.asciiValue else { return false }
        return ASCIICase.lower(byte) == other
    }

    /// Reads `3: title`, `3. title`, `3 title`, `3 步 title`; when `required`, a separator must follow the number.
    private static func numbered(_ text: Substring, required: Bool) -> (number: Int?, title: String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 6, let number = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count).drop { $0 == " " }
        if rest.first == "步" { rest = rest.dropFirst() }
        let separators = ":：.)、-–—"
        if let first = rest.first, separators.contains(first) {
            rest = rest.dropFirst()
        } else if required {
            return nil
        }
        let title = rest.trimmingCharacters(in: " \t\u{3000}")
        return (number, title.isEmpty ? String(text) : String(title))
    }
}
