import Foundation
import GuideUI
import IncidentModel
import Localization
import RunbookKit
import TerminalFrame

/// Runbooks and a library built as values, as the parser would produce them from the template.
enum Fixtures {
    static let location = SourceLocation(file: "high-cpu-usage.md", line: 1)
    static let opened = Date(timeIntervalSince1970: 1_790_000_000)

    static func text(_ string: String) -> [Inline] { [.text(string)] }

    static let cpuRunbook = Runbook(
        id: "high-cpu-usage", title: "High CPU Usage", kind: .incident, severity: .p1,
        sections: [
            Section(
                kind: .symptoms, title: "Symptoms", blocks: [.paragraph(text("CPU 使用率持續超過 80%"))], location: location),
            Section(kind: .diagnosis, title: "Diagnosis", blocks: [], location: location),
            Section(kind: .resolution, title: "Resolution", blocks: [], location: location),
            Section(kind: .verification, title: "Verification", blocks: [], location: location),
        ],
        steps: [
            Step(
                key: "diagnosis-1", section: .diagnosis, number: 1, title: "確認高 CPU 的 Pod",
                body: [
                    .paragraph([.text("找出 CPU 使用率最高的 "), .strong([.text("Pod")]), .text("，並記錄其名稱與 namespace。")]),
                    .code(
                        CodeBlock(
                            language: "bash", code: "kubectl top pods -n shop --sort-by=cpu | head -20\n",
                            location: location)),
                    .list(
                        ordered: false, start: 1,
                        items: [
                            ListItem(blocks: [.paragraph(text("若超過 80%，繼續下一步"))]),
                            ListItem(blocks: [.paragraph([.text("否則檢查 "), .code("node"), .text(" 層級的使用率")])]),
                        ]),
                ], location: location),
            Step(
                key: "diagnosis-2", section: .diagnosis, number: 2, title: "檢查應用程式日誌",
                body: [
                    .paragraph(text("查看最近的錯誤與 GC 紀錄。")),
                    .code(
                        CodeBlock(
                            language: "bash",
                            code:
                                "kubectl logs -n shop deploy/checkout --since=15m | grep -iE 'error|gc pause|OutOfMemory' | tail -50\n",
                            location: location)),
                ], location: location),
            Step(
                key: "diagnosis-3", section: .diagnosis, number: 3, title: "比對最近的部署",
                body: [
                    .paragraph(text("確認 CPU 上升的時間點是否與部署時間吻合。"))
                ], location: location),
            Step(
                key: "resolution-1", section: .resolution, number: 1, title: "水平擴展",
                body: [
                    .heading(level: 4, text("立即行動")),
                    .code(
                        CodeBlock(
                            language: "bash", code: "kubectl scale deploy/checkout -n shop --replicas=6\n",
                            location: location)),
                ], location: location),
            Step(
                key: "resolution-2", section: .resolution, number: 2, title: "回滾有問題的版本",
                body: [
                    .code(
                        CodeBlock(
                            language: "bash", code: "kubectl rollout undo deploy/checkout -n shop\n", location: location
                        ))
                ], location: location),
        ],
        checklist: [
            ChecklistItem(number: 1, text: "CPU 使用率低於 70%", location: location),
            ChecklistItem(number: 2, text: "API p99 回應時間 < 500ms", location: location),
            ChecklistItem(number: 3, text: "沒有新的 error log", location: location),
        ],
        escalation: [
            Contact(role: "L2 Support", reach: "#platform-oncall"),
            Contact(role: "SRE Lead", reach: "+886-2-1234-5678"),
        ],
        related: [], footer: Footer(), path: "runbooks/high-cpu-usage.md")

    static let cacheRunbook = Runbook(
        id: "cache-issues", title: "Cache Issues", kind: .incident, severity: .p2,
        sections: [Section(kind: .diagnosis, title: "Diagnosis", blocks: [], location: location)],
        steps: [
            Step(
                key: "diagnosis-1", section: .diagnosis, number: 1, title: "Check the hit rate",
                body: [
                    .code(
                        CodeBlock(
                            language: "bash", code: "redis-cli -h cache.shop.svc info stats | grep keyspace\n",
                            location: location))
                ], location: location)
        ],
        checklist: [ChecklistItem(number: 1, text: "Hit rate above 70%", location: location)],
        escalation: [], related: [], footer: Footer(), path: "runbooks/cache-issues.md")

