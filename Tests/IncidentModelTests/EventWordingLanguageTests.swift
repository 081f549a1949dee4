import Foundation
import IncidentModel
import Localization
import Testing

@Suite("event wording in Traditional Chinese")
struct EventWordingLanguageTests {
    private let english = Localizer(.english)
    private let chinese = Localizer(.traditionalChinese)

    private static func marked(_ localizer: Localizer) -> EventWording {
        EventWording(text: { "<\($0)>" }, code: { "[\($0)]" }, strong: { "*\($0)*" }, localizer: localizer)
    }

    private static let step = StepRef(runbook: "high-cpu-usage", step: "diagnosis-2", title: "檢查 Node 狀態")
    private static let item = ChecklistRef(runbook: "high-cpu-usage", item: 2, text: "p99 < 500ms")
    private static let ran = CommandRun(
        command: "kubectl get pods", exitCode: 0, durationSeconds: 1.25, outputExcerpt: "")
    private static let stopped = CommandRun(
        command: "sleep 99", exitCode: nil, durationSeconds: 30, outputExcerpt: "", stoppedBecause: "timed out")

    /// One event of every kind, and both forms of those with a flag.
    private static let kinds: [EventKind] =
        [
            .incidentOpened(title: "CPU 飆高", severity: .p1, runbook: "high-cpu-usage", drill: false, roles: [:]),
            .incidentOpened(title: "演練 {title}", severity: .p3, runbook: "disk-full", drill: true, roles: [:]),
            .runbookSwitched(runbook: "disk-full"), .stepDone(step), .stepSkipped(step, reason: "沒有權限"),
            .checklistChecked(item), .checklistUnchecked(item),
            .note(text: "p95 回到正常", pinned: false, commander: false),
            .note(text: "客戶公告已發", pinned: false, commander: true),
            .severityChanged(.p0), .escalated(to: "L2 #platform-oncall"),
            .commandCopied(command: "kubectl top pods", step: nil), .commandRan(ran), .commandRan(stopped),
            .runbookFeedback(runbook: "high-cpu-usage", step: "diagnosis-2", text: "需要 node 權限"),
            .runbookFeedback(runbook: "high-cpu-usage", step: nil, text: "整體太長"),
            .milestone(.impactStarted), .milestone(.detected), .pinChanged(seq: 4, pinned: true),
            .pinChanged(seq: 4, pinned: false), .noteAcknowledged(seq: 4),
            .exportWritten(path: "/i/postmortem.md", format: "markdown"),
            .incidentClosed, .reopened,
        ] + IncidentStatus.allCases.map { .statusChanged($0) }
        + Role.allCases.map { .roleAssigned($0, person: "carol") }

    /// The values a marked wording set off, in order: `<text>`, `[code]` and `*strong*`.
    private static func values(_ text: String) throws -> [String] {
        let pattern = try Regex(#"<[^<>]*>|\[[^\[\]]*\]|\*[^*]*\*"#)
        return text.matches(of: pattern).map { String(text[$0.range]) }
    }

    @Test("every event reads in Chinese, with no English words of the English wording left")
    func translated() {
        for kind in Self.kinds {
            let zh = EventWording.plain(chinese).describe(kind)
            let en = EventWording.plain(english).describe(kind)
            #expect(zh != en, "\(kind)")
            #expect(!zh.contains("pm."), "\(kind): \(zh)")
            for word in ["Incident", "Step", "Note", "Status", "Severity", "Escalated", "Ran", "Runbook feedback"] {
                #expect(!zh.contains(word), "\(kind): \(zh)")
            }
        }
        #expect(
            EventWording.plain(chinese).describe(Self.kinds[0]) == "事故開立：「CPU 飆高」，P1，runbook high-cpu-usage")
        #expect(EventWording.plain(chinese).describe(.commandRan(Self.ran)) == "執行 kubectl get pods → exit 0，耗時 1.2 秒")
        #expect(EventWording.plain(chinese).describe(.statusChanged(.mitigated)) == "狀態 → 已緩解")
        #expect(EventWording.plain(chinese).pinnedMark == "⭐ 已釘選 ")
    }

    @Test("each language sets off the same values, the same way: only the words around them differ")
    func sameValues() throws {
        for kind in Self.kinds {
            let en = Self.marked(english).describe(kind)
            let zh = Self.marked(chinese).describe(kind)
            let strong = { (values: [String]) in values.filter { $0.hasPrefix("*") } }
            let others = { (values: [String]) in values.filter { !$0.hasPrefix("*") }.sorted() }
            #expect(others(try Self.values(zh)) == others(try Self.values(en)), "\(kind)")
            // A new status is emphasized in both, in each language's word for it.
            #expect(strong(try Self.values(zh)).count == strong(try Self.values(en)).count, "\(kind)")
        }
    }

    @Test("every status and role the wording names has a name in the catalogs, translated")
    func computedKeys() {
        let keys =
            IncidentStatus.allCases.map(EventWording.statusKey) + Role.allCases.map(EventWording.roleKey)
        for key in keys {
            #expect(english.tr(key) != key, "\(key) is not in the English catalog")
            #expect(chinese.tr(key) != english.tr(key), "\(key) is not translated")
        }
    }

    @Test("a placeholder written in recorded text stays as written")
    func placeholdersInValues() {
        let zh = EventWording.plain(chinese).describe(Self.kinds[1])
        #expect(zh == "演練開立：「演練 {title}」，P3，runbook disk-full")
    }

    /// What `describe` said when it looked each text up with a dictionary of its arguments: the reference the
    /// prepared phrases are held to.
    private static func lookedUp(_ kind: EventKind, _ words: Localizer) -> String? {
        let wording = EventWording.plain(words)
        switch kind {
        case .incidentOpened(let title, let severity, let runbook, let drill, _):
            let values = ["title": title, "severity": severity.rawValue, "runbook": runbook]
            return words.tr(drill ? "pm.event.drill_opened" : "pm.event.incident_opened", values)
        case .stepSkipped(let step, let reason):
            return words.tr("pm.event.step_skipped", ["step": wording.stepName(step), "reason": reason])
        case .checklistChecked(let item):
            return words.tr("pm.event.verified", ["item": String(item.item), "text": item.text])
        case .roleAssigned(let role, let person):
            return words.tr("pm.event.role_assigned", ["person": person, "role": words.tr(EventWording.roleKey(role))])
        case .escalated(let to):
            return words.tr("pm.event.escalated", ["to": to])
        case .commandRan(let run):
            return words.tr("pm.event.command_ran", ["command": run.command, "outcome": wording.outcome(run)])
        case .runbookFeedback(let runbook, let step?, let text):
            let target = words.tr("pm.event.runbook_step", ["runbook": runbook, "step": step])
            return words.tr("pm.event.feedback", ["target": target, "text": text])
        case .exportWritten(let path, let format):
            return words.tr("pm.event.exported", ["format": format, "path": path])
        case .statusChanged(let status):
            return words.tr("pm.event.status_changed", ["status": words.tr(EventWording.statusKey(status))])
        default:
            return nil
        }
    }

    @Test("each event's words are its catalog text with every placeholder filled, as a lookup per event gave")
    func phrasesFillTheCatalogTexts() {
        var compared = 0
        for words in [english, chinese] {
            for kind in Self.kinds {
                guard let expected = Self.lookedUp(kind, words) else { continue }
                #expect(EventWording.plain(words).describe(kind) == expected, "\(kind)")
                compared += 1
            }
        }
        #expect(compared > 30)
    }
}
