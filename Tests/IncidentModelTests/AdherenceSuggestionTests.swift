import Foundation
import IncidentModel
import Localization
import Testing

@Suite("The adherence report's runbook updates in each language")
struct AdherenceSuggestionTests {
    /// A journal with one deviation of each kind: a skip, a step done early, an unlisted command, an open item.
    private static let report: AdherenceReport = {
        var journal = JournalBuilder.opened()
        journal.add(.stepDone(JournalBuilder.step("diagnosis-1")), at: 1)
        journal.add(.stepSkipped(JournalBuilder.step("diagnosis-2"), reason: "無權限 no node access"), at: 2)
        journal.add(.stepDone(JournalBuilder.step("resolution-1")), at: 3)
        journal.add(.stepDone(JournalBuilder.step("diagnosis-3")), at: 4)
        journal.add(
            .commandRan(
                CommandRun(
                    command: "kubectl delete pod checkout-7f9", exitCode: 0, durationSeconds: 2, outputExcerpt: "")),
            at: 5)
        journal.add(.checklistChecked(JournalBuilder.item(1)), at: 6)
        journal.add(.statusChanged(.resolved), at: 7)
        return Adherence.report(events: journal.events, runbooks: AdherenceRunbook.runbooks)
    }()

    @Test("the report's own suggestions are the English ones, as the JSON export has always carried them")
    func reportIsEnglish() {
        #expect(Self.report.suggestions == Self.report.suggestions(in: Localizer(.english)))
        #expect(
            Self.report.suggestions.map(\.text) == [
                "high-cpu-usage: review step diagnosis-2 “Check the node”, skipped because “無權限 no node access”; make it conditional or fix what blocked it.",
                "high-cpu-usage: consider moving step resolution-1 “Scale out” before diagnosis-3; it was done first.",
                "high-cpu-usage: add the command “kubectl delete pod checkout-7f9”, which was run but is not in the runbook.",
                "high-cpu-usage: verification item 2 “No 5xx” was still open at resolution; make it checkable or drop it.",
            ])
    }

    @Test("in Chinese each suggestion names the same runbook, step and values, in Chinese words")
    func chinese() {
        let chinese = Self.report.suggestions(in: Localizer(.traditionalChinese))
        #expect(chinese.map(\.runbook) == Self.report.suggestions.map(\.runbook))
        #expect(chinese.map(\.step) == Self.report.suggestions.map(\.step))
        #expect(
            chinese.map(\.text) == [
                "high-cpu-usage：檢討步驟 diagnosis-2「Check the node」，因「無權限 no node access」而略過；改成有條件的步驟，或排除卡住它的原因。",
                "high-cpu-usage：考慮把步驟 resolution-1「Scale out」移到 diagnosis-3 之前；處置時它先完成。",
                "high-cpu-usage：補上指令「kubectl delete pod checkout-7f9」；處置時執行過，但 runbook 裡沒有。",
                "high-cpu-usage：驗證項目 2「No 5xx」在解決時仍未完成；改成可以檢查的項目，或刪除。",
            ])
        #expect(Self.report.openItemsMoment(in: Localizer(.traditionalChinese)) == "在解決時")
    }
}