    static let backupRunbook = Runbook(
        id: "backup-restore", title: "Backup and Restore", kind: .procedure, severity: nil,
        sections: [], steps: [], checklist: [], escalation: [], related: [], footer: Footer(),
        path: "runbooks/backup-restore.md")

    static func entry(_ runbook: Runbook, _ description: String) -> CatalogEntry {
        CatalogEntry(
            id: runbook.id, title: runbook.title, file: "\(runbook.id).md", severity: runbook.severity,
            kind: runbook.kind, description: description, location: location)
    }

    static let categories = [
        Category(name: "Performance 問題", entries: [entry(cpuRunbook, "CPU 使用率 > 80%")]),
        Category(name: "Data 問題", entries: [entry(cacheRunbook, "Cache 命中率 < 70%")]),
        Category(name: "Operational 程序", entries: [entry(backupRunbook, "Database backup/restore")]),
    ]

    /// A symptom search over titles and descriptions, case-insensitive, standing in for RunbookKit's ranking.
    static let library = Library(
        categories: categories, runbooks: [cpuRunbook, cacheRunbook, backupRunbook],
        emergencyContacts: [Contact(role: "Incident Commander", reach: "#incident-command")],
        search: { query in
            categories.flatMap(\.entries)
                .filter { "\($0.title) \($0.description)".localizedCaseInsensitiveContains(query) }
                .map(\.id)
        })

    /// The guide on the fixture library, in English and UTC unless a language and a zone are given.
    static func model(
        width: Int = 80, height: Int = 24, color: Bool = true, words: Localizer = Localizer(.english),
        clock: ZoneClock = .utc
    ) -> AppModel {
        AppModel(
            library: library, actor: "alice", colorEnabled: color, width: width, height: height, now: opened,
            localizer: words, clock: clock)
    }

    static func openedEvent(runbook: String = "high-cpu-usage", drill: Bool = false) -> Event {
        Event(
            seq: 1, recordedAt: opened, actor: "alice",
            kind: .incidentOpened(title: "結帳服務 CPU 飆高", severity: .p1, runbook: runbook, drill: drill, roles: [:]))
    }

    /// A model on the walkthrough of a freshly opened incident.
    static func walkthrough(
        width: Int = 80, height: Int = 24, color: Bool = true, words: Localizer = Localizer(.english),
        clock: ZoneClock = .utc
    ) -> AppModel {
        let (model, _) = update(
            model(width: width, height: height, color: color, words: words, clock: clock),
            .incidentOpened(id: "2026-11-27-checkout-cpu", events: [openedEvent()]))
        return model
    }

    /// Stores events as the journal would: sequence numbers after the model's last one.
    static func stored(_ events: [NewEvent], after model: AppModel, at date: Date? = nil) -> [Event] {
        let last = model.incident?.events.last?.seq ?? 0
        return events.enumerated().map { index, event in
            Event(
                seq: last + index + 1, recordedAt: date ?? model.now, occurredAt: event.occurredAt,
                actor: event.actor, kind: event.kind)
        }
    }
}

/// Runs messages through `update`, collecting the effects of each.
func run(_ model: AppModel, _ messages: [Message]) -> (AppModel, [[Effect]]) {
    var model = model
    var effects: [[Effect]] = []
    for message in messages {
        let (next, emitted) = update(model, message)
        model = next
        effects.append(emitted)
    }
    return (model, effects)
}

/// Key presses as messages.
func keys(_ keys: Key...) -> [Message] { keys.map { .terminal(.key($0)) } }

/// Typed text as one key message per character, as a paste arrives.
func typing(_ text: String) -> [Message] { text.map { .terminal(.key(.character($0))) } }

/// Answers the model's pending append as the journal would, storing the events of `effect`.
func answer(_ model: AppModel, _ effect: Effect?) -> AppModel {
    guard case .append(_, let events)? = effect else { return model }
    return update(model, .journalAppended(Fixtures.stored(events, after: model))).0
}
