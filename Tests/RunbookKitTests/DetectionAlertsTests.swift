import RunbookKit
import TestSupport
import Testing

@Suite("A runbook's Detection section names the alerts it answers")
struct DetectionAlertsTests {
    @Test("Every shipped incident runbook names its alerts; High CPU Usage names two")
    func shipped() throws {
        let catalog = try Catalog.load(directory: PackagePaths.shippedRunbooks)
        let cpu = try #require(catalog.runbook(id: "high-cpu-usage"))
        #expect(cpu.detectionAlerts == ["HighCPUUsage", "CPUThrottlingHigh"])
        let named = catalog.runbookIDs.compactMap { catalog.runbook(id: $0) }.filter { !$0.detectionAlerts.isEmpty }
        #expect(named.count >= 12)
    }

    @Test("Only names on an Alert line count, never expressions or other lines' code")
    func onlyAlertNames() throws {
        let parsed = RunbookParser.parse(
            text: """
                # Runbook: Disk Full

                ## Detection

                - **Alert**: `NodeDiskFull` (`node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1`), `node:disk:full`
                - **告警**: `DiskWillFillIn4Hours`、`NodeDiskFull`
                - **Log Patterns**: `NoSpaceLeft`
                - `NotALabelledLine`
                """, path: "disk-full.md")
        let runbook = try #require(parsed.runbook)
        #expect(runbook.detectionAlerts == ["NodeDiskFull", "node:disk:full", "DiskWillFillIn4Hours"])
    }
}
