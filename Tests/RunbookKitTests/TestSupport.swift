import Foundation
import Testing
import TestSupport
@testable import RunbookKit

/// Paths the tests read, by this target's names for the shared `PackagePaths`.
enum TestPaths {
    static let shippedRunbooks = PackagePaths.shippedRunbooks
    static let paymentsFixture = PackagePaths.paymentsRunbooks
}

/// A fresh directory of the running test, removed when it ends (its suite is marked `.temporaryFiles`), with
/// ways to write files into it.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = try freshDirectory()
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }
}

/// A shell checker that answers from a table, so lint tests say exactly what the shell would report.
struct ScriptedShellChecker: ShellSyntaxChecker {
    var invalid: [String: ShellSyntaxResult] = [:]

    func check(_ script: String) -> ShellSyntaxResult {
        for (fragment, result) in invalid where script.contains(fragment) {
            return result
        }
        return .valid
    }
}

/// A runbook in the template's shape, for tests that change one part of it.
let templateRunbook = """
# Runbook: Disk Full

## Symptoms

- Writes fail with `No space left on device`

## Impact

- **Severity**: P2
- **Affected Users**: uploads
- **Business Impact**: sellers cannot add photos

## Detection

- **Alert**: DiskAlmostFull

## Diagnosis

### Step 1: Find the full volume

```bash
df -h
```

### Step 2: Find big files

```bash
du -sh /var/log/* | sort -h | tail
```

## Resolution

### Immediate Actions

1. Rotate logs

### Root Cause Fix

1. Add log retention

## Verification

- [ ] Free space above 20%
- [ ] Uploads succeed

## Prevention

- Alert at 70%

## Escalation

- **L1 Support**：#ops-support
- **On-Call Engineer**: [PagerDuty](https://example.pagerduty.com/schedules/SRE)

## Related

- [High CPU Usage](high-cpu-usage.md)
- Storage design doc

---

**Last Updated**：2026-11-01
**Owner**：Storage Team
**Review Cycle**：Monthly

"""

func messages(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(\.description).joined(separator: "\n")
}
