import Foundation

/// Writes a runbook library shaped like the shipped one: an index with categories and one incident runbook per
/// row, in the runbook format (Traditional Chinese prose, English technical terms, bash steps, a checklist).
struct RunbookGenerator {
    /// A generated runbook's index row.
    struct Entry {
        var id: String
        var title: String
        var severity: String
        var description: String
    }

    private static let services = [
        "api-gateway", "order-service", "payment-service", "inventory-service", "cart-service", "search-service",
        "user-service", "notification-service", "shipping-service", "pricing-service", "review-service",
        "recommendation-service", "coupon-service", "checkout-worker", "image-resizer", "session-store",
    ]
    private static let problems: [(slug: String, title: String, description: String, symptom: String)] = [
        ("high-cpu", "High CPU", "CPU 使用率 > 80%", "CPU 使用率持續高於 80%，出現 CPU throttling"),
        ("high-memory", "High Memory", "Memory 使用率 > 90%", "Memory 使用率接近 limit，pod 被 OOMKilled"),
        ("slow-responses", "Slow Responses", "p95 latency > 2s", "p95 latency 從平常的 300ms 升到 2s 以上"),
        ("error-spike", "Error Spike", "5xx 比例 > 5%", "HTTP 5xx 比例突然上升，client 看到 502 / 503"),
        (
            "connection-pool-exhausted", "Connection Pool Exhausted", "無可用 database 連線",
            "log 出現 `connection pool exhausted`，請求排隊逾時"
        ),
        ("queue-backlog", "Queue Backlog", "Queue depth > 10k", "message queue 積壓持續增加，consumer lag 超過 10 分鐘"),
        ("disk-full", "Disk Full", "磁碟使用率 > 90%", "node 或 volume 的磁碟使用率超過 90%，寫入失敗"),
        ("certificate-expiry", "Certificate Expiry", "TLS 憑證即將到期", "TLS handshake 失敗，瀏覽器顯示憑證錯誤"),
        ("dns-failures", "DNS Failures", "DNS 解析失敗", "log 出現 `no such host`，服務間呼叫間歇性失敗"),
        ("cache-stampede", "Cache Stampede", "Cache 命中率 < 50%", "cache 命中率驟降，database QPS 暴增"),
        ("replica-lag", "Replica Lag", "Replica lag > 5s", "讀取到舊資料，replica lag 持續超過 5 秒"),
        ("crash-loop", "Crash Loop", "Pod 持續重啟", "pod 處於 `CrashLoopBackOff`，restart count 持續增加"),
    ]
    private static let categories = [
        "Performance 問題", "Database 問題", "Service 問題", "Data 問題", "Security 問題", "Network 問題",
        "Storage 問題", "Messaging 問題", "Payment 問題", "Search 問題",
    ]
    private static let teams = ["SRE Team", "Platform Team", "DBA Team", "Payments Team", "Search Team", "DevOps Team"]
    private static let prose = [
        "先確認問題是集中在單一服務、單一 node，還是整個 cluster。只有一個服務偏高通常是程式或流量問題。",
        "比對目前的數值與上週同一時段，判斷是流量成長還是異常行為。流量暴增時請同時檢查 WAF 與 CDN。",
        "查看最近一小時的部署紀錄；問題在部署之後立即出現，通常是新版本的程式或設定問題。",
        "檢查相依服務（database、Redis、外部 API）的健康狀態，排除上游造成的連鎖故障。",
        "從 logs 找出失敗最多的 endpoint 與錯誤訊息，並記錄在 incident timeline 中。",
        "確認 HPA 與 Cluster Autoscaler 是否已經擴展，以及 node 是否還有足夠的容量。",
    ]
    private static let commands = [
        "kubectl top pods -n production --sort-by=cpu | grep {svc} | head -20",
        "kubectl get pods -n production -l app={svc} -o wide",
        "kubectl describe deployment/{svc} -n production | tail -30",
        "kubectl logs -n production deployment/{svc} --since=15m --tail=500 | grep -Ei 'error|timeout|retry' | tail -50",
        "kubectl rollout history deployment/{svc} -n production",
        "kubectl get events -n production --sort-by=.lastTimestamp --field-selector involvedObject.name=\"<pod-name>\" | tail -20",
        "curl -s 'http://prometheus.monitoring.svc:9090/api/v1/query' --data-urlencode 'query=sum(rate(http_requests_total{service=\"{svc}\",code=~\"5..\"}[5m]))' | jq -r '.data.result[0].value[1]'",
        "kubectl exec -n production <pod-name> -- top -b -n 1 -H | head -30",
        "psql -h orders-db.prod.internal -U sre_readonly -d orders -c \"SELECT state, count(*) FROM pg_stat_activity GROUP BY state;\"",
        "redis-cli -h cache.prod.internal INFO stats | grep -E 'keyspace_(hits|misses)'",
    ]
    private static let stepTitles = [
        "找出受影響的 pods 與 nodes", "比對 metrics 與 baseline", "檢查最近的部署與設定變更", "查看 logs 與錯誤訊息",
        "檢查相依服務的狀態", "確認 HPA 與容量", "檢查 database 連線", "檢查 cache 命中率",
    ]

