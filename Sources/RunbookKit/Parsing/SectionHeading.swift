/// Recognises what a `##` heading is for, in English or Traditional Chinese, whatever its decoration:
/// `## Symptoms`, `## 症狀`, `## 症狀 (Symptoms)`, `## Diagnosis:`, `## 3. Resolution`.
enum SectionHeading {
    /// The section kind a heading names, or `.other`.
    ///
    /// Tries the heading normalised, then each part of it split at brackets, so `症狀 (Symptoms)` tries
    /// `症狀 (symptoms)`, `症狀` and `symptoms`; the parts are only made when the whole heading is no name.
    static func kind(of heading: String) -> SectionKind {
        // ASCII letters only: the names are ASCII or CJK, which has no case, and Unicode case mapping of every
        // heading of every runbook is slow.
        let normalised = strip(ASCIICase.lowercased(heading))
        if let kind = names[normalised] {
            return kind
        }
        for part in normalised.split(whereSeparator: { separators.contains($0) }) {
            if let kind = names[strip(String(part))] {
                return kind
            }
        }
        return .other
    }

    private static let separators: Set<Character> = ["(", ")", "（", "）", "/", "／", "|", "-", "–", "—"]

    /// Removes surrounding whitespace, trailing colons and a leading `3.` or `3)` number.
    private static func strip(_ text: String) -> String {
        var value = Substring(text).trimmingCharacters(in: TrimmedScalars.spacesAndColons)
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let marker = value.dropFirst(digits.count).first, ".)、".contains(marker) {
            value = value.dropFirst(digits.count + 1).trimmingCharacters(in: TrimmedScalars.spaces)
        }
        return String(value)
    }

    private static let names: [String: SectionKind] = {
        let table: [SectionKind: [String]] = [
            .symptoms: ["symptoms", "symptom", "症狀", "症状", "徵狀"],
            .impact: ["impact", "影響", "影响", "影響範圍"],
            .detection: ["detection", "偵測", "检测", "偵測方式", "監控"],
            .diagnosis: ["diagnosis", "diagnostics", "diagnostic steps", "investigation", "診斷", "诊断", "診斷步驟"],
            .resolution: ["resolution", "remediation", "mitigation", "解決", "解決方案", "解决", "解决方案", "處理", "修復"],
            .verification: ["verification", "validation", "驗證", "验证", "確認"],
            .prevention: ["prevention", "預防", "预防", "預防措施"],
            .escalation: ["escalation", "escalation contacts", "升級", "升级", "升級聯絡"],
            .related: [
                "related", "related runbooks", "related documents", "see also", "references",
                "相關", "相关", "相關文件", "相關資源", "相關 runbooks",
            ],
            .prerequisites: ["prerequisites", "prerequisite", "before you start", "前置條件", "先決條件", "前置作業", "前提條件"],
            .procedure: ["procedure", "procedures", "steps", "程序", "步驟", "操作步驟", "步骤"],
            .rollback: ["rollback", "roll back", "rollback plan", "回滾", "回滚", "復原", "還原"],
        ]
        var names: [String: SectionKind] = [:]
        for (kind, words) in table {
            for word in words {
                names[word] = kind
            }
        }
        return names
    }()
}
