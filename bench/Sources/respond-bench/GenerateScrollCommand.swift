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
        let entry = RunbookGenerator.Entry(id: runbookID, title: "Long Recovery Script", severity: "P1",
                                           description: "一個很長的修復 script")
        let runbook = RunbookGenerator.runbook(entry, service: "order-service", symptom: "資料需要逐筆修復", steps: 2,
                                               random: &random)
        // The long script becomes the body of Step 1, before the step's own text.
        let marker = "### Step 1: "
        guard let range = runbook.range(of: marker),
              let lineEnd = runbook[range.upperBound...].firstIndex(of: "\n") else {
            throw BenchError.failed("the generated runbook has no Step 1")
        }
        let text = runbook[..<lineEnd] + "\n\n```bash\n" + script.joined(separator: "\n") + "\n```\n" + runbook[lineEnd...]
        try Data(text.utf8).write(to: URL(fileURLWithPath: arguments[0] + "/" + runbookID + ".md"))
        try Data((script.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: arguments[1]))
    }

    private static func scriptLines(_ count: Int) -> [String] {
        let templates = [
            "# 第 %d 批：修復 order 與 payment 狀態不一致的資料列",
            "psql -h orders-db.prod.internal -U sre_admin -d orders -c \"UPDATE orders SET status = 'paid' WHERE id = 'ord-%05d';\"",
            "kubectl logs -n production deployment/order-service --since=5m | grep -c 'ord-%05d'",
            "echo \"batch %d done at $(date -u +%%H:%%M:%%S)\"",
        ]
        return (1...count).map { String(format: templates[$0 % templates.count], $0) }
    }
}
