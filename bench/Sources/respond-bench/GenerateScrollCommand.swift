import Foundation

/// `generate-scroll DIR TEXTFILE LINES`: a runbook whose first step holds a LINES-line bash script (a long
/// recovery script with Traditional Chinese comments), written to DIR, and the same script lines to TEXTFILE,
/// so that the walkthrough and `less` scroll the same text.
enum GenerateScrollCommand {
    static let runbookID = "long-recovery-script"

    static func run(_ arguments: [String]) throws {
        guard arguments.count == 3 else { throw BenchError.usage("respond-bench generate-scroll DIR TEXTFILE LINES") }
        let count = try positive(arguments[2])
        try FileManager.default.createDirectory(atPath: arguments[0], withIntermediateDirectories: true)
        let script = scriptLines(count)
        var random = SeededRandom(seed: 24)
        let entry = RunbookGenerator.Entry(
            id: runbookID, title: "Long Recovery Script", severity: "P1",
            description: "一個很長的修復 script")
        let runbook = RunbookGenerator.runbook(
            entry, service: "order-service", symptom: "資料需要逐筆修復", steps: 2,
            random: &random)
        // The long script becomes the body of Step 1, before the step's own text.
        let marker = "### Step 1: "
        guard let range = runbook.range(of: marker),
            let lineEnd = runbook[range.upperBound...].firstIndex(of: "\n")
        else {
            throw BenchError.failed("the generated runbook has no Step 1")
        }
        let text =
            runbook[..<lineEnd] + "\n\n```bash\n" + script.joined(separator: "\n") + "\n```\n" + runbook[lineEnd...]
        try Data(text.utf8).write(to: URL(fileURLWithPath: arguments[0] + "/" + runbookID + ".md"))
        try Data((script.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: arguments[1]))
    }

    /// Lines drawn at random (seeded) from a dozen shapes, services and tables, so that no stretch of the script
    /// repeats: a periodic text would let the terminal library redraw only the digits that differ, which real
    /// runbooks do not allow.
    private static func scriptLines(_ count: Int) -> [String] {
        var random = SeededRandom(seed: 400)
        let services = [
            "order-service", "payment-worker", "inventory-api", "checkout-web", "search-indexer", "cart-service",
        ]
        let tables = ["orders", "payments", "refunds", "shipments", "invoices"]
        let comments = [
            "修復 order 與 payment 狀態不一致的資料列", "確認 replica lag 已回到正常範圍", "重新送出卡住的 webhook 事件",
            "清除過期的 session cache", "比對結帳金額與對帳報表", "通知客服受影響的訂單編號",
        ]
        return (1...count).map { line in
            let service = random.pick(services)
            let table = random.pick(tables)
            let id = Int.random(in: 10_000...99_999, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: return "# 第 \(line) 批：\(random.pick(comments))"
            case 1:
                return
                    "psql -h \(table)-db.prod.internal -U sre_admin -d \(table) -c \"UPDATE \(table) SET status = 'paid' WHERE id = '\(id)';\""
            case 2:
                return
                    "kubectl logs -n production deployment/\(service) --since=\(Int.random(in: 1...30, using: &random))m | grep -c '\(id)'"
            case 3:
                return
                    "kubectl rollout status deployment/\(service) -n production --timeout=\(Int.random(in: 60...300, using: &random))s"
            case 4: return "redis-cli -h cache.prod.internal DEL \"\(service):lock:\(id)\""
            case 5: return "curl -fsS https://\(service).prod.internal/healthz | jq '.checks.\(table)'"
            case 6:
                return
                    "aws sqs get-queue-attributes --queue-url https://sqs.ap-northeast-1.amazonaws.com/1234/\(service)-\(id) --attribute-names All"
            default: return "echo \"batch \(line) (\(table) \(id)) done at $(date -u +%H:%M:%S)\""
            }
        }
    }
}
