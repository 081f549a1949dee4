/// Recognises what a `##` heading is for, in English, Traditional or Simplified Chinese, whatever its decoration:
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
        // The alert-runbook convention (Meaning / Impact / Diagnosis / Mitigation) and its relatives sit beside
        // the template's names; docs/runbook-format.md has this table.
        let table: [SectionKind: [String]] = [
            .overview: [
                "meaning", "overview", "purpose", "description", "summary", "about", "context", "含義", "含义",
                "意義", "意义", "概述", "概要", "目的", "說明", "说明", "簡介", "简介",
            ],
            .symptoms: ["symptoms", "symptom", "症狀", "症状", "徵狀"],
            .impact: ["impact", "影響", "影响", "影響範圍"],
            .detection: ["detection", "偵測", "检测", "偵測方式", "監控"],
            .diagnosis: [
                "diagnosis", "diagnostics", "diagnostic steps", "investigation", "troubleshooting", "troubleshoot",
                "possible checks", "checks", "debugging", "triage", "診斷", "诊断", "診斷步驟", "诊断步骤", "排查",
                "故障排除", "疑難排解", "故障排查", "可能的檢查", "可能的检查",
            ],
            .resolution: [
                "resolution", "remediation", "mitigation", "solution", "solutions", "resolution steps", "fix",
                "fixes", "detailed steps", "recovery", "解決", "解決方案", "解决", "解决方案", "處理", "修復", "緩解",
                "缓解", "緩解措施", "缓解措施", "修复", "解決步驟", "解决步骤", "詳細步驟", "详细步骤",
            ],
            .verification: [
                "verification", "validation", "check resolution", "verify", "驗證", "验证", "確認", "确认",
                "檢查解決", "检查解决",
            ],
            .prevention: ["prevention", "預防", "预防", "預防措施"],
            .escalation: ["escalation", "escalation contacts", "升級", "升级", "升級聯絡"],
            .related: [
                "related", "related runbooks", "related documents", "see also", "references", "further information",
                "additional resources", "additional information", "more information", "links", "resources",
                "相關", "相关", "相關文件", "相關資源", "相關 runbooks", "更多資訊", "更多信息", "其他資源", "其他资源",
                "參考", "参考", "參考資料", "参考资料", "延伸閱讀", "延伸阅读",
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