    /// Writes `count` runbooks and their `README.md` index into `directory`, which is created when missing.
    static func writeLibrary(directory: String, count: Int, seed: UInt64 = 2026) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SeededRandom(seed: seed)
        var byCategory: [[Entry]] = Array(repeating: [], count: categories.count)
        for index in 0..<count {
            let service = random.pick(services)
            let problem = random.pick(problems)
            let entry = Entry(
                id: "\(service)-\(problem.slug)-\(index + 1)",
                title: "\(service) \(problem.title) #\(index + 1)",
                severity: random.pick(["P0", "P1", "P1", "P2", "P3"]),
                description: "\(service) \(problem.description)")
            let text = runbook(entry, service: service, symptom: problem.symptom, steps: 5, random: &random)
            try write(text, to: directory + "/" + entry.id + ".md")
            byCategory[index % categories.count].append(entry)
        }
        try write(index(byCategory), to: directory + "/README.md")
    }

    /// One incident runbook in the shipped format with `steps` diagnosis steps, each with a bash block.
    static func runbook(_ entry: Entry, service: String, symptom: String, steps: Int, random: inout SeededRandom)
        -> String
    {
        var lines = ["# Runbook: \(entry.title)", "", "## Symptoms", ""]
        lines += [
            "- Grafana 顯示 `\(service)` \(symptom)",
            "- API 回應時間上升，p95 latency 從平常的 300ms 升到 1s 以上",
            "- `kubectl top` 顯示 pod 的資源接近 limit",
            "- Alertmanager 在 #alerts-production 發出 `\(service)` 相關 alert",
            "- 客服回報使用者無法完成結帳或頁面載入緩慢",
            "", "## Impact", "",
            "- **Severity**: \(entry.severity)",
            "- **Affected Users**: 經由 `\(service)` 的所有使用者；若為 api-gateway 則是所有瀏覽與下單的使用者",
            "- **Business Impact**: 頁面變慢導致轉換率下降、結帳逾時與購物車放棄率上升",
            "", "## Detection", "",
            "- **Alert**: `\(entry.id)`（持續 10 分鐘）",
            "- **Monitoring Dashboard**: https://grafana.shop.example.com/d/\(service)/overview?var-namespace=production",
            "- **Log Patterns**: `context deadline exceeded`、`upstream timed out`、`connection reset by peer`",
            "", "## Diagnosis", "",
        ]
        for number in 1...max(1, steps) {
            let command = { (template: String) in template.replacingOccurrences(of: "{svc}", with: service) }
            lines += [
                "### Step \(number): \(random.pick(stepTitles))", "",
                random.pick(prose) + random.pick(prose), "",
                "```bash",
                command(random.pick(commands)),
                command(random.pick(commands)),
                "```", "",
            ]
        }
        lines += [
            "## Resolution", "", "### Immediate Actions", "",
            "1. 若 HPA 尚未達上限，手動增加 replicas 分散負載：", "",
            "   ```bash",
            "   kubectl scale deployment/\(service) --replicas=<replica-count> -n production",
            "   ```", "",
            "2. 若問題與最近一次部署時間吻合，立即 rollback：", "",
            "   ```bash",
            "   # 注意：rollback 會重新部署上一版，確認上一版沒有不相容的 database migration",
            "   kubectl rollout undo deployment/\(service) -n production",
            "   ```", "",
            "### Root Cause Fix", "",
            "1. 在 staging 重現並找出 hot path，修正程式後走正常發布流程。",
            "2. 依實際使用量重新設定 requests/limits 與 HPA。",
            "3. 更新 capacity plan 並提前擴充 node group。",
            "", "## Verification", "",
            "- [ ] `\(service)` 的 error rate 回到 0.1% 以下並維持 15 分鐘",
            "- [ ] 相關 alerts 已 resolved",
            "- [ ] API p95 latency 回到 500ms 以下",
            "- [ ] 沒有 pod 處於 `Pending` 或 `CrashLoopBackOff`",
            "- [ ] 結帳流程 smoke test 通過",
            "", "## Prevention", "",
            "- 每個 deployment 都設定合理的 requests/limits 與 HPA",
            "- 發布前在 staging 執行 load test",
            "- 每月檢視 dashboard，調整過低的 limits",
            "", "## Escalation", "",
            "- **L1 Support**: #ops-support（Slack）",
            "- **L2 Support**: #sre-team（Slack）",
            "- **On-Call Engineer**: https://shop.pagerduty.com/schedules/SRE-PRIMARY",
            "", "## Related", "",
            "- [Runbook 索引](README.md)",
            "", "---", "",
            "**Last Updated**: 2026-11-20",
            "**Owner**: \(random.pick(teams))",
            "**Review Cycle**: Monthly",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The index: an overview, then one `###` category with a table per group, then emergency contacts.
    private static func index(_ byCategory: [[Entry]]) -> String {
        var lines = [
            "# Operational Runbooks", "", "## 概述", "",
            "本目錄包含 Enterprise E-Commerce Platform 常見問題的 operational runbooks（由 benchmark 產生）。", "",
            "## Runbook 索引", "",
        ]
        for (name, entries) in zip(categories, byCategory) where !entries.isEmpty {
            lines += [
                "### \(name)", "", "| Runbook | Severity | Description |", "|---------|----------|-------------|",
            ]
            lines += entries.map { "| [\($0.title)](\($0.id).md) | \($0.severity) | \($0.description) |" }
            lines.append("")
        }
        lines += [
            "## Emergency Contacts", "", "### On-Call Rotation", "",
            "- **Primary On-Call**：查看 PagerDuty schedule",
            "- **Secondary On-Call**：查看 PagerDuty schedule",
            "", "---", "",
            "**Last Updated**：2026-11-20", "**Owner**：DevOps Team", "**Review Cycle**：Monthly",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
