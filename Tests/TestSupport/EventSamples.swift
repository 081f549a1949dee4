import Foundation
import IncidentModel
import RunbookKit

/// Events of every kind for tests of the journal's codec, its readers and its writers.
public enum EventSamples {
    /// A step with text that is not ASCII.
    public static let step = StepRef(runbook: "high-cpu-usage", step: "diagnosis-2", title: "找出 CPU 最高的 Pod")
    /// A checklist item with text that is not ASCII.
    public static let item = ChecklistRef(runbook: "high-cpu-usage", item: 3, text: "CPU < 70% 持續 10 分鐘")

    /// One example of every kind, with optional fields both present and absent.
    public static let kinds: [EventKind] = [
        .incidentOpened(
            title: "CPU 飆高", severity: .p1, runbook: "high-cpu-usage", drill: true,
            roles: [.commander: "amy", .scribe: "bo"]),
        .incidentOpened(title: "plain", severity: .p3, runbook: "slow-queries", drill: false, roles: [:]),
        .alertAttached(
            AlertRecord(
                name: "HighCPUUsage", labels: ["alertname": "HighCPUUsage", "namespace": "shop", "pod": "api-7"],
                annotations: ["summary": "CPU 使用率 > 80%"], fingerprint: "71531325213fb329",
                startsAt: Date(timeIntervalSince1970: 1_795_740_000.5),
                generatorURL: "http://prometheus/graph?g0.expr=up",
                groupKey: "{}:{alertname=\"HighCPUUsage\"}", source: "webhook")),
        .alertAttached(AlertRecord(name: "DiskFull", source: "name")),
        .alertResolved(
            name: "HighCPUUsage", fingerprint: "71531325213fb329", endedAt: Date(timeIntervalSince1970: 1_795_743_600)),
        .alertResolved(name: "DiskFull", fingerprint: nil, endedAt: nil),
        .runbookSwitched(runbook: "slow-queries"),
        .stepDone(step),
        .stepSkipped(step, reason: "metrics already show the pod"),
        .checklistChecked(item),
        .checklistUnchecked(item),
        .note(text: "a | pipe, `backticks`, 繁體中文\nsecond line", pinned: true, commander: false),
        .note(text: "review", pinned: false, commander: true),
        .statusChanged(.mitigated),
        .severityChanged(.p0),
        .roleAssigned(.commander, person: "amy"),
        .escalated(to: "L2 DBA"),
        .commandCopied(command: "kubectl top pods -n shop", step: step),
        .commandCopied(command: "uptime", step: nil),
        .commandRan(
            CommandRun(
                command: "kubectl top pods -n {{namespace}}", step: step, placeholders: ["namespace": "shop"],
                exitCode: 0,
                durationSeconds: 1.25, outputExcerpt: "NAME CPU\napi-1 950m", outputFile: "output/7.txt",
                stoppedBecause: nil
            )),
        .commandRan(
            CommandRun(
                command: "sleep 100", exitCode: nil, durationSeconds: 30, outputExcerpt: "", stoppedBecause: "timed out"
            )),
        .runbookFeedback(runbook: "high-cpu-usage", step: "diagnosis-2", text: "namespace flag missing"),
        .runbookFeedback(runbook: "high-cpu-usage", step: nil, text: "no step for HPA limits"),
        .milestone(.impactStarted),
        .milestone(.detected),
        .pinChanged(seq: 4, pinned: true),
        .noteAcknowledged(seq: 4),
        .exportWritten(path: "postmortem.md", format: "markdown"),
        .incidentClosed,
        .reopened,
    ]
}
