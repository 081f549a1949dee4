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

    /// The value following any of `labels` (case-insensitive) in `text`, up to the next label of `allLabels`
    /// or the end; finds footer fields whether they sit on their own lines or were joined by soft breaks.
    static func value(of labels: [String], in text: String, allLabels: [String]) -> String? {
        let lowered = text.lowercased()
        for label in labels {
            var searchStart = lowered.startIndex
            while let found = lowered.range(of: label.lowercased(), range: searchStart..<lowered.endIndex) {
                searchStart = found.upperBound
                let afterLabel = lowered[found.upperBound...].drop { $0 == " " || $0 == "*" }
                guard let colon = afterLabel.first, colon == ":" || colon == "：" else { continue }
                let valueStart = lowered.index(after: afterLabel.startIndex)
                var valueEnd = lowered.endIndex
                for other in allLabels {
                    if let next = lowered.range(of: other.lowercased(), range: valueStart..<lowered.endIndex),
                       next.lowerBound < valueEnd {
                        valueEnd = next.lowerBound
                    }
                }
                let offsetStart = lowered.distance(from: lowered.startIndex, to: valueStart)
                let offsetEnd = lowered.distance(from: lowered.startIndex, to: valueEnd)
                let start = text.index(text.startIndex, offsetBy: offsetStart, limitedBy: text.endIndex) ?? text.endIndex
                let end = text.index(start, offsetBy: offsetEnd - offsetStart, limitedBy: text.endIndex) ?? text.endIndex
                let value = String(text[start..<end]).trimmed
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    static let severityLabels = ["severity", "嚴重度", "嚴重程度", "嚴重性", "严重程度", "優先級"]
    static let lastUpdatedLabels = ["last updated", "最後更新", "更新日期", "最后更新"]
    static let ownerLabels = ["owner", "負責人", "負責團隊", "擁有者", "负责人"]
    static let reviewCycleLabels = ["review cycle", "審查週期", "審查頻率", "审查周期"]
    static let footerLabels = lastUpdatedLabels + ownerLabels + reviewCycleLabels

    /// Whether `label` is one of `labels`, ignoring case.
    static func matches(_ label: String, _ labels: [String]) -> Bool {
        labels.contains(label.lowercased())
    }
}

/// Splits a step heading into its number and title: `Step 3: Check pods` → (3, "Check pods"),
/// `步驟 2：檢查` → (2, "檢查"), `2. Restart` → (2, "Restart"); anything else keeps its text and no number.
enum StepHeading {
    static func split(_ heading: String) -> (number: Int?, title: String) {
        let text = Substring(heading.trimmed)
        for prefix in ["step", "步驟", "步骤", "第"] {
            guard text.prefix(prefix.count).lowercased() == prefix else { continue }
            let rest = text.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{3000}" }
            if let parsed = numbered(rest, required: false) {
                return parsed
            }
        }
        return numbered(text, required: true) ?? (nil, String(text))
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
