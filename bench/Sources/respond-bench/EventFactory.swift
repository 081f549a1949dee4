import Foundation
import IncidentModel
import RunbookKit

/// Makes the timeline of a long incident: an `incidentOpened` first, then a realistic mix of steps, notes,
/// commands, checklist ticks, status and severity changes, escalations and pins, one every few seconds.
struct EventFactory {
    private var random: SeededRandom
    private let runbook: Runbook
    private let start = Date(timeIntervalSince1970: 1_795_740_000)

    private static let actors = ["alice", "bob", "chen.wei", "lin.mei"]
    private static let notes = [
        "api-gateway 的 5xx 比例在 02:10 開始上升，與 order-service 部署時間吻合",
        "已通知 #team-orders，等待 service owner 回覆",
        "rollback 之後 p95 latency 回到 400ms，持續觀察 15 分鐘",
        "database connections 接近 max_connections（480/500），暫停 batch job",
        "客服回報部分使用者結帳失敗，影響約 3% 的訂單",
        "Redis 命中率從 92% 掉到 41%，懷疑 cache key 格式變更",
    ]
    private static let outputs = [
        "NAME                             CPU(cores)   MEMORY(bytes)\norder-service-7d9f8b6c4-x2k9p   1890m        1203Mi\norder-service-7d9f8b6c4-q8w3z   1750m        1187Mi",
        "deployment.apps/order-service rolled back\nWaiting for deployment \"order-service\" rollout to finish: 2 of 6 updated replicas are available...",
        " state  | count\n--------+-------\n active |   412\n idle   |    68\n(2 rows)",
        "keyspace_hits:1829384\nkeyspace_misses:2630012",
    ]

    /// A factory for events that refer to `runbook`'s steps and checklist.
    init(runbook: Runbook, seed: UInt64 = 7) {
        self.runbook = runbook
        random = SeededRandom(seed: seed)
    }

    /// Events 1…count, as a journal would hold them.
    mutating func events(count: Int) -> [Event] {
        (1...max(1, count)).map { event(seq: $0) }
    }

    /// The event numbered `seq`; the first one opens the incident.
    mutating func event(seq: Int) -> Event {
        let at = start.addingTimeInterval(Double(seq) * 3.25)
        let actor = random.pick(Self.actors)
        let kind =
            seq == 1
            ? EventKind.incidentOpened(
                title: runbook.title, severity: .p1, runbook: runbook.id, drill: false,
                roles: [.commander: "alice", .scribe: "bob"])
            : kind(seq: seq)
        return Event(seq: seq, id: UUID(uuid: uuidBytes(seq)), recordedAt: at, actor: actor, kind: kind)
    }

    private mutating func kind(seq: Int) -> EventKind {
        let step = runbook.steps.isEmpty ? nil : random.pick(runbook.steps)
        let stepRef = step.map { StepRef(runbook: runbook.id, step: $0.key, title: $0.title) }
        let check = runbook.checklist.isEmpty ? nil : random.pick(runbook.checklist)
        let checkRef = check.map { ChecklistRef(runbook: runbook.id, item: $0.number, text: $0.text) }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<25:
            if let stepRef { return .stepDone(stepRef) }
        case 25..<30:
            if let stepRef { return .stepSkipped(stepRef, reason: "已由另一位 responder 確認，不需重複執行") }
        case 30..<50:
            return .note(
                text: random.pick(Self.notes), pinned: Int.random(in: 0..<10, using: &random) == 0, commander: false)
        case 50..<60:
            if let stepRef, let code = step?.codeBlocks.first?.code {
                return .commandCopied(command: code.trimmingCharacters(in: .newlines), step: stepRef)
            }
        case 60..<75:
            if let stepRef, let code = step?.codeBlocks.first?.code {
                return .commandRan(
                    CommandRun(
                        command: code.trimmingCharacters(in: .newlines), step: stepRef, exitCode: 0,
                        durationSeconds: Double(Int.random(in: 100...9000, using: &random)) / 1000,
                        outputExcerpt: random.pick(Self.outputs), outputFile: "output/\(seq).txt"))
            }
        case 75..<83:
            if let checkRef { return .checklistChecked(checkRef) }
        case 83..<86:
            if let checkRef { return .checklistUnchecked(checkRef) }
        case 86..<89:
            return .statusChanged(random.pick([.investigating, .identified, .mitigated]))
        case 89..<91:
            return .severityChanged(random.pick(Severity.allCases))
        case 91..<93:
            return .escalated(to: random.pick(["L2 Support: #sre-team（Slack）", "DBA On-Call: #db-oncall"]))
        case 93..<95:
            return .roleAssigned(random.pick(Role.allCases), person: random.pick(Self.actors))
        case 95..<98:
            return .pinChanged(seq: max(1, seq - Int.random(in: 1...50, using: &random)), pinned: true)
        default:
            return .runbookFeedback(
                runbook: runbook.id, step: stepRef?.step, text: "指令缺少 `--context`，在多 cluster 環境會打到錯的 cluster")
        }
        return .note(text: random.pick(Self.notes), pinned: false, commander: false)
    }

    private func uuidBytes(_ seq: Int) -> uuid_t {
        var bytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: UInt64(seq).bigEndian) { for (index, byte) in $0.enumerated() { bytes[8 + index] = byte } }
        bytes[6] = 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        )
    }
}

extension RunbookGenerator {
    /// The index row of the runbook that the keystroke run and the generated journals use.
    static let journalRunbookEntry = Entry(
        id: "order-service-error-spike", title: "order-service Error Spike", severity: "P1",
        description: "order-service 5xx 比例 > 5%")

    /// That runbook's markdown with `steps` diagnosis steps.
    static func journalRunbookText(steps: Int) -> String {
        var random = SeededRandom(seed: 500)
        return runbook(
            journalRunbookEntry, service: "order-service", symptom: "HTTP 5xx 比例突然上升", steps: steps,
            random: &random)
    }

    /// That runbook parsed, for the walkthrough and timeline measurements.
    static func parsedRunbook(steps: Int) throws -> Runbook {
        let path = journalRunbookEntry.id + ".md"
        guard let parsed = RunbookParser.parse(text: journalRunbookText(steps: steps), path: path).runbook else {
            throw BenchError.failed("the generated \(steps)-step runbook did not parse")
        }
        return parsed
    }
}
