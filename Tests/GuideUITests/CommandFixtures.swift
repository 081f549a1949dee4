import Foundation
import GuideUI
import IncidentModel
import RunbookKit

/// A runbook whose steps carry commands to copy and run: several blocks, placeholders, a no-run block and a
/// destructive one, on an incident of a chosen severity.
enum CommandFixtures {
    static let location = SourceLocation(file: "service-check.md", line: 1)
    static let incidentID = "2026-11-27-service-check"

    static func code(_ text: String, info: String = "bash", line: Int) -> Block {
        .code(
            CodeBlock(
                language: "bash", code: text + "\n", location: SourceLocation(file: "service-check.md", line: line),
                info: info))
    }

    static let runbook = Runbook(
        id: "service-check", title: "Service Check", kind: .incident, severity: .p3,
        sections: [
            Section(kind: .diagnosis, title: "Diagnosis", blocks: [], location: location),
            Section(kind: .resolution, title: "Resolution", blocks: [], location: location),
        ],
        steps: [
            Step(
                key: "diagnosis-1", section: .diagnosis, number: 1, title: "確認服務狀態",
                body: [
                    .paragraph([.text("先看 pod，再看日誌。")]),
                    code("kubectl get pods -n ${NAMESPACE:-shop}", line: 10),
                    code("kubectl logs -n ${NAMESPACE:-shop} <pod-name> --tail=50", line: 14),
                    code("# respond: no-run\nkubectl rollout restart deploy/<pod-name>", line: 18),
                ], location: location),
            Step(
                key: "resolution-1", section: .resolution, number: 1, title: "刪除卡住的 Pod",
                body: [
                    code("kubectl delete pod <pod-name> -n shop", line: 30)
                ], location: location),
            Step(
                key: "resolution-2", section: .resolution, number: 2, title: "觀察",
                body: [
                    .paragraph([.text("沒有指令。")])
                ], location: location),
        ],
        checklist: [], escalation: [], related: [], footer: Footer(), path: "runbooks/service-check.md")

    static let library = Library(
        categories: [
            Category(
                name: "Service 問題",
                entries: [
                    CatalogEntry(
                        id: runbook.id, title: runbook.title, file: "service-check.md", severity: .p3,
                        kind: .incident, description: "健康檢查失敗", location: location)
                ])
        ],
        runbooks: [runbook], emergencyContacts: [], search: { _ in [runbook.id] })

    static let opened = Date(timeIntervalSince1970: 1_790_000_000)

    /// The walkthrough of a fresh incident of `severity`, on the first step; `events` follow the opening.
    static func walkthrough(
        severity: Severity = .p3, events: [EventKind] = [], width: Int = 80, height: Int = 24, disabledBy: String? = nil
    ) -> AppModel {
        var model = AppModel(
            library: library, actor: "alice", colorEnabled: true, width: width, height: height, now: opened)
        model.commandsDisabledBy = disabledBy
        let all =
            [
                EventKind.incidentOpened(
                    title: "結帳服務健康檢查失敗", severity: severity, runbook: runbook.id, drill: false, roles: [:])
            ] + events
        let stored = all.enumerated().map { index, kind in
            Event(seq: index + 1, recordedAt: opened.addingTimeInterval(Double(index)), actor: "alice", kind: kind)
        }
        return update(model, .incidentLoaded(id: incidentID, events: stored)).0
    }

    static let firstStep = StepRef(runbook: "service-check", step: "diagnosis-1", title: "確認服務狀態")
    static let deleteStep = StepRef(runbook: "service-check", step: "resolution-1", title: "刪除卡住的 Pod")
}
