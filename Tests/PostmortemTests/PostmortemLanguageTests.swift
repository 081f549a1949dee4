import Foundation
import IncidentModel
import Localization
import Postmortem
import RunbookKit
import Testing

@Suite("The postmortem draft in each language and time zone")
struct PostmortemLanguageTests {
    private static func draft(
        _ language: Language, clock: ZoneClock = .utc, events: [Event] = PostmortemFixture.events,
        runbooks: [String: Runbook] = PostmortemFixture.runbooks
    ) -> String {
        PostmortemRenderer.markdown(
            events: events, runbooks: runbooks,
            incidentID: PostmortemFixture.incidentID, generatedAt: PostmortemFixture.generatedAt,
            localizer: Localizer(language), clock: clock
        )
    }

    /// The heading lines of a draft, outside code blocks.
    private static func headings(_ markdown: String) -> [String] {
        var inFence = false
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle() }
            return !inFence && line.hasPrefix("#") ? String(line) : nil
        }
    }

    @Test("the zh-TW draft has the English draft's headings, every one of them in Chinese but the runbook's own")
    func noEnglishHeadings() throws {
        let english = Self.headings(Self.draft(.english))
        let chinese = Self.headings(Self.draft(.traditionalChinese))
        #expect(english.count == chinese.count)
        // `### Alert` is the fixture runbook's own heading, quoted from the runbook in both languages.
        let untranslated = zip(english, chinese).filter { $0.0 == $0.1 }.map(\.0)
        #expect(untranslated == ["### Alert"])
        #expect(chinese.first == "# 事後檢討：Checkout CPU 飽和")
        let html = GFMHTML.render(Self.draft(.traditionalChinese))
        let sections = html.components(separatedBy: "<h2>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(
            sections == [
                "事實", "摘要", "影響", "參與人員", "偵測", "觸發原因", "解決方式", "時間軸", "處置經過", "驗證", "根本原因", "促成因素", "溝通",
                "行動項目", "經驗與教訓", "關鍵指標", "Runbook 遵循情況", "時間軸圖",
            ])
    }

    @Test("the zh-TW draft leaves no English fixed sentence or TODO prompt")
    func noEnglishSentences() {
        let chinese = Self.draft(.traditionalChinese)
        for english in [
            "_TODO: ", "In short", "Pinned notes", "Everyone who recorded", "Detected at", "Mitigated at", "Why?",
            "Each action needs", "Each step done", "Runbook update: ", " by alice", "reason:", "Ran the command",
        ] {
            #expect(!chinese.contains(english), "\(english)")
        }
        #expect(chinese.contains("| TTD（偵測所需時間） | 10 分 | 影響開始 → 偵測 |"))
        #expect(chinese.contains("| TTR（解決所需時間） | 55 分 | 影響開始（未記錄則從偵測）→ 解決 |"))
    }

    @Test("times are local with the zone named in the header, the timeline and the chart; durations do not change")
    func localTimes() throws {
        let taipei = try PostmortemFixture.taipei()
        let english = Self.draft(.english, clock: taipei)
        #expect(english.contains("| Postmortem status | Authors | Owner | Incident date (Asia/Taipei (UTC+8)) |"))
        #expect(english.contains("| Time (Asia/Taipei (UTC+8)) | Elapsed | Actor | Event |"))
        #expect(english.contains("| 2026-11-27T08:05:00+08:00 | +0s | alice | Impact started |"))
        #expect(english.contains("| 2026-11-27T08:15:00+08:00 | +10m 00s | alice | Detected |"))
        #expect(english.contains("generated from the incident journal at 2026-11-27T09:35:00+08:00."))
        #expect(english.contains("    title Incident timeline (Asia/Taipei (UTC+8))"))
        #expect(english.contains("    Impact started → detected :2026-11-27T08:05:00, 2026-11-27T08:15:00"))
        #expect(!english.contains("00.000Z"))
        let utc = Self.draft(.english)
        #expect(utc.contains("| 2026-11-27T00:05:00Z | +0s | alice | Impact started |"))
    }

    @Test("the incident's date is the local day it was opened")
    func localDate() throws {
        // Opened at 00:20 UTC on the 27th: still the 26th in New York.
        let newYork = ZoneClock(zone: try #require(TimeZone(identifier: "America/New_York")))
        let draft = Self.draft(.english, clock: newYork)
        #expect(
            draft.contains(
                "| **Draft** | _TODO: who wrote this_ | _TODO: who sees the action items through_ | 2026-11-26 |"))
        #expect(draft.contains("Incident date (America/New_York (UTC-5))"))
    }

    /// A journal whose every recorded text is hostile markdown, with catalog placeholders in it for good measure.
    private static let hostile: (events: [Event], values: [String]) = {
        let title = "x | # y *z* {title} <script>alert(1)</script>"
        let actor = "mallory|<b>{actor}</b>"
        let note = "`a` | _b_ [link](javascript:alert(1)) {text}\n## not a heading"
        let reason = "a|b <img src=x> {reason}"
        let target = "[x](javascript:alert(1)) | **L2** {to}"
        let step = StepRef(runbook: "high-cpu-usage", step: "diagnosis-2", title: "t|itle {step}")
        func event(_ seq: Int, _ kind: EventKind) -> Event {
            Event(seq: seq, recordedAt: PostmortemFixture.time(Double(seq)), actor: actor, kind: kind)
        }
        let events = [
            event(
                1, .incidentOpened(title: title, severity: .p1, runbook: "high-cpu-usage", drill: false, roles: [:])),
            event(2, .note(text: note, pinned: true, commander: true)),
            event(3, .stepSkipped(step, reason: reason)),
            event(4, .escalated(to: target)),
            event(5, .roleAssigned(.scribe, person: actor)),
            event(6, .runbookFeedback(runbook: "high-cpu-usage", step: nil, text: note)),
            event(7, .statusChanged(.resolved)),
        ]
        return (events, [title, actor, note, reason, target, step.title])
    }()

    @Test("hostile text is escaped the same way, as often, in both languages, and never becomes markup")
    func hostileText() throws {
        let english = Self.draft(.english, events: Self.hostile.events)
        let chinese = Self.draft(
            .traditionalChinese, clock: try PostmortemFixture.taipei(), events: Self.hostile.events)
        for value in Self.hostile.values {
            let escaped = MarkdownEscape.inline(value)
            let inEnglish = english.components(separatedBy: escaped).count - 1
            #expect(inEnglish > 0, "\(value)")
            #expect(chinese.components(separatedBy: escaped).count - 1 == inEnglish, "\(value)")
        }
        for (language, draft) in [(Language.english, english), (.traditionalChinese, chinese)] {
            let html = GFMHTML.render(draft)
            #expect(!html.contains("<script"), "\(language)")
            #expect(!html.contains("<b>"), "\(language)")
            #expect(!html.contains("<img"), "\(language)")
            #expect(!html.contains("href=\"javascript"), "\(language)")
            #expect(html.components(separatedBy: "<h1>").count == 2, "\(language)")
            let heading = Localizer(language).tr("pm.timeline.heading")
            let start = try #require(html.range(of: "<h2>\(heading)</h2>"))
            let rest = html[start.upperBound...]
            let table = rest[..<(rest.range(of: "<h2>")?.lowerBound ?? rest.endIndex)]
            let rows = table.components(separatedBy: "<tr>").filter { $0.contains("<td>") }
            #expect(rows.count == Self.hostile.events.count, "\(language)")
            #expect(rows.allSatisfy { $0.components(separatedBy: "<td>").count - 1 == 4 }, "\(language)")
        }
    }
}
