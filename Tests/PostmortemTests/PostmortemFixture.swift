import Foundation
import IncidentModel
import Localization
import RunbookKit
import Testing

/// A hand-written incident on a small runbook, with fixed times and ids, for the golden postmortems.
enum PostmortemFixture {
    static let incidentID = "20261127T0020Z-high-cpu-usage"
    /// 2026-11-27T00:20:00Z, counted from the reference date so that whole seconds stay exact.
    static let baseSeconds: Double = 817_431_600

    static func time(_ minute: Double) -> Date {
        Date(timeIntervalSinceReferenceDate: baseSeconds + minute * 60)
    }

    static let generatedAt = time(75)

    /// A clock in Taipei (UTC+8, no daylight saving time), for drafts with local times that differ from UTC.
    static func taipei() throws -> ZoneClock {
        ZoneClock(zone: try #require(TimeZone(identifier: "Asia/Taipei")))
    }
    private static let here = SourceLocation(file: "runbooks/high-cpu-usage.md", line: 1)

    private static func code(_ text: String) -> Block {
        .code(CodeBlock(language: "bash", code: text, location: here))
    }

    private static func bullets(_ texts: [[Inline]]) -> Block {
        .list(ordered: false, start: 1, items: texts.map { ListItem(blocks: [.paragraph($0)]) })
    }

    static let runbook: Runbook = {
        let steps = [
            Step(
                key: "diagnosis-1", section: .diagnosis, number: 1, title: "找出高 CPU 的 Pod",
                body: [
                    .paragraph([.text("列出 CPU 最高的 pods：")]), code("kubectl top pods -n <namespace> --sort-by=cpu\n"),
                ], location: here),
            Step(
                key: "diagnosis-2", section: .diagnosis, number: 2, title: "檢查 Node 狀態",
                body: [code("kubectl describe node ${NODE}\n")], location: here),
            Step(
                key: "diagnosis-3", section: .diagnosis, number: 3, title: "Profile the process",
                body: [code("curl -s http://{{ host }}/debug/pprof/profile > cpu.pprof\n")], location: here),
            Step(
                key: "resolution-1", section: .resolution, number: 1, title: "Immediate Actions",
                body: [
                    code(
                        "# 注意：先確認 HPA 沒有鎖住 replicas\nkubectl scale deploy/$DEPLOYMENT --replicas=6 -n <namespace>\n")
                ], location: here),
            Step(
                key: "resolution-2", section: .resolution, number: 2, title: "Root Cause Fix",
                body: [
                    bullets([
                        [.text("修正 "), .code("ORDER BY"), .text(" 缺少的 index")],
                        [.text("Add a CPU limit to "), .strong([.text("checkout")])],
                    ])
                ], location: here),
        ]
        let sections = [
            Section(kind: .symptoms, title: "Symptoms", blocks: [bullets([[.text("CPU > 80%")]])], location: here),
            Section(
                kind: .impact, title: "Impact",
                blocks: [
                    bullets([
                        [.strong([.text("Severity")]), .text(": P2")],
                        [.strong([.text("Affected Users")]), .text(": 結帳的使用者")],
                        [.strong([.text("Business Impact")]), .text(": checkout latency > 2s | orders drop")],
                    ])
                ], location: here),
            Section(
                kind: .detection, title: "Detection",
                blocks: [
                    .heading(level: 3, [.text("Alert")]),
                    code("alert: HighCPUUsage\nexpr: avg(rate(container_cpu_usage_seconds_total[5m])) > 0.8\n"),
                    .paragraph([
                        .text("Dashboard: "),
                        .link(text: [.text("CPU overview")], destination: "https://grafana.example.com/d/cpu"),
                    ]),
                ], location: here),
            Section(kind: .diagnosis, title: "Diagnosis", blocks: [], location: here),
            Section(kind: .resolution, title: "Resolution", blocks: [], location: here),
            Section(kind: .verification, title: "Verification", blocks: [], location: here),
            Section(
                kind: .prevention, title: "Prevention",
                blocks: [
                    bullets([[.text("設定 HPA 以 CPU 70% 擴展")], [.text("Load test before each release")]])
                ], location: here),
        ]
        return Runbook(
            id: "high-cpu-usage", title: "High CPU Usage", kind: .incident, severity: .p2, sections: sections,
            steps: steps,
            checklist: [
                ChecklistItem(number: 1, text: "CPU 使用率 < 70%", location: here),
                ChecklistItem(number: 2, text: "API p99 latency < 500ms", location: here),
                ChecklistItem(number: 3, text: "No pods in CrashLoopBackOff", location: here),
            ],
            escalation: [Contact(role: "L2 Support", reach: "#platform-oncall")], related: [], footer: Footer(),
            path: "runbooks/high-cpu-usage.md"
        )
    }()

    static let runbooks = [runbook.id: runbook]

    static func step(_ key: String) -> StepRef {
        StepRef(runbook: runbook.id, step: key, title: runbook.steps.first { $0.key == key }?.title ?? key)
    }

    static func item(_ number: Int) -> ChecklistRef {
        ChecklistRef(
            runbook: runbook.id, item: number, text: runbook.checklist.first { $0.number == number }?.text ?? "")
    }

    /// The incident: impact back-dated, a severity change, a skipped step, steps out of order, commands (one not
    /// in the runbook, one of two lines), a copy and an export, a hostile note pinned, a scribe and a new commander
    /// given their roles, verification items left open, mitigation and resolution.
    static let events: [Event] = {
        let script: [(Double, Double?, String, EventKind)] = [
            (
                0, nil, "alice",
                .incidentOpened(
                    title: "Checkout CPU 飽和", severity: .p2, runbook: "high-cpu-usage", drill: false,
                    roles: [.commander: "carol", .responder: "alice"])
            ),
            (1, -15, "alice", .milestone(.impactStarted)),
            (1.5, -5, "alice", .milestone(.detected)),
            (
                2, nil, "alice",
                .commandRan(
                    CommandRun(
                        command: "kubectl top pods -n shop --sort-by=cpu", step: step("diagnosis-1"),
                        placeholders: ["namespace": "shop"], exitCode: 0, durationSeconds: 1.25,
                        outputExcerpt: "checkout-7f9  1950m", outputFile: "output/0004.txt"))
            ),
            (3, nil, "alice", .stepDone(step("diagnosis-1"))),
            (
                4, nil, "alice",
                .note(
                    text:
                        "# not a heading | `rm -rf` <script>alert(1)</script> *bold* _x_ [link](http://x)\n第二行：繁體中文 checkout 很慢",
                    pinned: false, commander: false)
            ),
            (5, nil, "carol", .severityChanged(.p1)),
            (6, nil, "alice", .stepSkipped(step("diagnosis-2"), reason: "沒有 node 權限 | no access")),
            (
                8, nil, "alice",
                .commandRan(
                    CommandRun(
                        command: "kubectl rollout restart deploy/checkout -n shop", exitCode: 1, durationSeconds: 0.5,
                        outputExcerpt: "error: forbidden"))
            ),
            (9, nil, "alice", .escalated(to: "L2 Support #platform-oncall")),
            (
                9.5, nil, "alice",
                .commandRan(
                    CommandRun(
                        command: "# 注意：先確認 HPA 沒有鎖住 replicas\nkubectl scale deploy/checkout --replicas=6 -n shop\n",
                        step: step("resolution-1"), placeholders: ["DEPLOYMENT": "checkout", "namespace": "shop"],
                        exitCode: 0, durationSeconds: 2.04, outputExcerpt: "deployment.apps/checkout scaled"))
            ),
            (10, nil, "alice", .stepDone(step("resolution-1"))),
            (11, nil, "alice", .statusChanged(.identified)),
            (12, nil, "alice", .commandCopied(command: "kubectl describe node ${NODE}", step: step("diagnosis-2"))),
            (14, nil, "alice", .stepDone(step("diagnosis-3"))),
            (15, nil, "carol", .pinChanged(seq: 6, pinned: true)),
            (16, nil, "carol", .roleAssigned(.scribe, person: "dave")),
            (20, nil, "alice", .statusChanged(.mitigated)),
            (21, nil, "dave", .note(text: "p95 > 2s & 5xx_rate*100 回到正常", pinned: false, commander: false)),
            (22, nil, "alice", .checklistChecked(item(1))),
            (23, nil, "alice", .checklistChecked(item(3))),
            (24, nil, "alice", .checklistUnchecked(item(3))),
            (
                25, nil, "alice",
                .runbookFeedback(runbook: "high-cpu-usage", step: "diagnosis-2", text: "需要 node 權限才能執行；應註明")
            ),
            (26, nil, "carol", .note(text: "Commander: customer comms sent", pinned: true, commander: true)),
            (35, nil, "carol", .roleAssigned(.commander, person: "erin")),
            (40, nil, "erin", .statusChanged(.resolved)),
            (41, nil, "erin", .exportWritten(path: "postmortem.md", format: "markdown")),
        ]
        return script.enumerated().map { index, entry in
            Event(
                seq: index + 1,
                id: UUID(uuidString: String(format: "6F1C2A00-0000-4000-8000-%012d", index + 1)) ?? UUID(),
                recordedAt: time(entry.0), occurredAt: entry.1.map(time), actor: entry.2, kind: entry.3
            )
        }
    }()
}
